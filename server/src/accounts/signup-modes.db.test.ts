import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, signUp, type TestApp } from '../testing/test-app.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const attempt = (app: TestApp['app'], email: string) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/signup', payload: { email, password: 'long enough password', name: 'Someone' } });

describe('ATOM_SIGNUP', () => {
  it('open: anyone may sign up after the first account, as a member', async () => {
    t = await createTestApp({ ATOM_SIGNUP: 'open' });
    await signUp(t.app);
    const res = await attempt(t.app, 'second@example.com');
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ role: 'member' });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/config' })).json()).toEqual({ signup: 'open', hasUsers: true });
  });

  it('closed: the first account (the admin) can still be made, then nobody, not even with an invitation', async () => {
    t = await createTestApp({ ATOM_SIGNUP: 'closed' });
    const admin = await signUp(t.app);
    const res = await attempt(t.app, 'late@example.com');
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: 'signup_closed' } });
    const invite = await t.app.inject({ method: 'POST', url: '/api/v1/invites', headers: admin.headers, payload: {} });
    expect(invite.statusCode).toBe(409);
  });

  it('two simultaneous first sign-ups make exactly one admin', async () => {
    t = await createTestApp({ ATOM_SIGNUP: 'open' });
    const app = t.app;
    const results = await Promise.all(['a@example.com', 'b@example.com', 'c@example.com'].map((e) => attempt(app, e)));
    const roles = results.map((r) => r.json<{ role: string }>().role).sort();
    expect(roles).toEqual(['admin', 'member', 'member']);
  });
});
