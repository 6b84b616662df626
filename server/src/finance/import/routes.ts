import { BankImportBatch, BankImportBatchList, BankImportQuery, BankImportResult, IdParams } from '@atom/contracts';
import { readUpload } from '../../platform/http/multipart.js';
import { route, type RouteDef } from '../../platform/http/route.js';
import { getAccountRow } from '../queries.js';
import { importBankFile } from './import-bank-file.js';
import { listImports, undoImport } from './import-batches.js';
import { MAX_BANK_FILE_BYTES } from './parsers/index.js';

const tags = ['Finance import'];

export const financeImportRoutes: RouteDef[] = [
  route({
    method: 'POST',
    url: '/api/v1/finance/accounts/:id/import',
    summary: 'Import a bank file (OFX, QFX, QIF, CSV, camt.053) into an account; ?dryRun=true previews',
    description:
      'multipart/form-data with the file in `file` and optional text fields `format`, `mapping` (CSV mapping as JSON), `dateStyle` (QIF: MDY or DMY), ' +
      '`statement` (index in a multi-account file) and `importProbable` (JSON array of importedIds the user confirms are new). ' +
      'Rows already in the account (same bank id, or the same row of a file imported before) are skipped; a pending row later posted ' +
      'under another id updates the pending one; probable duplicates (same amount, close date, similar payee) are skipped unless confirmed. ' +
      'All or nothing: a problem anywhere answers 400 naming the line, and nothing is stored.',
    tags,
    auth: 'user',
    params: IdParams,
    query: BankImportQuery,
    bodyContentType: 'multipart/form-data',
    response: BankImportResult,
    handler: async ({ ctx, actor, params, query, req }) => {
      // The account first: an unknown id is a 404 whatever the upload holds.
      await getAccountRow(ctx.database.db, actor.user.id, params.id);
      const upload = await readUpload(req, { maxFileBytes: MAX_BANK_FILE_BYTES });
      return importBankFile(ctx, actor, params.id, upload, query.dryRun === 'true');
    },
  }),
  route({
    method: 'GET',
    url: '/api/v1/finance/accounts/:id/imports',
    summary: "An account's imports, newest first (up to 100)",
    tags,
    auth: 'user',
    params: IdParams,
    response: BankImportBatchList,
    handler: async ({ ctx, actor, params }) => ({ items: await listImports(ctx, actor, params.id) }),
  }),
  route({
    method: 'POST',
    url: '/api/v1/finance/imports/:id/undo',
    summary: 'Undo an import as a whole',
    tags,
    auth: 'user',
    params: IdParams,
    response: BankImportBatch,
    handler: async ({ ctx, actor, params }) => undoImport(ctx, actor, params.id),
  }),
];
