import { randomBytes } from 'node:crypto';

export interface Account {
  name: string;
  email: string;
  password: string;
}

/** The administrator of the test server: whichever spec runs first creates it. */
export const adminAccount: Account = {
  name: 'Ada Admin',
  email: 'ada.admin@example.com',
  password: 'correct horse battery staple',
};

/** A fresh account per test run, so specs never collide on an email. */
export function uniqueAccount(name: string): Account {
  const id = randomBytes(4).toString('hex');
  return { name, email: `${name.toLowerCase().replace(/\W+/g, '.')}.${id}@example.com`, password: `pass-${id}-phrase` };
}

export async function serverHasUsers(baseUrl: string): Promise<boolean> {
  const res = await fetch(`${baseUrl}/api/v1/auth/config`);
  if (!res.ok) throw new Error(`GET /api/v1/auth/config answered ${res.status}`);
  const body = (await res.json()) as { hasUsers: boolean };
  return body.hasUsers;
}

/** Makes sure the administrator exists (created through the API if this spec runs first). */
export async function ensureAdmin(baseUrl: string, admin: Account): Promise<void> {
  if (await serverHasUsers(baseUrl)) return;
  const res = await fetch(`${baseUrl}/api/v1/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(admin),
  });
  if (res.status !== 201) throw new Error(`Creating the admin answered ${res.status}: ${await res.text()}`);
}
