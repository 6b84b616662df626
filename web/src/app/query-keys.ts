/** Query keys in one place, so invalidation across tabs and features stays consistent. */
export const ME_KEY = ['me'] as const;
export const AUTH_CONFIG_KEY = ['auth-config'] as const;
export const TOKENS_KEY = ['tokens'] as const;
export const INVITES_KEY = ['invites'] as const;
/** Tasks: lists are ['tasks', 'list', params], one task is ['tasks', 'one', id]. */
export const TASKS_KEY = ['tasks'] as const;
export const PROJECTS_KEY = ['projects'] as const;
export const LABELS_KEY = ['labels'] as const;
export const FILTERS_KEY = ['filters'] as const;
/** Calendar: ['calendars'] lists calendars; ['events', 'range', params] lists occurrences. */
export const CALENDARS_KEY = ['calendars'] as const;
export const EVENTS_KEY = ['events'] as const;
/** CalDAV connections: ['caldav'] lists them, ['caldav', 'log', id] is one connection's sync log. */
export const CALDAV_KEY = ['caldav'] as const;
/** Finance: ['finance', 'accounts' | 'categories' | 'currencies'] and ['finance', 'transactions', params]. */
export const FINANCE_KEY = ['finance'] as const;
