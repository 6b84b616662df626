import type { BankImportBatch, BankImportResult, CsvMapping } from '@atom/contracts';
import { useQuery } from '@tanstack/react-query';
import { api, apiUpload } from '../../app/api';
import { FINANCE_KEY } from '../../app/query-keys';

export const importsKey = (accountId: string) => [...FINANCE_KEY, 'imports', accountId] as const;

export interface ImportOptions {
  mapping?: CsvMapping;
  importProbable?: string[];
  /** Which statement of a multi-account file (0-based). */
  statement?: number;
  /** QIF only: day/month order when the file cannot tell. */
  dateStyle?: 'MDY' | 'DMY';
}

/**
 * Uploads a bank file as multipart (the JSON `api` helper cannot carry a file); with
 * `dryRun` the server stores nothing and answers the preview.
 */
export function uploadBankFile(accountId: string, file: File, options: ImportOptions, dryRun: boolean): Promise<BankImportResult> {
  const form = new FormData();
  if (options.mapping) form.set('mapping', JSON.stringify(options.mapping));
  if (options.importProbable && options.importProbable.length > 0) form.set('importProbable', JSON.stringify(options.importProbable));
  if (options.statement !== undefined) form.set('statement', String(options.statement));
  if (options.dateStyle) form.set('dateStyle', options.dateStyle);
  // The file last: the server reads the text fields before it.
  form.set('file', file, file.name);
  return apiUpload<BankImportResult>(`/finance/accounts/${encodeURIComponent(accountId)}/import${dryRun ? '?dryRun=true' : ''}`, form);
}

export const undoImport = (batchId: string) => api<BankImportBatch>('POST', `/finance/imports/${encodeURIComponent(batchId)}/undo`);

export function useImports(accountId: string) {
  return useQuery({
    queryKey: importsKey(accountId),
    queryFn: () => api<{ items: BankImportBatch[] }>('GET', `/finance/accounts/${encodeURIComponent(accountId)}/imports`),
    select: (d) => d.items,
  });
}
