import { existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

/**
 * Unit tests run once; database tests (`*.db.test.ts`) run against a fresh SQLite file and,
 * when DATABASE_URL is set, against a fresh PostgreSQL database as well.
 */
const dbProjects = ['sqlite', ...(process.env.DATABASE_URL ? ['postgres'] : [])];

/** The CalDAV suite talks to a real Radicale; CI always installs it, a laptop may not have it. */
const radicale = existsSync('/usr/bin/radicale');
if (!radicale && !process.env.CI) {
  console.warn('\nNOTE: CalDAV tests NOT run: no /usr/bin/radicale (apt-get install radicale).\n');
}
const dbExclude = radicale || process.env.CI ? [] : ['server/src/calendar/caldav/**'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['server/src/**/*.test.ts', 'contracts/src/**/*.test.ts', 'web/src/**/*.test.ts'],
          exclude: ['**/*.db.test.ts', '**/node_modules/**'],
        },
      },
      ...dbProjects.map((dialect) => ({
        test: {
          name: dialect,
          include: ['server/src/**/*.db.test.ts'],
          exclude: ['**/node_modules/**', ...dbExclude],
          env: { ATOM_TEST_DIALECT: dialect },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      })),
    ],
  },
});
