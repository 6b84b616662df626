import type { AppContext } from '../../context.js';
import { checkGoalsReached } from '../goals/goals.js';
import { monthOfDate } from './months.js';
import { checkOverspent } from './overspent.js';

/**
 * Budget and goal checks after each transaction change. Checks run one after another and
 * a check already waiting is not queued twice, so an import of thousands of transactions
 * in one month costs a few budget computations, not thousands.
 */
export function installFinanceReactions(ctx: AppContext): void {
  const waiting = new Set<string>();
  let chain: Promise<void> = Promise.resolve();
  const queue = (key: string, work: () => Promise<void>): Promise<void> => {
    if (waiting.has(key)) return chain;
    waiting.add(key);
    chain = chain
      .then(() => {
        waiting.delete(key);
        return work();
      })
      .catch((err: unknown) => ctx.logger.error({ err, key }, 'finance check failed'));
    return chain;
  };
  const react = (userId: string, date: string | null) =>
    Promise.all([
      date ? queue(`overspent:${userId}:${monthOfDate(date)}`, () => checkOverspent(ctx, userId, monthOfDate(date))) : Promise.resolve(),
      queue(`goals:${userId}`, () => checkGoalsReached(ctx, userId)),
    ]).then(() => undefined);
  ctx.events.on('transaction.created', (e) => react(e.payload.userId, e.payload.transaction.date));
  ctx.events.on('transaction.updated', (e) => react(e.payload.userId, e.payload.transaction.date));
  ctx.events.on('transaction.deleted', (e) => react(e.payload.userId, null));
}
