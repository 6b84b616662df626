import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts', 'serve'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function waitFor(url: string, ms = 20_000): Promise<Response> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      return await fetch(url);
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

describe('atom serve (a real process)', () => {
  it('honours PORT and ATOM_DATA_DIR, logs JSON, and stops cleanly on SIGTERM', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atom-main-'));
    const port = await freePort();
    const proc = start({ PORT: String(port), ATOM_DATA_DIR: dataDir });
    const res = await waitFor(`http://127.0.0.1:${port}/api/v1/health`);
    expect(res.status).toBe(200);
    expect(fs.existsSync(path.join(dataDir, 'atom.sqlite'))).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'secret.key'))).toBe(true);
    proc.child.kill('SIGTERM');
    expect(await proc.exited).toBe(0);
    const lines = proc.output().trim().split('\n').map((l) => JSON.parse(l) as { msg: string; reqId?: string });
    expect(lines.some((l) => l.msg === 'Atom is ready')).toBe(true);
    expect(lines.some((l) => l.msg === 'request completed' && typeof l.reqId === 'string')).toBe(true);
    expect(lines.some((l) => l.msg === 'shutting down')).toBe(true);
    fs.rmSync(dataDir, { recursive: true });
  }, 30_000);

  it('refuses a bad configuration with a message naming the variable', async () => {
    const proc = start({ PORT: 'not-a-port', DATABASE_URL: 'mysql://nope' });
    expect(await proc.exited).toBe(2);
    expect(proc.output()).toContain('PORT');
    expect(proc.output()).toContain('DATABASE_URL: must be a postgres:// or postgresql:// URL');
  }, 30_000);
});
