import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, inviteAndSignUp, signUp, type Session, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let alice: Session;
let bob: Session;

beforeAll(async () => {
  t = await createTestApp();
  alice = await signUp(t.app);
  bob = await inviteAndSignUp(t.app, alice);
});
afterAll(async () => t.close());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('personal access tokens', () => {
  it('are shown once, work as Bearer, and stop working when revoked', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: alice.headers, payload: { name: 'backup script' } });
    expect(created.statusCode).toBe(201);
    const { id, token, prefix } = created.json<{ id: string; token: string; prefix: string }>();
    expect(token).toMatch(/^atom_pat_[A-Za-z0-9_-]{43}$/);
    expect(token.startsWith(prefix)).toBe(true);

    const list = await t.app.inject({ method: 'GET', url: '/api/v1/tokens', headers: { cookie: alice.cookie } });
    expect(list.json()).toMatchObject({ items: [{ id, name: 'backup script', lastUsedAt: null }] });
    expect(list.body).not.toContain(token);

    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { id: alice.userId }, auth: 'token' });

    const used = await t.app.inject({ method: 'GET', url: '/api/v1/tokens', headers: bearer(token) });
    expect(used.json<{ items: { lastUsedAt: string | null }[] }>().items[0]?.lastUsedAt).not.toBeNull();

    // A token needs no CSRF header: it is not ambient like a cookie.
    const viaToken = await t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: bearer(token), payload: { name: 'second' } });
    expect(viaToken.statusCode).toBe(201);

    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/tokens/${id}`, headers: alice.headers })).statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) });
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({ error: { code: 'unauthenticated' } });
  });

  it('stores only a hash of the token', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: alice.headers, payload: { name: 'h' } });
    const { id, token } = created.json<{ id: string; token: string }>();
    const row = await t.ctx.database.db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(token);
  });

  it("answers 404 for another user's token, and leaves it alone", async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: alice.headers, payload: { name: 'mine' } });
    const { id, token } = created.json<{ id: string; token: string }>();
    const res = await t.app.inject({ method: 'DELETE', url: `/api/v1/tokens/${id}`, headers: bob.headers });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'not_found' } });
    const bobsList = await t.app.inject({ method: 'GET', url: '/api/v1/tokens', headers: { cookie: bob.cookie } });
    expect(bobsList.json()).toEqual({ items: [] });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) })).statusCode).toBe(200);
  });

  it('rejects a malformed Authorization header', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: 'Basic abc' } });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: { code: 'unauthenticated' } });
  });
});
