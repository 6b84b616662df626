/**
 * Every domain event and its payload. Later features add their events here
 * (`task.created`, `event.updated`, `transaction.created`...); automations, live UI
 * updates and the planner subscribe to them through the bus.
 */
import type { Event, Goal, Project, Task, Transaction } from '@atom/contracts';

export interface DomainEvents {
  'user.signed_up': { userId: string; email: string; role: 'admin' | 'member' };
  'user.logged_in': { userId: string };
  'token.created': { userId: string; tokenId: string };
  'token.revoked': { userId: string; tokenId: string };
  'invite.created': { userId: string; inviteId: string };
  'project.created': { userId: string; project: Project };
  'project.updated': { userId: string; project: Project };
  'project.deleted': { userId: string; projectId: string };
  'task.created': { userId: string; task: Task };
  'task.updated': { userId: string; task: Task; changed: string[] };
  'task.completed': { userId: string; task: Task; next: Task | null };
  'task.deleted': { userId: string; taskId: string };
  'event.created': { userId: string; event: Event };
  'event.updated': { userId: string; event: Event };
  'event.deleted': { userId: string; eventId: string };
  'transaction.created': { userId: string; transaction: Transaction };
  /** `previousDate`: the date before this change, when it moved (budgets re-check the month it left). */
  'transaction.updated': { userId: string; transaction: Transaction; changed: string[]; previousDate?: string };
  /** `date`: the deleted transaction's date (budgets re-check its month). */
  'transaction.deleted': { userId: string; transactionId: string; date?: string };
  /**
   * An occurrence starts in `leadMinutes` (the user's calendar setting, or one of the event's
   * reminders). Fired once per (series, occurrence start, lead) by the scheduler; a moved
   * occurrence fires again for its new start.
   */
  'event.starting': {
    userId: string;
    /** The series or single event. */
    eventId: string;
    /** What the occurrence shows: the edited occurrence when it was changed, else the series. */
    event: Event;
    /** ISO instant; an all-day occurrence starts at midnight in the user's zone. */
    occurrenceStart: string;
    occurrenceEnd: string;
    allDay: boolean;
    leadMinutes: number;
    /** Whole minutes from the firing to the start (smaller than leadMinutes when a tick was late). */
    startsInMinutes: number;
    reason: 'lead' | 'reminder';
  };
  /** A category's available went below zero in `month` (once until it recovers); amounts in `currency` minor units. */
  'budget.overspent': { userId: string; categoryId: string; categoryName: string; month: string; available: number; currency: string };
  'goal.reached': { userId: string; goal: Goal };
}

export type DomainEventName = keyof DomainEvents;

export interface DomainEvent<N extends DomainEventName = DomainEventName> {
  name: N;
  payload: DomainEvents[N];
  at: string;
}
