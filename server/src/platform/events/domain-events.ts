/**
 * Every domain event and its payload. Later features add their events here
 * (`task.created`, `event.updated`, `transaction.created`...); automations, live UI
 * updates and the planner subscribe to them through the bus.
 */
export interface DomainEvents {
  'user.signed_up': { userId: string; email: string; role: 'admin' | 'member' };
  'user.logged_in': { userId: string };
  'token.created': { userId: string; tokenId: string };
  'token.revoked': { userId: string; tokenId: string };
  'invite.created': { userId: string; inviteId: string };
}

export type DomainEventName = keyof DomainEvents;

export interface DomainEvent<N extends DomainEventName = DomainEventName> {
  name: N;
  payload: DomainEvents[N];
  at: string;
}
