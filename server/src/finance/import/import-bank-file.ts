import type { BankImportResult, Transaction } from '@atom/contracts';
import type { AppContext } from '../../context.js';
import type { Actor } from '../../platform/auth/actor.js';
import { errors } from '../../platform/errors.js';
import type { Upload } from '../../platform/http/multipart.js';
import { addDays } from '../../platform/time/calendar.js';
import { getAccountRow, type Db } from '../queries.js';
import type { TransferLink } from '../rules/link-transfer.js';
import { presentTransactions } from '../transactions/present.js';
import { matchTransactions, type ExistingTransaction, type MatchDecision } from './dedup.js';
import type { ParsedStatement } from './parsers/index.js';
import { readBankFile } from './read-bank-file.js';
import { writeImport } from './write-import.js';

/** Existing rows this far around the file's dates are candidates for matching. */
const WINDOW_DAYS = 10;

function chooseStatement(statements: ParsedStatement[], index: number | undefined, dryRun: boolean): { statement: ParsedStatement } {
  if (statements.length === 0) throw errors.field('file', 'holds no statement');
  if (index !== undefined) {
    const chosen = statements[index];
    if (!chosen) throw errors.field('statement', `the file holds ${statements.length} statement(s); choose 0 to ${statements.length - 1}`);
    return { statement: chosen };
  }
  if (statements.length > 1 && !dryRun) {
    throw errors.field('statement', `the file holds ${statements.length} statements (one per bank account); choose which to import into this account`);
  }
  return { statement: statements[0]! };
}

function assertCurrency(statement: ParsedStatement, currency: string): void {
  if (statement.currency && statement.currency !== currency) {
    throw errors.field('file', `is a statement in ${statement.currency}; this account is in ${currency}`);
  }
  const foreign = statement.transactions.find((t) => t.currency && t.currency !== currency);
  if (foreign) throw errors.field('file', `line ${foreign.line}: a transaction in ${foreign.currency}; this account is in ${currency}`);
}

async function existingAround(db: Db, userId: string, accountId: string, statement: ParsedStatement): Promise<ExistingTransaction[]> {
  if (statement.transactions.length === 0) return [];
  let min = statement.transactions[0]!.date;
  let max = min;
  for (const t of statement.transactions) {
    if (t.date < min) min = t.date;
    if (t.date > max) max = t.date;
  }
  const rows = await db
    .selectFrom('finance_transactions')
    .select(['id', 'date', 'amount', 'payee', 'imported_id', 'pending'])
    .where('user_id', '=', userId)
    .where('account_id', '=', accountId)
    .where('deleted_at', 'is', null)
    .where('date', '>=', addDays(min, -WINDOW_DAYS))
    .where('date', '<=', addDays(max, WINDOW_DAYS))
    .execute();
  return rows.map((r) => ({ id: r.id, date: r.date, amount: r.amount, payee: r.payee, importedId: r.imported_id, pending: r.pending === true || r.pending === 1 }));
}

const willImport = (d: MatchDecision, confirmed: Set<string>) => d.kind === 'new' || d.kind === 'posted' || (d.kind === 'probable' && confirmed.has(d.importedId));

/**
 * Imports a bank file into one account, all or nothing: parse (a 4xx naming the line on any
 * problem), match against what the account holds, then insert the new rows, turn pending
 * rows into their posted form and remember the batch so it can be undone as a whole.
 * A dry run stops before writing and answers the same preview.
 */
export async function importBankFile(ctx: AppContext, actor: Actor, accountId: string, upload: Upload, dryRun: boolean): Promise<BankImportResult> {
  const { db } = ctx.database;
  const userId = actor.user.id;
  const account = await getAccountRow(db, userId, accountId);
  if (account.closed === true || account.closed === 1) throw errors.conflict('This account is closed; reopen it to import into it');
  const file = await readBankFile(db, userId, account.id, account.currency, upload);
  const { statement } = chooseStatement(file.statements, file.fields.statement, dryRun);
  assertCurrency(statement, account.currency);

  const existing = await existingAround(db, userId, account.id, statement);
  const decisions = matchTransactions(statement.transactions, existing);
  const confirmed = new Set(file.fields.importProbable ?? []);
  const existingById = new Map(existing.map((e) => [e.id, e]));

  const counts = { rows: decisions.length, new: 0, duplicate: 0, posted: 0, probable: 0, inserted: 0, updated: 0 };
  for (const d of decisions) counts[d.kind] += 1;
  let batchId: string | null = null;
  let written: Transaction[] = [];
  let transfers: TransferLink[] = [];
  if (!dryRun) {
    const result = await writeImport(ctx, {
      userId,
      account,
      fileName: upload.fileName,
      format: file.format,
      statement,
      decisions,
      confirmed,
      csvMapping: file.csv?.source === 'request' ? file.csv.mapping : null,
    });
    batchId = result.batchId;
    written = result.inserted;
    transfers = result.transfers;
    counts.inserted = result.inserted.length;
    counts.updated = result.updatedIds.length;
  }
  // Events after the commit, so no listener sees a transaction that could still roll back.
  for (const transaction of written) ctx.events.emit('transaction.created', { userId, transaction });
  if (transfers.length > 0) {
    const created = new Set(transfers.filter((l) => l.created).map((l) => l.otherId));
    const ids = transfers.map((l) => l.otherId);
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await db.selectFrom('finance_transactions').selectAll().where('user_id', '=', userId).where('id', 'in', ids.slice(i, i + 500)).execute();
      for (const transaction of await presentTransactions(db, ctx.database.codec, userId, rows)) {
        if (created.has(transaction.id)) ctx.events.emit('transaction.created', { userId, transaction });
        else ctx.events.emit('transaction.updated', { userId, transaction, changed: ['transfer'] });
      }
    }
  }

  return {
    dryRun,
    batchId,
    accountId: account.id,
    fileName: upload.fileName,
    format: file.format,
    currency: account.currency,
    counts,
    rows: statement.transactions.map((t, i) => {
      const d = decisions[i]!;
      const match = 'existingId' in d && d.existingId ? existingById.get(d.existingId) : undefined;
      return {
        line: t.line,
        date: t.date,
        amount: t.amount,
        payee: t.payee,
        memo: t.memo ?? null,
        bankId: t.bankId ?? null,
        importedId: d.importedId,
        pending: t.pending ?? false,
        decision: d.kind,
        reason: 'reason' in d ? d.reason : null,
        existing: match ? { id: match.id, date: match.date, payee: match.payee, amount: match.amount } : null,
        willImport: willImport(d, confirmed),
      };
    }),
    warnings: statement.warnings,
    statements: file.statements.map((s, i) => ({ index: i, accountId: s.account?.accountId ?? null, currency: s.currency ?? null, transactions: s.transactions.length })),
    statementBalance: statement.balance ?? null,
    csv: file.csv,
  };
}
