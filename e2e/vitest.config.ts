import path from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * End-to-end specs: the real server (started by global-setup.ts on a free port with a fresh
 * data directory) serving the built web app, driven through Debian's Chromium.
 * Run `npm run build -w web` first.
 */
export default defineConfig({
  root: path.resolve(import.meta.dirname, '..'),
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One server, one browser at a time: specs share the database, so they run one after another.
    fileParallelism: false,
  },
});
