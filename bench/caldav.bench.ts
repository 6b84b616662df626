import fs from 'node:fs';
import path from 'node:path';
import type { CaldavConnection, CaldavSyncResult } from '@atom/contracts';
import { DavClient } from '../server/src/calendar/caldav/dav-client.js';
import { startRadicale } from '../server/src/calendar/caldav/radicale.js';
import { signUpForBench, startAtom } from './lib/servers.js';

const TOTAL = 5000;
const ROUNDS = 5;

function ics(uid: string, summary: string, day: number, hour: number): string {
  const d = new Date(Date.UTC(2027, 0, 1) + day * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
  const h = String(hour).padStart(2, '0');
  const h1 = String(hour + 1).padStart(2, '0');
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Bench//EN', 'BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20260101T000000Z', `DTSTART:${d}T${h}0000Z`, `DTEND:${d}T${h1}0000Z`, `SUMMARY:${summary}`, 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
}

/**
 * CalDAV sync against a real Radicale: the full initial sync of a 5,000-event calendar, and,
 * in the same run, the incremental sync (RFC 6578 sync-token) after one event changed on
 * the server. The incremental one should cost a small, constant fraction of the full one.
 */
export async function caldavBench(dialect: 'sqlite' | 'postgres'): Promise<void> {
  const rad = await startRadicale();
  const atom = await startAtom(dialect);
  try {
    const calUrl = await rad.makeCalendar('bench', 'Bench');
    // Seeded straight into Radicale's storage folder: 5,000 PUTs would take minutes.
    const folder = path.join(rad.storageDir, 'collection-root', rad.username, 'bench');
    for (let i = 0; i < TOTAL; i += 1) fs.writeFileSync(path.join(folder, `e${i}.ics`), ics(`e${i}@bench`, `Event ${i}`, i % 365, 8 + (i % 10)));

    // Radicale parses and caches items on PUT; files written behind its back are parsed on the
    // first listing instead. Do that once here (generous timeout), so the sync timings below
    // measure Atom plus a warm server, as with PUT-created events.
    const warm = performance.now();
    await new DavClient(rad.url, rad.username, rad.password, 600_000).etags(calUrl);
    const warmMs = performance.now() - warm;

    const { token } = await signUpForBench(atom.url);
    const call = async <T>(method: string, url: string, body?: unknown): Promise<T> => {
      const res = await fetch(`${atom.url}${url}`, { method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
      if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    };
    const conn = await call<CaldavConnection>('POST', '/api/v1/connections/caldav', { url: rad.url, username: rad.username, password: rad.password });
    await call('PATCH', `/api/v1/connections/caldav/${conn.id}`, { calendars: [{ remoteUrl: calUrl, sync: true }] });
    const timed = async () => {
      const t0 = performance.now();
      const result = await call<CaldavSyncResult>('POST', `/api/v1/connections/caldav/${conn.id}/sync`);
      return { ms: performance.now() - t0, result };
    };

    const full = await timed();
    if (full.result.pulled.created !== TOTAL) throw new Error(`initial sync pulled ${JSON.stringify(full.result)}`);
    const quiet = await timed();
    const incremental: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const res = await fetch(`${calUrl}e${round * 7}.ics`, {
        method: 'PUT',
        headers: { authorization: `Basic ${Buffer.from(`${rad.username}:${rad.password}`).toString('base64')}`, 'content-type': 'text/calendar' },
        body: ics(`e${round * 7}@bench`, `Changed ${round}`, 10, 12),
      });
      await res.body?.cancel();
      const r = await timed();
      if (r.result.pulled.updated !== 1 || r.result.pulled.created !== 0) throw new Error(`incremental sync touched ${JSON.stringify(r.result)}`);
      incremental.push(r.ms);
    }
    incremental.sort((a, b) => a - b);
    const median = incremental[Math.floor(incremental.length / 2)]!;
    console.log(`\n[caldav] sync of a ${TOTAL.toLocaleString('en')}-event calendar with Radicale (${dialect}; Radicale cache warm-up ${(warmMs / 1000).toFixed(1)} s, not counted)`);
    console.log(`${'full initial sync (5,000 events pulled)'.padEnd(52)} ${full.ms.toFixed(0).padStart(8)} ms`);
    console.log(`${'incremental sync, nothing changed'.padEnd(52)} ${quiet.ms.toFixed(1).padStart(8)} ms`);
    console.log(`${`incremental sync, 1 event changed (median of ${ROUNDS})`.padEnd(52)} ${median.toFixed(1).padStart(8)} ms`);
    console.log(`ratio incremental / full: ${((median / full.ms) * 100).toFixed(2)}%`);
  } finally {
    await atom.stop();
    await rad.stop();
  }
}
