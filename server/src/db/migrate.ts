import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Database } from './database.js';
import { migrations } from './migrations/index.js';

class StaticProvider implements MigrationProvider {
  constructor(private readonly dialect: Database['dialect']) {}
  getMigrations(): Promise<Record<string, Migration>> {
    return Promise.resolve(
      Object.fromEntries(
        Object.entries(migrations).map(([name, m]) => [
          name,
          { up: (db: Kysely<unknown>) => m.up(db, this.dialect) },
        ]),
      ),
    );
  }
}

/** Brings the schema up to date; safe to call from several instances at once (Kysely locks). */
export async function migrateToLatest(database: Database): Promise<string[]> {
  const migrator = new Migrator({ db: database.db, provider: new StaticProvider(database.dialect) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(JSON.stringify(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
