import { BankImportFields, type CsvMapping } from '@atom/contracts';
import { AppError, errors } from '../../platform/errors.js';
import { fieldsFromZod } from '../../platform/http/route.js';
import type { Upload } from '../../platform/http/multipart.js';
import type { Db } from '../queries.js';
import {
  BankFileTooLarge,
  decodeBankFile,
  detectFormat,
  MAX_BANK_FILE_BYTES,
  ParseError,
  parseBankFile,
  sniffCsv,
  type BankFileFormat,
  type ParsedStatement,
} from './parsers/index.js';

export interface ReadFile {
  format: BankFileFormat;
  fields: BankImportFields;
  statements: ParsedStatement[];
  csv: { mapping: CsvMapping; source: 'request' | 'saved' | 'proposed'; headers: string[]; sample: string[][]; notes: string[] } | null;
}

/** The multipart text fields: JSON where the contract has structure, numbers where it has numbers. */
export function decodeFields(raw: Record<string, string>): BankImportFields {
  const decoded: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (name === 'mapping' || name === 'importProbable') {
      try {
        decoded[name] = JSON.parse(value) as unknown;
      } catch {
        throw errors.field(name, 'must be JSON');
      }
    } else if (name === 'statement') decoded[name] = /^\d+$/.test(value) ? Number(value) : value;
    else decoded[name] = value;
  }
  const parsed = BankImportFields.strict().safeParse(decoded);
  if (!parsed.success) {
    const fields = fieldsFromZod(parsed.error);
    throw errors.validation(fields, `Invalid form fields: ${Object.entries(fields).map(([k, v]) => `${k} ${v}`).join('; ')}`);
  }
  return parsed.data;
}

async function savedMapping(db: Db, userId: string, accountId: string): Promise<CsvMapping | null> {
  const row = await db.selectFrom('finance_csv_mappings').select('mapping').where('user_id', '=', userId).where('account_id', '=', accountId).executeTakeFirst();
  if (!row) return null;
  return (typeof row.mapping === 'string' ? JSON.parse(row.mapping) : row.mapping) as CsvMapping;
}

/**
 * Bytes to statements, or a 4xx naming the file and its line. For CSV the mapping is, in
 * order: the one sent with the request, the one saved for the account, or a proposal read
 * from the file (the preview shows which, so the user can correct it).
 */
export async function readBankFile(db: Db, userId: string, accountId: string, currency: string, upload: Upload): Promise<ReadFile> {
  const fields = decodeFields(upload.fields);
  try {
    const text = decodeBankFile(upload.bytes).text;
    const format = fields.format ?? detectFormat(upload.fileName, text);
    if (format === null) throw new ParseError('the file is not OFX, QFX, QIF, CSV or camt.053', 1, upload.fileName);
    let csv: ReadFile['csv'] = null;
    if (format === 'csv') {
      const sniff = sniffCsv(text);
      const fromRequest = fields.mapping ?? null;
      const saved = fromRequest ? null : await savedMapping(db, userId, accountId);
      const mapping = fromRequest ?? saved ?? sniff.mapping;
      csv = { mapping, source: fromRequest ? 'request' : saved ? 'saved' : 'proposed', headers: sniff.headers, sample: sniff.rows, notes: sniff.notes };
    }
    const statements = parseBankFile(upload.fileName, upload.bytes, {
      currency,
      byteLength: upload.bytes.byteLength,
      format,
      ...(csv ? { csv: csv.mapping } : {}),
      ...(fields.dateStyle ? { qif: { dateStyle: fields.dateStyle } } : {}),
    });
    return { format, fields, statements, csv };
  } catch (err) {
    if (err instanceof ParseError) {
      const where = `${err.file ?? upload.fileName}, line ${err.line}`;
      throw new AppError('validation_failed', 400, `${where}: ${err.problem}. Nothing was imported.`, { file: `line ${err.line}: ${err.problem}` });
    }
    if (err instanceof BankFileTooLarge) {
      throw new AppError('payload_too_large', 413, `${err.message}. Nothing was imported.`, { file: `is larger than ${MAX_BANK_FILE_BYTES / 1024 / 1024} MB` });
    }
    throw err;
  }
}
