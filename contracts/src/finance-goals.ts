import { z } from 'zod';
import { DateOnly } from './dates.js';
import { MinorAmount, Transaction } from './finance.js';

const Id = z.string().min(1).max(64);
const Name = z.string().trim().min(1, { error: 'is required' }).max(200, { error: 'must be at most 200 characters' });

/**
 * Goals: `save` a target by a date, or `keep` at least a balance; linked to a category
 * (its available balance, in the base currency) or to an account (its balance, in its currency).
 */
export const GoalKind = z.enum(['save', 'keep']);
export const GoalStatus = z.enum(['on_track', 'behind', 'reached', 'below_minimum']);

export const Goal = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: GoalKind,
    categoryId: z.string().nullable(),
    accountId: z.string().nullable(),
    targetAmount: z.number().int(),
    currency: z.string(),
    targetDate: z.string().nullable(),
    progress: z.object({ current: z.number().int(), percent: z.number().int().min(0).max(100) }),
    monthlyNeeded: z.number().int().nullable().describe('Still to save per month (this month included) to reach the target by targetDate, rounded up to the minor unit'),
    projectedDate: z.string().nullable().describe("When the target is reached at the last 3 months' average contribution; null if not progressing"),
    status: GoalStatus,
    reachedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Goal' });
export type Goal = z.infer<typeof Goal>;
export const GoalList = z.object({ items: z.array(Goal) }).meta({ id: 'GoalList' });
export type GoalList = z.infer<typeof GoalList>;

const PositiveAmount = MinorAmount.refine((n) => n > 0, { error: 'must be greater than zero' });
export const CreateGoalInput = z
  .object({ name: Name, kind: GoalKind, targetAmount: PositiveAmount, targetDate: DateOnly.nullable().optional(), categoryId: Id.optional(), accountId: Id.optional() })
  .describe('Exactly one of categoryId and accountId')
  .meta({ id: 'CreateGoalInput' });
export type CreateGoalInput = z.infer<typeof CreateGoalInput>;
export const UpdateGoalInput = z.object({ name: Name.optional(), targetAmount: PositiveAmount.optional(), targetDate: DateOnly.nullable().optional() }).meta({ id: 'UpdateGoalInput' });
export type UpdateGoalInput = z.infer<typeof UpdateGoalInput>;

/** Scheduled transactions: a rule of dates (RRULE) and the transaction to post on each. */
export const ScheduledTransaction = z
  .object({
    id: z.string(),
    accountId: z.string(),
    payee: z.string(),
    amount: z.number().int(),
    currency: z.string(),
    categoryId: z.string().nullable(),
    transferAccountId: z.string().nullable(),
    notes: z.string(),
    tags: z.array(z.string()),
    rrule: z.string(),
    startDate: z.string(),
    nextDate: z.string().nullable().describe('The next occurrence not yet posted; null once the rule has ended'),
    autoPost: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ScheduledTransaction' });
export type ScheduledTransaction = z.infer<typeof ScheduledTransaction>;
export const ScheduledTransactionList = z.object({ items: z.array(ScheduledTransaction) }).meta({ id: 'ScheduledTransactionList' });
export type ScheduledTransactionList = z.infer<typeof ScheduledTransactionList>;

const ScheduledFields = z.object({
  accountId: Id,
  payee: z.string().trim().max(500),
  amount: MinorAmount,
  categoryId: Id.nullable(),
  transferAccountId: Id.nullable(),
  notes: z.string().max(10_000),
  tags: z.array(z.string().trim().min(1).max(60).regex(/^[^,]+$/, { error: 'must not contain commas' })).max(50),
  rrule: z.string().trim().min(1).max(500).describe('RFC 5545 RRULE such as FREQ=MONTHLY;BYMONTHDAY=1'),
  startDate: DateOnly,
  autoPost: z.boolean(),
});
export const CreateScheduledInput = ScheduledFields.partial().required({ accountId: true, amount: true, rrule: true, startDate: true }).meta({ id: 'CreateScheduledInput' });
export type CreateScheduledInput = z.infer<typeof CreateScheduledInput>;
export const UpdateScheduledInput = ScheduledFields.partial().meta({ id: 'UpdateScheduledInput' });
export type UpdateScheduledInput = z.infer<typeof UpdateScheduledInput>;

export const UpcomingQuery = z.object({ days: z.coerce.number().int().min(1).max(366).default(30) }).meta({ id: 'UpcomingQuery' });
export type UpcomingQuery = z.infer<typeof UpcomingQuery>;
export const UpcomingBills = z
  .object({
    items: z.array(
      z.object({ scheduledId: z.string(), date: z.string(), payee: z.string(), amount: z.number().int(), currency: z.string(), accountId: z.string(), categoryId: z.string().nullable(), autoPost: z.boolean(), overdue: z.boolean() }),
    ),
  })
  .meta({ id: 'UpcomingBills' });
export type UpcomingBills = z.infer<typeof UpcomingBills>;
export const PostScheduledInput = z.object({ date: DateOnly.optional().describe('The occurrence to post; defaults to nextDate') }).meta({ id: 'PostScheduledInput' });
export type PostScheduledInput = z.infer<typeof PostScheduledInput>;
export const PostScheduledResult = z
  .object({
    transaction: Transaction,
    created: z.boolean().describe('False when this occurrence had been posted already: the earlier transaction is returned'),
    scheduled: ScheduledTransaction,
  })
  .meta({ id: 'PostScheduledResult' });
export type PostScheduledResult = z.infer<typeof PostScheduledResult>;
export const SkipScheduledInput = z.object({ date: DateOnly.describe('The occurrence to skip: it gets no transaction and nextDate moves past it') }).meta({ id: 'SkipScheduledInput' });
export type SkipScheduledInput = z.infer<typeof SkipScheduledInput>;
export const SkipScheduledResult = z
  .object({
    skipped: z.boolean().describe('False when the date was already behind nextDate (posted or skipped before): nothing changed'),
    scheduled: ScheduledTransaction,
  })
  .meta({ id: 'SkipScheduledResult' });
export type SkipScheduledResult = z.infer<typeof SkipScheduledResult>;
