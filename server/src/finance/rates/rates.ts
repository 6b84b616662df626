import { CreateExchangeRateInput, type ExchangeRate, type ExchangeRateQuery, type UpdateExchangeRateInput } from '@atom/contracts';
import type { AppContext } from '../../context.js';
import type { FinanceExchangeRatesTable } from '../../db/schema.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError, errors } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { assertCurrency, type Db } from '../queries.js';

export function presentRate(r: FinanceExchangeRatesTable): ExchangeRate {
  return { id: r.id, base: r.base, quote: r.quote, date: r.date, rate: r.rate, source: r.source, createdAt: r.created_at };
}

async function getRateRow(db: Db, userId: string, id: string): Promise<FinanceExchangeRatesTable> {
  const row = await db.selectFrom('finance_exchange_rates').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  if (!row) throw errors.notFound('Exchange rate');
  return row;
}

function checkPair(base: string, quote: string): void {
  assertCurrency(base, 'base');
  assertCurrency(quote, 'quote');
  if (base === quote) throw errors.field('quote', 'must differ from base');
}

async function assertFree(db: Db, userId: string, key: { base: string; quote: string; date: string }, exceptId?: string): Promise<void> {
  let q = db.selectFrom('finance_exchange_rates').select('id').where('user_id', '=', userId).where('base', '=', key.base).where('quote', '=', key.quote).where('date', '=', key.date);
  if (exceptId) q = q.where('id', '<>', exceptId);
  if (await q.executeTakeFirst()) throw errors.conflict(`A ${key.base}/${key.quote} rate for ${key.date} already exists; change that one`, { date: 'already has a rate for this pair' });
}

export async function listRates(ctx: AppContext, actor: Actor, query: ExchangeRateQuery): Promise<ExchangeRate[]> {
  let q = ctx.database.db.selectFrom('finance_exchange_rates').selectAll().where('user_id', '=', actor.user.id);
  if (query.base) q = q.where('base', '=', query.base);
  if (query.quote) q = q.where('quote', '=', query.quote);
  if (query.from) q = q.where('date', '>=', query.from);
  if (query.to) q = q.where('date', '<=', query.to);
  const rows = await q.orderBy('date', 'desc').orderBy('base').orderBy('quote').limit(10_000).execute();
  return rows.map(presentRate);
}

export async function createRate(ctx: AppContext, actor: Actor, input: CreateExchangeRateInput): Promise<ExchangeRate> {
  checkPair(input.base, input.quote);
  const { db } = ctx.database;
  return db.transaction().execute(async (trx) => {
    await assertFree(trx, actor.user.id, input);
    const row: FinanceExchangeRatesTable = { id: newId(), user_id: actor.user.id, base: input.base, quote: input.quote, date: input.date, rate: input.rate, source: 'manual', created_at: new Date().toISOString() };
    await trx.insertInto('finance_exchange_rates').values(row).execute();
    return presentRate(row);
  });
}

export async function updateRate(ctx: AppContext, actor: Actor, id: string, input: UpdateExchangeRateInput): Promise<ExchangeRate> {
  return ctx.database.db.transaction().execute(async (trx) => {
    const row = await getRateRow(trx, actor.user.id, id);
    const next = { ...row, date: input.date ?? row.date, rate: input.rate ?? row.rate };
    if (next.date !== row.date) await assertFree(trx, actor.user.id, next, id);
    await trx.updateTable('finance_exchange_rates').set({ date: next.date, rate: next.rate }).where('id', '=', id).where('user_id', '=', actor.user.id).execute();
    return presentRate(next);
  });
}

export async function deleteRate(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  await getRateRow(ctx.database.db, actor.user.id, id);
  await ctx.database.db.deleteFrom('finance_exchange_rates').where('id', '=', id).where('user_id', '=', actor.user.id).execute();
}

const MAX_LINES = 100_000;

function lineError(line: number, problem: string): AppError {
  return new AppError('validation_failed', 400, `line ${line}: ${problem}`, { [`line ${line}`]: problem });
}

/** `date,base,quote,rate` lines (a header line is allowed) to rows; the first bad line stops everything. */
export function parseRatesCsv(text: string): CreateExchangeRateInput[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines.length > MAX_LINES) throw errors.validation({ _: `at most ${MAX_LINES} lines per file` }, `A rates file holds at most ${MAX_LINES} lines`);
  const seen = new Map<string, number>();
  const rates: CreateExchangeRateInput[] = [];
  for (const [i, raw] of lines.entries()) {
    const n = i + 1;
    const line = raw.trim();
    if (line === '') continue;
    const cells = line.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
    if (rates.length === 0 && seen.size === 0 && cells[0]?.toLowerCase() === 'date') continue; // header
    if (cells.length !== 4) throw lineError(n, `expected 4 values (date,base,quote,rate), found ${cells.length}`);
    const [date, base, quote, rate] = cells as [string, string, string, string];
    const parsed = CreateExchangeRateInput.safeParse({ date, base: base.toUpperCase(), quote: quote.toUpperCase(), rate });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw lineError(n, `${String(issue.path[0] ?? 'value')} ${issue.message}`);
    }
    try {
      checkPair(parsed.data.base, parsed.data.quote);
    } catch (err) {
      throw lineError(n, err instanceof AppError ? err.message : 'invalid currency pair');
    }
    const key = `${parsed.data.base}/${parsed.data.quote}/${parsed.data.date}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) throw lineError(n, `repeats the ${parsed.data.base}/${parsed.data.quote} rate of ${parsed.data.date} from line ${earlier}`);
    seen.set(key, n);
    rates.push(parsed.data);
  }
  if (rates.length === 0) throw errors.validation({ _: 'the file has no rate lines' }, 'The file has no rate lines (date,base,quote,rate)');
  return rates;
}

/** All or nothing: a rate for a pair and date already stored is replaced by the file's. */
export async function importRates(ctx: AppContext, actor: Actor, text: string): Promise<{ imported: number }> {
  const rates = parseRatesCsv(text);
  const now = new Date().toISOString();
  await ctx.database.db.transaction().execute(async (trx) => {
    for (let i = 0; i < rates.length; i += 500) {
      const chunk = rates.slice(i, i + 500).map((r) => ({ id: newId(), user_id: actor.user.id, ...r, source: 'import', created_at: now }));
      await trx
        .insertInto('finance_exchange_rates')
        .values(chunk)
        .onConflict((oc) => oc.columns(['user_id', 'base', 'quote', 'date']).doUpdateSet((eb) => ({ rate: eb.ref('excluded.rate'), source: eb.ref('excluded.source') })))
        .execute();
    }
  });
  return { imported: rates.length };
}
