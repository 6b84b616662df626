import type { CsvMapping, Transaction } from '@atom/contracts';
import type { AppContext } from '../../context.js';
import type { FinanceAccountsTable, FinanceTransactionsTable } from '../../db/schema.js';
import { newId } from '../../platform/ids.js';
import type { Db } from '../queries.js';
import { applyRules } from '../rules/apply-rules.js';
import { linkTransfer, type TransferLink } from '../rules/link-transfer.js';
import { addActivity, addBatchActivity } from '../activity-summary.js';
import { loadRules } from '../rules/rules.js';
import { newTransactionRow } from '../transactions/create-transaction.js';
import { presentWritten } from '../transactions/present.js';
import type { MatchDecision } from './dedup.js';
import type { BankFileFormat, ParsedStatement } from './parsers/index.js';

/** Rows per INSERT: 1,000 rows of 20 columns stay under both databases' parameter limits. */
const CHUNK = 1000;

export interface ImportToWrite {
  userId: string;
  account: FinanceAccountsTable;
  fileName: string;
  format: BankFileFormat;
  statement: ParsedStatement;
  decisions: MatchDecision[];
  /** importedIds of probable duplicates the user said are new. */
  confirmed: Set<string>;
  /** Saved for the account when the user confirmed one. */
  csvMapping: CsvMapping | null;
}

/** What undo needs to put a posted-over pending transaction back as it was. */
export interface UpdatedBefore {
  id: string;
  date: string;
  amount: number;
  payee: string;
  imported_id: string | null;
  imported_payee: string | null;
  cleared: FinanceTransactionsTable['cleared'];
  pending: boolean;
}

async function categoryIdsByName(db: Db, userId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('finance_categories').select(['id', 'name']).where('user_id', '=', userId).execute();
  return new Map(rows.map((r) => [r.name.trim().toLowerCase(), r.id]));
}

/** QIF writes "Food:Groceries" for a subcategory; Atom's categories are flat within groups. */
function categoryOf(names: Map<string, string>, category: string | undefined): string | null {
  if (!category || category.startsWith('[')) return null; // "[Savings]" is a transfer, not a category
  const key = category.trim().toLowerCase();
  return names.get(key) ?? names.get(key.split(':').at(-1)!) ?? null;
}

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/** What undo reads back from the batch. */
export interface ImportSummary {
  updated?: UpdatedBefore[];
  /** Transfers a markTransfer rule made while importing: undo removes or unlinks the far sides. */
  transfers?: TransferLink[];
}

export interface ImportWritten {
  batchId: string;
  inserted: Transaction[];
  updatedIds: string[];
  /** Far sides of transfers the import's rules made: created rows and matched existing ones. */
  transfers: TransferLink[];
}

/** Everything or nothing, in one database transaction. */
export async function writeImport(ctx: AppContext, input: ImportToWrite): Promise<ImportWritten> {
  const { codec } = ctx.database;
  const { userId, account, statement, decisions } = input;
  return ctx.database.db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    const batchId = newId();
    await trx
      .insertInto('finance_import_batches')
      .values({ id: batchId, user_id: userId, account_id: account.id, file_name: input.fileName.slice(0, 500), format: input.format, transaction_count: 0, summary: null, created_at: now, undone_at: null })
      .execute();

    const names = await categoryIdsByName(trx, userId);
    // The user's rules run on every new row, as if it had just been typed in; a markTransfer
    // action links the row exactly as "apply rules" does, once every row is written.
    const rules = (await loadRules(trx, codec, userId)).filter((r) => r.enabled);
    const currencies = new Map((await trx.selectFrom('finance_accounts').select(['id', 'currency']).where('user_id', '=', userId).execute()).map((a) => [a.id, a.currency]));
    const transferTo = new Map<string, string>();
    const tags: { transaction_id: string; user_id: string; tag: string; tag_key: string }[] = [];
    const inserted: FinanceTransactionsTable[] = [];
    const splits: { id: string; user_id: string; transaction_id: string; category_id: string | null; amount: number; notes: string; position: number }[] = [];
    const posted: { existingId: string; row: ParsedStatement['transactions'][number]; importedId: string }[] = [];
    statement.transactions.forEach((t, i) => {
      const d = decisions[i]!;
      if (d.kind === 'posted') {
        posted.push({ existingId: d.existingId, row: t, importedId: d.importedId });
        return;
      }
      if (d.kind !== 'new' && !(d.kind === 'probable' && input.confirmed.has(d.importedId))) return;
      const isSplit = (t.splits?.length ?? 0) > 0;
      const fromFile = isSplit ? null : categoryOf(names, t.category);
      const ruled = rules.length
        ? applyRules(rules, { accountId: account.id, date: t.date, amount: t.amount, payee: t.payee, notes: t.memo ?? '', categoryId: fromFile, tags: [] })
        : null;
      const row = newTransactionRow(codec, userId, {
        account_id: account.id,
        date: t.date,
        amount: t.amount,
        payee: ruled?.payee ?? t.payee,
        notes: t.memo ?? '',
        category_id: isSplit ? null : (ruled?.categoryId ?? fromFile),
        cleared: t.pending ? 'uncleared' : 'cleared',
        pending: codec.bool.write(t.pending ?? false),
        imported_id: d.importedId,
        imported_payee: t.payee,
        import_batch_id: batchId,
        is_split: codec.bool.write(isSplit),
        created_at: now,
        updated_at: now,
      });
      inserted.push(row);
      // Same condition as on demand: a plain row, and the same currency on both sides.
      const target = ruled?.transferAccountId;
      if (target && !isSplit && currencies.get(target) === account.currency) transferTo.set(row.id, target);
      for (const tag of ruled?.addTags ?? []) tags.push({ transaction_id: row.id, user_id: userId, tag, tag_key: tag.toLowerCase() });
      t.splits?.forEach((s, position) =>
        splits.push({ id: newId(), user_id: userId, transaction_id: row.id, category_id: categoryOf(names, s.category), amount: s.amount, notes: s.memo ?? '', position }),
      );
    });
    await insertChunked(inserted, (chunk) => trx.insertInto('finance_transactions').values(chunk).execute());
    await insertChunked(splits, (chunk) => trx.insertInto('finance_transaction_splits').values(chunk).execute());
    await insertChunked(tags, (chunk) => trx.insertInto('finance_transaction_tags').values(chunk).execute());
    await addBatchActivity(trx, userId, batchId, 1);
    const transfers: TransferLink[] = [];
    for (const row of inserted) {
      const target = transferTo.get(row.id);
      if (!target) continue;
      const link = await linkTransfer(trx, ctx, userId, row, target);
      if (!link) continue;
      transfers.push(link);
      row.transfer_id = link.otherId;
      row.category_id = null;
    }

    const before: UpdatedBefore[] = [];
    if (posted.length > 0) {
      const rows = await trx
        .selectFrom('finance_transactions')
        .select(['id', 'date', 'amount', 'payee', 'imported_id', 'imported_payee', 'cleared', 'pending'])
        .where('user_id', '=', userId)
        .where('id', 'in', posted.map((p) => p.existingId))
        .execute();
      const byId = new Map(rows.map((r) => [r.id, r]));
      await addActivity(trx, userId, rows.map((r) => r.id), -1);
      for (const p of posted) {
        const was = byId.get(p.existingId);
        if (!was) continue;
        before.push({ ...was, amount: was.amount, pending: was.pending === true || was.pending === 1 });
        await trx
          .updateTable('finance_transactions')
          .set({
            date: p.row.date,
            amount: p.row.amount,
            imported_id: p.importedId,
            imported_payee: p.row.payee,
            pending: codec.bool.write(false),
            cleared: was.cleared === 'reconciled' ? 'reconciled' : 'cleared',
            updated_at: now,
          })
          .where('id', '=', p.existingId)
          .execute();
      }
      await addActivity(trx, userId, rows.map((r) => r.id), 1);
    }

    if (input.csvMapping) {
      const mapping = codec.json.write(input.csvMapping);
      await trx
        .insertInto('finance_csv_mappings')
        .values({ id: newId(), user_id: userId, account_id: account.id, mapping, created_at: now, updated_at: now })
        .onConflict((oc) => oc.column('account_id').doUpdateSet({ mapping, updated_at: now }))
        .execute();
    }
    await trx
      .updateTable('finance_import_batches')
      .set({ transaction_count: inserted.length, summary: codec.json.write({ updated: before, transfers } satisfies ImportSummary) })
      .where('id', '=', batchId)
      .execute();
    return { batchId, inserted: presentWritten(codec, account.currency, inserted, splits, tags), updatedIds: before.map((b) => b.id), transfers };
  });
}
