import { ErrorBody } from '@atom/contracts';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiRoutes } from '../../routes.js';
import { createTestApp, signUp, type Session, type TestApp } from '../../testing/test-app.js';
import type { RouteDef } from './route.js';

let t: TestApp;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp({ ATOM_BODY_LIMIT: '65536' });
  admin = await signUp(t.app);
});
afterAll(async () => t.close());

const UNKNOWN_ID = '01900000-0000-7000-8000-000000000000';

function urlOf(r: RouteDef, id = UNKNOWN_ID) {
  return r.url.replace(/:[A-Za-z]+/g, id);
}

/** A 4xx with the one error shape, and nothing that looks like a stack trace. */
function expectCleanError(res: LightMyRequestResponse, what: string, status?: number) {
  const label = `${what} → ${res.statusCode} ${res.body.slice(0, 200)}`;
  expect(res.statusCode, label).toBeGreaterThanOrEqual(400);
  expect(res.statusCode, label).toBeLessThan(500);
  if (status) expect(res.statusCode, label).toBe(status);
  expect(res.headers['content-type'], label).toMatch(/application\/json/);
  expect(ErrorBody.safeParse(res.json()).success, label).toBe(true);
  expect(res.body, label).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
}

/** A value of the wrong type for a field: the first candidate its schema rejects. */
function wrongTypeFor(schema: z.ZodType): unknown {
  const candidates: unknown[] = [{ not: 'this' }, 'not-the-right-type', 12345, [1, 2], true];
  return candidates.find((c) => !schema.safeParse(c).success);
}

/** The smallest body that passes validation, so a request reaches the handler (and its 404). */
function minimalBody(schema: z.ZodType | undefined): object | undefined {
  if (!schema) return undefined;
  const sample: Record<string, unknown> = {};
  const shape: Record<string, z.ZodType> = (schema as z.ZodObject).shape;
  for (const [key, field] of Object.entries(shape)) {
    if (field.safeParse(undefined).success) continue; // optional
    const choices = field instanceof z.ZodEnum ? field.options : ['x', 1, true, [], '2026-01-01', { date: '2026-01-01' }, {}];
    sample[key] = choices.find((c) => field.safeParse(c).success);
  }
  if (!schema.safeParse(sample).success) throw new Error(`cannot build a minimal body from ${JSON.stringify(sample)}`);
  return sample;
}

const bodyRoutes = apiRoutes.filter((r) => r.body && !r.bodyContentType);
const MULTIPART = 'multipart/form-data';
const rawBodyRoutes = apiRoutes.filter((r) => r.bodyContentType && r.bodyContentType !== MULTIPART);
const uploadRoutes = apiRoutes.filter((r) => r.bodyContentType === MULTIPART);

/** An id the admin owns for a route's `:id`, so a request gets past the 404 to the body checks. */
const owned = new Map<string, string>();
async function ownedIdFor(r: RouteDef): Promise<string> {
  const kind = r.url.includes('/finance/accounts/:id') ? 'account' : r.url.includes('/calendars/:id') ? 'calendar' : 'none';
  const known = owned.get(kind);
  if (known) return known;
  let id = UNKNOWN_ID;
  if (kind === 'calendar') {
    const calendars = await t.app.inject({ method: 'GET', url: '/api/v1/calendars', headers: { cookie: admin.cookie } });
    id = calendars.json<{ items: { id: string }[] }>().items[0]!.id;
  } else if (kind === 'account') {
    const account = await t.app.inject({ method: 'POST', url: '/api/v1/finance/accounts', headers: admin.headers, payload: { name: 'Bad input', type: 'checking', currency: 'USD' } });
    id = account.json<{ id: string }>().id;
  }
  owned.set(kind, id);
  return id;
}

/** A multipart/form-data body by hand: what a browser's FormData sends. */
function multipart(parts: { name: string; value: string; fileName?: string }[], boundary = 'atomTestBoundary') {
  const body = parts
    .map((p) => `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${p.fileName ? `; filename="${p.fileName}"\r\nContent-Type: application/octet-stream` : ''}\r\n\r\n${p.value}\r\n`)
    .join('');
  return { payload: `${body}--${boundary}--\r\n`, type: `${MULTIPART}; boundary=${boundary}` };
}
const paramRoutes = apiRoutes.filter((r) => r.params && !r.bodyContentType);
const authRoutes = apiRoutes.filter((r) => r.auth !== 'public');

describe('bad input on every route', () => {
  it.each(bodyRoutes.map((r) => [`${r.method} ${r.url}`, r] as const))('%s: malformed and mistyped bodies', async (_n, r) => {
    const url = urlOf(r);
    const send = (payload: string, type = 'application/json') =>
      t.app.inject({ method: r.method, url, headers: { ...admin.headers, 'content-type': type }, payload });

    expectCleanError(await send('{"name": '), 'truncated JSON', 400);
    expectCleanError(await send('{name: 1}'), 'not JSON', 400);
    expectCleanError(await send(''), 'empty body', 400);
    for (const v of ['[]', '"text"', '42', 'null', 'true']) expectCleanError(await send(v), `body ${v}`, 400);
    expectCleanError(await send('name=x', 'application/x-www-form-urlencoded'), 'form body', 415);
    expectCleanError(await send('hello', 'text/plain'), 'text body', 415);
    expectCleanError(await send(JSON.stringify({ name: 'x'.repeat(70_000) })), 'oversize body', 413);

    const shape = (r.body as z.ZodObject).shape as Record<string, z.ZodType>;
    for (const [field, fieldSchema] of Object.entries(shape)) {
      const res = await send(JSON.stringify({ [field]: wrongTypeFor(fieldSchema) }));
      expectCleanError(res, `wrong type for ${field}`, 400);
      expect(res.json<{ error: { fields?: Record<string, string> } }>().error.fields, `fields for ${field}`).toHaveProperty(field);
      const huge = await send(JSON.stringify({ [field]: 'y'.repeat(10_000) }));
      expect(huge.statusCode, `10k ${field}`).toBeLessThan(500);
    }
  });

  it.each(rawBodyRoutes.map((r) => [`${r.method} ${r.url}`, r] as const))('%s: wrong content types and garbage files', async (_n, r) => {
    const url = urlOf(r, await ownedIdFor(r));
    const send = (payload: string, type: string) => t.app.inject({ method: r.method, url, headers: { ...admin.headers, 'content-type': type }, payload });
    expectCleanError(await send('{"a":1}', 'application/json'), 'JSON instead of a file', 415);
    expectCleanError(await send('hello', 'text/plain'), 'text/plain', 415);
    expectCleanError(await send('', r.bodyContentType!), 'empty file', 400);
    expectCleanError(await send('\u0000\u0001garbage\nBEGIN:VCALENDAR\n', r.bodyContentType!), 'garbage file', 400);
    if (!r.params) return; // nothing addressed by id (e.g. a rates file): no 404 to check
    const unknown = await t.app.inject({ method: r.method, url: urlOf(r), headers: { ...admin.headers, 'content-type': r.bodyContentType! }, payload: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' });
    expectCleanError(unknown, 'unknown id', 404);
  });

  it.each(uploadRoutes.map((r) => [`${r.method} ${r.url}`, r] as const))('%s: wrong content types, malformed uploads and garbage files', async (_n, r) => {
    const url = urlOf(r, await ownedIdFor(r));
    const send = (payload: string, type: string, to = url) => t.app.inject({ method: r.method, url: to, headers: { ...admin.headers, 'content-type': type }, payload });
    expectCleanError(await send('{"a":1}', 'application/json'), 'JSON instead of a file', 415);
    expectCleanError(await send('hello', 'text/plain'), 'text/plain', 415);
    expectCleanError(await send('no boundary at all', MULTIPART), 'multipart without a boundary', 400);
    const cut = multipart([{ name: 'file', value: 'OFXHEADER:100', fileName: 'a.ofx' }]);
    expectCleanError(await send(cut.payload.slice(0, 60), cut.type), 'truncated multipart', 400);
    const noFile = multipart([{ name: 'format', value: 'csv' }]);
    const noFileRes = await send(noFile.payload, noFile.type);
    expectCleanError(noFileRes, 'no file', 400);
    expect(noFileRes.json<{ error: { fields: Record<string, string> } }>().error.fields).toHaveProperty('file');
    const empty = multipart([{ name: 'file', value: '', fileName: 'empty.csv' }]);
    expectCleanError(await send(empty.payload, empty.type), 'empty file', 400);
    const garbage = multipart([{ name: 'file', value: '\u0000\u0001garbage\nBEGIN:VCALENDAR\n', fileName: 'x.bin' }]);
    expectCleanError(await send(garbage.payload, garbage.type), 'garbage file', 400);
    const badField = multipart([{ name: 'mapping', value: '{not json' }, { name: 'file', value: 'Date,Amount\n2026-01-01,1.00\n', fileName: 'a.csv' }]);
    expectCleanError(await send(badField.payload, badField.type), 'a field that is not JSON', 400);
    const unknownField = multipart([{ name: 'colour', value: 'red' }, { name: 'file', value: 'Date,Amount\n2026-01-01,1.00\n', fileName: 'a.csv' }]);
    expectCleanError(await send(unknownField.payload, unknownField.type), 'an unknown field', 400);
    const ok = multipart([{ name: 'file', value: 'Date,Amount\n2026-01-01,1.00\n', fileName: 'a.csv' }]);
    expectCleanError(await send(ok.payload, ok.type, urlOf(r)), 'unknown id', 404);
  });

  it.each(paramRoutes.map((r) => [`${r.method} ${r.url}`, r] as const))('%s: unknown and malformed ids', async (_n, r) => {
    const headers = r.method === 'GET' ? { cookie: admin.cookie } : admin.headers;
    const payload = minimalBody(r.body);
    expectCleanError(await t.app.inject({ method: r.method, url: urlOf(r), headers, ...(payload ? { payload } : {}) }), 'unknown id', 404);
    expectCleanError(await t.app.inject({ method: r.method, url: urlOf(r, 'x'.repeat(300)), headers }), 'overlong id');
    expectCleanError(await t.app.inject({ method: r.method, url: urlOf(r, 'x'.repeat(80)), headers }), 'long id', 400);
    expectCleanError(await t.app.inject({ method: r.method, url: urlOf(r, '%27%3B--'), headers }), 'odd id');
  });

  it.each(authRoutes.map((r) => [`${r.method} ${r.url}`, r] as const))('%s: refuses anonymous callers with 401', async (_n, r) => {
    const res = await t.app.inject({ method: r.method, url: urlOf(r), ...(r.body ? { payload: {} } : {}) });
    expectCleanError(res, 'anonymous', 401);
    const badToken = await t.app.inject({ method: r.method, url: urlOf(r), headers: { authorization: 'Bearer atom_pat_nope' } });
    expectCleanError(badToken, 'bad token', 401);
  });

  it('answers unknown routes and methods with a JSON 404', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/nothing-here'],
      ['POST', '/api/v1/tokens/a/b'],
      ['PUT', '/api/v1/me'],
      ['DELETE', '/api/v1/auth/login'],
      ['GET', '/api'],
    ] as const) {
      expectCleanError(await t.app.inject({ method, url, headers: { cookie: admin.cookie } }), `${method} ${url}`, 404);
    }
  });

  it('ignores junk query strings without failing', async () => {
    for (const r of apiRoutes.filter((x) => x.method === 'GET')) {
      const res = await t.app.inject({ method: 'GET', url: `${urlOf(r)}?a[b]=1&&=&%zz=%`, headers: { cookie: admin.cookie } });
      expect(res.statusCode, `${r.url} ${res.body}`).toBeLessThan(500);
    }
  });

  it('stored nothing from all of the above', async () => {
    const users = await t.ctx.database.db.selectFrom('users').select('id').execute();
    const tokens = await t.ctx.database.db.selectFrom('api_tokens').select('id').execute();
    expect(users).toHaveLength(1);
    expect(tokens).toHaveLength(0);
    expect(await t.ctx.database.db.selectFrom('events').select('id').execute()).toHaveLength(0);
    expect(await t.ctx.database.db.selectFrom('tasks').select('id').execute()).toHaveLength(0);
  });
});
