export * from './errors.js';
export * from './auth.js';
export * from './tokens.js';
export * from './invites.js';
export * from './health.js';
export * from './common.js';
export * from './dates.js';
export * from './tasks.js';
