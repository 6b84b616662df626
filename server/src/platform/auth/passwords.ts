import argon2 from 'argon2';

/** OWASP's argon2id baseline (19 MiB, 2 passes): strong, and fast enough for a login form. */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/** Spend the same time when the account does not exist, so timing does not reveal emails. */
export async function burnVerifyTime(password: string): Promise<void> {
  dummyHash ??= hashPassword('atom-timing-equaliser');
  await verifyPassword(await dummyHash, password);
}
