/**
 * Test helper: a real Radicale CalDAV server on a free loopback port, with one htpasswd user,
 * a throwaway storage folder, stopped by PID. Used by the CalDAV tests and the benchmark.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { DavClient } from './dav-client.js';

export interface Radicale {
  url: string;
  port: number;
  username: string;
  password: string;
  storageDir: string;
  pid: number;
  /** A client signed in as the test user. */
  client(): DavClient;
  /** Creates a calendar for the test user by MKCALENDAR; returns its absolute URL (ending in /). */
  makeCalendar(name: string, displayName?: string): Promise<string>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitUntilAnswering(url: string, proc: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`radicale exited with ${proc.exitCode}: ${stderr()}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      await res.body?.cancel();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`radicale did not answer at ${url}: ${stderr()}`);
}

export async function startRadicale(opts: { username?: string; password?: string } = {}): Promise<Radicale> {
  const username = opts.username ?? 'alice';
  const password = opts.password ?? 'wonderland-secret';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atom-radicale-'));
  const storageDir = path.join(dir, 'storage');
  const users = path.join(dir, 'users');
  const config = path.join(dir, 'config');
  const port = await freePort();
  fs.writeFileSync(users, `${username}:${password}\n`);
  fs.writeFileSync(
    config,
    [
      '[server]',
      `hosts = 127.0.0.1:${port}`,
      '[auth]',
      'type = htpasswd',
      `htpasswd_filename = ${users}`,
      'htpasswd_encryption = plain',
      'delay = 0',
      '[rights]',
      'type = owner_only',
      '[storage]',
      `filesystem_folder = ${storageDir}`,
      '[web]',
      'type = none',
      '[logging]',
      'level = warning',
      '',
    ].join('\n'),
  );
  let err = '';
  const proc = spawn('/usr/bin/radicale', ['--config', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  proc.stderr.on('data', (d: Buffer) => {
    err = (err + d.toString()).slice(-4000);
  });
  const url = `http://127.0.0.1:${port}/`;
  try {
    await waitUntilAnswering(url, proc, () => err);
  } catch (e) {
    proc.kill('SIGKILL');
    throw e;
  }
  const pid = proc.pid ?? 0;
  const client = () => new DavClient(url, username, password);
  return {
    url,
    port,
    username,
    password,
    storageDir,
    pid,
    client,
    async makeCalendar(name, displayName = name) {
      const href = `${url}${username}/${name}/`;
      await client().makeCalendar(href, displayName);
      return href;
    },
    async stop() {
      const running = () => proc.exitCode === null && proc.signalCode === null;
      if (running()) {
        const exited = new Promise((r) => proc.once('exit', r));
        process.kill(pid, 'SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (running()) process.kill(pid, 'SIGKILL');
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
