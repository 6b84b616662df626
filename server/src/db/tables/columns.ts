/**
 * Column types as the application sees them after the per-dialect codecs:
 * instants are ISO 8601 UTC strings, booleans are 0/1 numbers on SQLite and booleans on
 * PostgreSQL (read through `codec.bool`), JSON is text on SQLite and jsonb on PostgreSQL
 * (read through `codec.json`).
 */
export type Instant = string;
export type DbBool = number | boolean;
export type DbJson = unknown;
