import type { Dialect } from './database.js';

/**
 * One representation per kind of value at the database boundary, whatever the dialect
 * hands back: see GUIDE "Two databases, one schema".
 */
export interface Codec {
  bool: { write(v: boolean): boolean | number; read(v: unknown): boolean };
  json: { write(v: unknown): string; read(v: unknown): unknown };
}

export function codecFor(dialect: Dialect): Codec {
  return {
    bool: {
      write: (v) => (dialect === 'sqlite' ? (v ? 1 : 0) : v),
      read: (v) => v === true || v === 1 || v === '1',
    },
    json: {
      write: (v) => JSON.stringify(v),
      // pg parses jsonb itself; SQLite stores the text we wrote.
      read: (v) => (dialect === 'sqlite' ? (JSON.parse(String(v)) as unknown) : v),
    },
  };
}

/** Column types for migrations, per dialect. */
export function columnTypes(dialect: Dialect) {
  const pg = dialect === 'postgres';
  return {
    instant: pg ? ('timestamptz' as const) : ('text' as const),
    json: pg ? ('jsonb' as const) : ('text' as const),
    bool: pg ? ('boolean' as const) : ('integer' as const),
    bigint: pg ? ('bigint' as const) : ('integer' as const),
  };
}
