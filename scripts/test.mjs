// `npm test`: everything CI checks, in order, stopping at the first failure.
// Lint and typecheck, then unit and database tests (SQLite always, PostgreSQL when
// DATABASE_URL is set), then a production build and the end-to-end tests in Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const chromium = process.env.ATOM_CHROMIUM ?? '/usr/bin/chromium';
const reports = mkdtempSync(path.join(os.tmpdir(), 'atom-test-report-'));
const started = Date.now();
const totals = { passed: 0, failed: 0, skipped: 0 };
const timings = [];

/** Runs one step; a failing step ends the run, after `before` had its say (a report to count). */
function step(name, cmd, args, before = () => undefined) {
  const t0 = Date.now();
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const res = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  timings.push(`${name} ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  before();
  if (res.status !== 0) {
    console.error(`\n=== ${name} failed (exit ${res.status ?? res.signal})`);
    finish(1);
  }
}

function vitest(name, config, reportFile) {
  const out = path.join(reports, reportFile);
  // The counts go into the totals even when the step fails, so the last line never says "0 failed" over a failure.
  step(name, 'npx', ['vitest', 'run', '--config', config, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`], () => {
    if (!existsSync(out)) return;
    const report = JSON.parse(readFileSync(out, 'utf8'));
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests;
    totals.skipped += report.numPendingTests + report.numTodoTests;
  });
}

function finish(code) {
  rmSync(reports, { recursive: true, force: true });
  console.log(`\n=== steps: ${timings.join(', ')}; total ${((Date.now() - started) / 1000).toFixed(1)}s`);
  console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  process.exit(code);
}

step('lint', 'npx', ['eslint', '.', '--max-warnings', '0']);
step('typecheck', 'npm', ['run', '--silent', 'typecheck']);
if (!process.env.DATABASE_URL) {
  console.log('\nNOTE: DATABASE_URL is not set, so the PostgreSQL suite is not run (SQLite only).');
}
vitest('unit and database tests', 'vitest.config.ts', 'server.json');
step('build', 'npm', ['run', '--silent', 'build']);
if (existsSync(chromium)) {
  vitest('end-to-end tests (Chromium)', 'e2e/vitest.config.ts', 'e2e.json');
} else if (process.env.CI) {
  console.error(`\n=== CI needs Chromium at ${chromium} for the end-to-end tests (apt-get install chromium)`);
  finish(1);
} else {
  console.log(`\nNOTE: end-to-end tests NOT run: no Chromium at ${chromium}. Install it (apt-get install chromium) or set ATOM_CHROMIUM.`);
}
finish(totals.failed > 0 ? 1 : 0);
