import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSecrets, KEY_FILE, loadKeyMaterial } from './secrets.js';

const KEY_A = 'a'.repeat(40);
const KEY_B = 'b'.repeat(40);

describe('secrets', () => {
  it('round-trips text and never stores the plaintext', () => {
    const s = createSecrets(KEY_A);
    const ct = s.encrypt('imap password ✓');
    expect(ct).toMatch(/^v1\.[0-9a-f]{8}\./);
    expect(ct).not.toContain('imap');
    expect(s.decrypt(ct)).toBe('imap password ✓');
    expect(s.encrypt('same')).not.toBe(s.encrypt('same'));
  });

  it('detects tampering', () => {
    const s = createSecrets(KEY_A);
    const parts = s.encrypt('secret').split('.');
    const body = Buffer.from(parts[4]!, 'base64url');
    body[0] = body[0]! ^ 1;
    parts[4] = body.toString('base64url');
    expect(() => s.decrypt(parts.join('.'))).toThrow();
  });

  it('rotates: the new key reads old values given the previous key, and re-encrypts them', () => {
    const old = createSecrets(KEY_A).encrypt('token');
    const rotated = createSecrets(KEY_B, [KEY_A]);
    expect(rotated.decrypt(old)).toBe('token');
    expect(rotated.needsRotation(old)).toBe(true);
    const moved = rotated.reencrypt(old);
    expect(rotated.needsRotation(moved)).toBe(false);
    expect(createSecrets(KEY_B).decrypt(moved)).toBe('token');
    expect(() => createSecrets(KEY_B).decrypt(old)).toThrow(/ATOM_SECRET_KEY_PREVIOUS/);
  });

  it('derives distinct sub-keys per purpose', () => {
    const s = createSecrets(KEY_A);
    expect(s.deriveKey('csrf').equals(s.deriveKey('csrf'))).toBe(true);
    expect(s.deriveKey('csrf').equals(s.deriveKey('other'))).toBe(false);
  });

  it('generates a private key file on first start and reuses it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atom-key-'));
    const first = loadKeyMaterial({ secretKey: undefined, dataDir: dir });
    const file = path.join(dir, KEY_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(loadKeyMaterial({ secretKey: undefined, dataDir: dir })).toBe(first);
    expect(loadKeyMaterial({ secretKey: KEY_A, dataDir: dir })).toBe(KEY_A);
    fs.rmSync(dir, { recursive: true });
  });
});
