import { z } from 'zod';

/**
 * Bank-file import: `POST /api/v1/finance/accounts/:id/import` takes a multipart upload
 * (field `file`, plus the optional fields below as text) and answers with what it found and
 * did. With `?dryRun=true` nothing is stored: the answer is the preview the user confirms.
 */
const ColumnRef = z.union([z.number().int().min(0).max(500), z.string().trim().min(1).max(200)]);
const Columns = z.union([ColumnRef, z.array(ColumnRef).min(1).max(10)]);

export const CsvMapping = z
  .object({
    delimiter: z.enum([',', ';', '\t', '|']).optional(),
    hasHeader: z.boolean(),
    skipRows: z.number().int().min(0).max(1000).optional(),
    skipFooterRows: z.number().int().min(0).max(1000).optional(),
    columns: z.object({
      date: ColumnRef,
      amount: ColumnRef.optional(),
      debit: ColumnRef.optional(),
      credit: ColumnRef.optional(),
      direction: ColumnRef.optional(),
      payee: Columns.optional(),
      memo: Columns.optional(),
      bankId: ColumnRef.optional(),
      currency: ColumnRef.optional(),
      postedDate: ColumnRef.optional(),
      checkNumber: ColumnRef.optional(),
    }),
    dateFormat: z.string().min(1).max(40).describe("Tokens YYYY YY MMM MM M DD D, e.g. 'DD.MM.YYYY'"),
    decimal: z.enum(['.', ',']),
    sign: z.enum(['normal', 'inverted']).optional().describe("'inverted' for card exports that show purchases as positive"),
  })
  .meta({ id: 'CsvMapping' });
export type CsvMapping = z.infer<typeof CsvMapping>;

export const BankFileFormat = z.enum(['ofx', 'qfx', 'qif', 'csv', 'camt053']);

/** The multipart text fields, after JSON fields are decoded. */
export const BankImportFields = z.object({
  format: BankFileFormat.optional().describe('Overrides detection by name and content'),
  mapping: CsvMapping.optional().describe('CSV only: the confirmed mapping (JSON); saved for the account on import'),
  dateStyle: z.enum(['MDY', 'DMY']).optional().describe('QIF only: day/month order when the file cannot tell'),
  statement: z.number().int().min(0).max(100).optional().describe('Which statement of a multi-account file to import (0-based)'),
  importProbable: z.array(z.string().min(1).max(200)).max(10_000).optional().describe('importedIds of probable duplicates the user says are new'),
});
export type BankImportFields = z.infer<typeof BankImportFields>;

export const BankImportQuery = z.object({ dryRun: z.enum(['true', 'false']).optional().describe('true: preview only, nothing stored') });

export const BankImportDecision = z.enum(['new', 'duplicate', 'posted', 'probable']);

export const BankImportRow = z
  .object({
    line: z.number().int().describe('1-based line in the file'),
    date: z.string(),
    amount: z.number().int(),
    payee: z.string(),
    memo: z.string().nullable(),
    bankId: z.string().nullable(),
    importedId: z.string().describe("The bank's id, or one Atom derived from the row (stable across re-imports)"),
    pending: z.boolean(),
    decision: BankImportDecision,
    reason: z.string().nullable(),
    existing: z.object({ id: z.string(), date: z.string(), payee: z.string(), amount: z.number().int() }).nullable(),
    willImport: z.boolean().describe('new rows, confirmed probable ones, and posted updates'),
  })
  .meta({ id: 'BankImportRow' });

export const BankImportResult = z
  .object({
    dryRun: z.boolean(),
    batchId: z.string().nullable().describe('Undo with POST /finance/imports/:batchId/undo'),
    accountId: z.string(),
    fileName: z.string(),
    format: BankFileFormat,
    currency: z.string(),
    counts: z.object({
      rows: z.number().int(),
      new: z.number().int(),
      duplicate: z.number().int(),
      posted: z.number().int(),
      probable: z.number().int(),
      inserted: z.number().int().describe('0 on a dry run'),
      updated: z.number().int().describe('pending transactions now posted; 0 on a dry run'),
    }),
    rows: z.array(BankImportRow),
    warnings: z.array(z.object({ line: z.number().int(), message: z.string() })),
    statements: z.array(z.object({ index: z.number().int(), accountId: z.string().nullable(), currency: z.string().nullable(), transactions: z.number().int() })),
    statementBalance: z.object({ amount: z.number().int(), date: z.string() }).nullable(),
    csv: z
      .object({
        mapping: CsvMapping,
        source: z.enum(['request', 'saved', 'proposed']).describe('Where the mapping came from'),
        headers: z.array(z.string()),
        sample: z.array(z.array(z.string())),
        notes: z.array(z.string()),
      })
      .nullable(),
  })
  .meta({ id: 'BankImportResult' });
export type BankImportResult = z.infer<typeof BankImportResult>;

export const BankImportBatch = z
  .object({
    id: z.string(),
    accountId: z.string(),
    fileName: z.string(),
    format: z.string(),
    transactionCount: z.number().int(),
    updatedCount: z.number().int(),
    createdAt: z.string(),
    undoneAt: z.string().nullable(),
  })
  .meta({ id: 'BankImportBatch' });
export type BankImportBatch = z.infer<typeof BankImportBatch>;
export const BankImportBatchList = z.object({ items: z.array(BankImportBatch) }).meta({ id: 'BankImportBatchList' });
