import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.js';
import { codecFor, type Codec } from './codec.js';
import { pgTimestampToIso } from './pg-timestamp.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  dialect: Dialect;
  codec: Codec;
  /** Where the SQLite file lives; undefined on PostgreSQL. */
  file: string | undefined;
  ping(): Promise<number>;
  destroy(): Promise<void>;
}

const { TIMESTAMPTZ, INT8, DATE } = pg.types.builtins;

/** pg would hand back Date objects and bigint strings; the app speaks ISO strings and numbers. */
function pgTypes(): pg.CustomTypesConfig {
  return {
    getTypeParser: ((oid: Parameters<typeof pg.types.getTypeParser>[0], format?: 'text') => {
      if (oid === TIMESTAMPTZ) return pgTimestampToIso;
      if (oid === INT8) return (v: string) => Number(v);
      // A calendar date stays the YYYY-MM-DD text it is; a Date object would shift with the zone.
      if (oid === DATE) return (v: string) => v;
      return pg.types.getTypeParser(oid, format) as unknown;
    }) as pg.CustomTypesConfig['getTypeParser'],
  };
}

export function openDatabase(opts: { databaseUrl?: string | undefined; dataDir: string; poolSize?: number }): Database {
  if (opts.databaseUrl) {
    // Sessions in UTC: instants come back in the form pgTimestampToIso reads without Date, and
    // any date arithmetic in SQL means the same thing whatever the server's own zone.
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10, types: pgTypes(), options: '-c TimeZone=UTC' });
    // An idle client losing its server must not crash the process; the next query reports it.
    pool.on('error', () => undefined);
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return wrap(db, 'postgres', undefined);
  }
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const file = path.join(opts.dataDir, 'atom.sqlite');
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  return wrap(db, 'sqlite', file);
}

function wrap(db: Kysely<DB>, dialect: Dialect, file: string | undefined): Database {
  return {
    db,
    dialect,
    codec: codecFor(dialect),
    file,
    async ping() {
      const started = performance.now();
      await sql`select 1`.execute(db);
      return performance.now() - started;
    },
    destroy: () => db.destroy(),
  };
}
