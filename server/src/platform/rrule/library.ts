/** The rrule library, loaded the same way under Node and under bundlers and vitest. */
import * as rruleModule from 'rrule';

export type { Options } from 'rrule';

// Node loads rrule's CommonJS build, whose exports it cannot name statically, so there
// they live on `default`; bundlers and vitest load the ES build with real named exports.
type RRuleLibrary = typeof rruleModule;
const library = rruleModule as RRuleLibrary & { default?: RRuleLibrary };
export const { RRule, Weekday } = library.default ?? library;
