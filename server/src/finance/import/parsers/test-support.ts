/** Fixture loading for this folder's tests: bytes as uploaded, then decoded the way an import decodes them. */
import { readFileSync } from 'node:fs';
import { decodeBankFile } from './decode.js';
import { ParseError } from './errors.js';

export function fixtureBytes(name: string): Uint8Array {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
}

export function fixtureText(name: string): string {
  return decodeBankFile(fixtureBytes(name)).text;
}

/** Pick the fields a user checks in the preview, in file order. */
export function summary(transactions: { date: string; amount: number; payee: string; bankId?: string }[]) {
  return transactions.map(({ date, amount, payee, bankId }) => ({ date, amount, payee, bankId }));
}

/** The ParseError `run` throws; fails the test when it throws nothing or something else. */
export function parseError(run: () => unknown): ParseError {
  try {
    run();
  } catch (e) {
    if (e instanceof ParseError) return e;
    throw e;
  }
  throw new Error('expected a ParseError, but nothing was thrown');
}
