import type { AppContext } from '../../context.js';
import { checkGoalsReached } from '../goals/goals.js';
import { monthOfDate } from './months.js';
import { checkOverspentMonths } from './overspent.js';

/**
 * Budget and goal checks after each transaction change. Checks run one after another and
 * a check already waiting is not queued twice; a waiting overspending check collects every
 * month touched meanwhile, so an import of thousands of transactions over two years costs
 * one budget computation, not thousands.
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
  // Months touched per user since that user's check was queued; the check takes them all at once.
  const touched = new Map<string, Set<string>>();
  const react = (userId: string, ...dates: (string | null | undefined)[]) => {
    const months = dates.filter((d): d is string => !!d).map(monthOfDate);
    if (months.length > 0) touched.set(userId, new Set([...(touched.get(userId) ?? []), ...months]));
    return Promise.all([
      months.length > 0
        ? queue(`overspent:${userId}`, () => {
            const months = [...(touched.get(userId) ?? [])];
            touched.delete(userId);
            return checkOverspentMonths(ctx, userId, months);
          })
        : Promise.resolve(),
      queue(`goals:${userId}`, () => checkGoalsReached(ctx, userId)),
    ]).then(() => undefined);
  };
  ctx.events.on('transaction.created', (e) => react(e.payload.userId, e.payload.transaction.date));
  // A change re-checks the month a transaction left as well as the one it entered.
  ctx.events.on('transaction.updated', (e) => react(e.payload.userId, e.payload.transaction.date, e.payload.previousDate));
  ctx.events.on('transaction.deleted', (e) => react(e.payload.userId, e.payload.date));
}
