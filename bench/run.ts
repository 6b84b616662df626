import { calendarBench } from './calendar.bench.js';
import { caldavBench } from './caldav.bench.js';
import { financeImportBench } from './finance-import.bench.js';
import { financeReportsBench } from './finance-reports.bench.js';
import { foundationBench } from './foundation.bench.js';
import { tasksBench } from './tasks.bench.js';

/** `npm run bench`: every benchmark on SQLite, and on PostgreSQL when DATABASE_URL is set. */
const dialects: ('sqlite' | 'postgres')[] = ['sqlite', ...(process.env.DATABASE_URL ? (['postgres'] as const) : [])];
const only = process.argv[2];

if (!only || only === 'calendar') calendarBench();
for (const dialect of dialects) {
  if (!only || only === 'foundation') await foundationBench(dialect);
  if (!only || only === 'tasks') await tasksBench(dialect);
  if (!only || only === 'caldav') await caldavBench(dialect);
  if (!only || only === 'finance-import') await financeImportBench(dialect);
  if (!only || only === 'finance-reports') await financeReportsBench(dialect);
}
