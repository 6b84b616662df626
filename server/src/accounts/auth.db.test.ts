import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, inviteAndSignUp, signUp, type Session, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('sign-up', () => {
  it('makes the first account the admin and says sign-up is open until then', async () => {
    const before = await t.app.inject({ method: 'GET', url: '/api/v1/auth/config' });
    expect(before.json()).toEqual({ signup: 'open', hasUsers: false });

    admin = await signUp(t.app, { email: 'Admin@Example.com', name: 'Ada' });
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: admin.cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { email: 'admin@example.com', name: 'Ada', role: 'admin' }, auth: 'session' });
  });

  it('sets an httpOnly SameSite session cookie and a readable CSRF cookie', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'admin@example.com', password: admin.password },
    });
    const header = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    const session = header.find((c) => c.startsWith('atom_session='));
    const csrf = header.find((c) => c.startsWith('atom_csrf='));
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(csrf).not.toMatch(/HttpOnly/);
  });

  it('is by invitation once an account exists', async () => {
    const cfg = await t.app.inject({ method: 'GET', url: '/api/v1/auth/config' });
    expect(cfg.json()).toEqual({ signup: 'invite', hasUsers: true });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/signup',
      payload: { email: 'stranger@example.com', password: 'long enough password', name: 'Stranger' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: 'invite_required', fields: { inviteToken: 'is required' } } });
  });

  it('accepts an invitation once, as a member', async () => {
    const inv = await t.app.inject({ method: 'POST', url: '/api/v1/invites', headers: admin.headers, payload: { email: 'bob@example.com' } });
    expect(inv.statusCode).toBe(201);
    const { token, url } = inv.json<{ token: string; url: string }>();
    expect(url).toBe(`http://localhost:3000/signup?invite=${token}`);

    const bob = await signUp(t.app, { email: 'bob@example.com', inviteToken: token });
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: bob.cookie } });
    expect(me.json()).toMatchObject({ user: { role: 'member' } });

    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/signup',
      payload: { email: 'carol@example.com', password: 'long enough password', name: 'Carol', inviteToken: token },
    });
    expect(again.statusCode).toBe(400);
    expect(again.json()).toMatchObject({ error: { fields: { inviteToken: 'is invalid, used or expired' } } });

    const list = await t.app.inject({ method: 'GET', url: '/api/v1/invites', headers: { cookie: admin.cookie } });
    expect(list.json<{ items: { usedAt: string | null }[] }>().items[0]?.usedAt).not.toBeNull();
  });

  it('lets only the admin invite', async () => {
    const member = await inviteAndSignUp(t.app, admin);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/invites', headers: member.headers, payload: {} });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('refuses a taken email with a field error, whatever its case', async () => {
    const inv = await t.app.inject({ method: 'POST', url: '/api/v1/invites', headers: admin.headers, payload: {} });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/signup',
      payload: { email: 'ADMIN@example.com', password: 'long enough password', name: 'X', inviteToken: inv.json<{ token: string }>().token },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: { code: 'conflict', fields: { email: 'is already registered' } } });
  });

  it('names each invalid field', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/signup', payload: { email: 'nope', password: 'short', name: '' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: { code: 'validation_failed', fields: { email: 'must be a valid email address', password: 'must be at least 8 characters', name: 'is required' } },
    });
  });

  it('stores passwords as argon2id hashes only', async () => {
    const row = await t.ctx.database.db.selectFrom('users').select('password_hash').where('email', '=', 'admin@example.com').executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(admin.password);
  });
});

describe('login and logout', () => {
  it('logs in with the right password and out again', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'admin@example.com', password: admin.password } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'atom_session')!.value;
    const csrf = res.cookies.find((c) => c.name === 'atom_csrf')!.value;
    const headers = { cookie: `atom_session=${cookie}`, 'x-csrf-token': csrf };

    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers });
    expect(out.statusCode).toBe(204);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers });
    expect(me.statusCode).toBe(401);
    expect(me.json()).toMatchObject({ error: { code: 'unauthenticated' } });
  });

  it('answers a wrong password with 401 and the same message as an unknown email', async () => {
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'admin@example.com', password: 'not it at all' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'ghost@example.com', password: 'not it at all' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it('answers 429 after 10 failures for one account and address, without locking out others', async () => {
    const victim = await inviteAndSignUp(t.app, admin, { email: 'victim@example.com' });
    const attempt = (password: string, ip = '10.0.0.9') =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: ip, payload: { email: victim.email, password } });
    for (let i = 0; i < 10; i++) expect((await attempt('wrong password')).statusCode).toBe(401);
    const blocked = await attempt(victim.password);
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.json()).toMatchObject({ error: { code: 'rate_limited' } });
    expect((await attempt(victim.password, '10.0.0.10')).statusCode).toBe(200);
  });
});

describe('CSRF', () => {
  it('refuses a cookie-authenticated write without the token, and accepts it with', async () => {
    const without = await t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: { cookie: admin.cookie }, payload: { name: 'x' } });
    expect(without.statusCode).toBe(403);
    expect(without.json()).toMatchObject({ error: { code: 'csrf_failed' } });
    const forged = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: { cookie: admin.cookie, 'x-csrf-token': 'guess' },
      payload: { name: 'x' },
    });
    expect(forged.statusCode).toBe(403);
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: admin.headers, payload: { name: 'x' } });
    expect(ok.statusCode).toBe(201);
  });
});

describe('profile', () => {
  it('changes the name, and the password (signing out other sessions)', async () => {
    const user = await inviteAndSignUp(t.app, admin);
    const other = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: user.password } });
    const otherCookie = `atom_session=${other.cookies.find((c) => c.name === 'atom_session')!.value}`;

    const renamed = await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: user.headers, payload: { name: 'Renamed' } });
    expect(renamed.json()).toMatchObject({ name: 'Renamed' });

    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: user.headers,
      payload: { currentPassword: 'wrong one', newPassword: 'a brand new passphrase' },
    });
    expect(bad.json()).toMatchObject({ error: { fields: { currentPassword: 'is wrong' } } });

    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: user.headers,
      payload: { currentPassword: user.password, newPassword: 'a brand new passphrase' },
    });
    expect(changed.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: user.cookie } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: otherCookie } })).statusCode).toBe(401);
    const relogin = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: 'a brand new passphrase' } });
    expect(relogin.statusCode).toBe(200);
  });
});
