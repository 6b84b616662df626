import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Encryption at rest for what later features store (CalDAV/IMAP passwords, OAuth tokens).
 * AES-256-GCM; each ciphertext names the key that made it, so keys can rotate: the current
 * key encrypts, every known key decrypts, and `reencrypt` moves a value to the current key.
 *
 * Format: `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts).
 */
export interface Secrets {
  readonly keyId: string;
  encrypt(plaintext: string): string;
  decrypt(ciphertext: string): string;
  needsRotation(ciphertext: string): boolean;
  reencrypt(ciphertext: string): string;
  /** A stable sub-key for another purpose (e.g. CSRF HMAC), derived from the current key. */
  deriveKey(purpose: string): Buffer;
}

interface Key {
  id: string;
  bytes: Buffer;
}

export const KEY_FILE = 'secret.key';

function toKey(material: string): Key {
  // Any string of enough entropy works; hashing normalises it to 32 bytes.
  const bytes = createHash('sha256').update(material, 'utf8').digest();
  const id = createHash('sha256').update(bytes).digest('hex').slice(0, 8);
  return { id, bytes };
}

/** Reads ATOM_SECRET_KEY, or the key file under the data dir, creating it (mode 600) on first start. */
export function loadKeyMaterial(opts: { secretKey: string | undefined; dataDir: string }): string {
  if (opts.secretKey) return opts.secretKey;
  const file = path.join(opts.dataDir, KEY_FILE);
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const material = randomBytes(32).toString('base64url');
  fs.writeFileSync(file, `${material}\n`, { mode: 0o600, flag: 'wx' });
  return material;
}

export function createSecrets(current: string, previous: string[] = []): Secrets {
  const currentKey = toKey(current);
  const keys = new Map<string, Key>([currentKey, ...previous.map(toKey)].map((k) => [k.id, k]));

  function parse(ciphertext: string) {
    const parts = ciphertext.split('.');
    if (parts.length !== 5 || parts[0] !== 'v1') throw new Error('Not an Atom ciphertext');
    const [, keyId, iv, tag, body] = parts as [string, string, string, string, string];
    return { keyId, iv: Buffer.from(iv, 'base64url'), tag: Buffer.from(tag, 'base64url'), body: Buffer.from(body, 'base64url') };
  }

  const secrets: Secrets = {
    keyId: currentKey.id,
    encrypt(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', currentKey.bytes, iv);
      cipher.setAAD(Buffer.from(currentKey.id));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return ['v1', currentKey.id, iv.toString('base64url'), tag.toString('base64url'), body.toString('base64url')].join('.');
    },
    decrypt(ciphertext) {
      const { keyId, iv, tag, body } = parse(ciphertext);
      const key = keys.get(keyId);
      if (!key) throw new Error(`Unknown secret key id ${keyId}: set ATOM_SECRET_KEY_PREVIOUS to the key that encrypted it`);
      const decipher = createDecipheriv('aes-256-gcm', key.bytes, iv);
      decipher.setAAD(Buffer.from(keyId));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    },
    needsRotation: (ciphertext) => parse(ciphertext).keyId !== currentKey.id,
    reencrypt: (ciphertext) => secrets.encrypt(secrets.decrypt(ciphertext)),
    deriveKey: (purpose) => Buffer.from(hkdfSync('sha256', currentKey.bytes, Buffer.alloc(0), `atom:${purpose}`, 32)),
  };
  return secrets;
}
