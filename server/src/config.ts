import path from 'node:path';
import { z } from 'zod';

/**
 * Every environment variable Atom reads, with its default. The README's configuration
 * table mirrors this list; a bad value stops start-up with a message naming the variable.
 */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  ATOM_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: 'must be a postgres:// or postgresql:// URL' })
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, { error: 'must be a redis:// or rediss:// URL' })
    .optional(),
  ATOM_SECRET_KEY: z
    .string()
    .min(32, { error: 'must be at least 32 characters (e.g. `openssl rand -base64 32`)' })
    .optional(),
  ATOM_SECRET_KEY_PREVIOUS: z.string().optional(),
  ATOM_PUBLIC_URL: z.url({ error: 'must be an absolute URL such as https://atom.example.com' }).optional(),
  ATOM_SIGNUP: z.enum(['open', 'invite', 'closed']).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ATOM_BODY_LIMIT: z.coerce.number().int().min(1024).default(1_048_576),
  ATOM_IMPORT_LIMIT: z.coerce.number().int().min(1024).default(10_485_760),
  ATOM_SECURE_COOKIES: z.enum(['auto', 'true', 'false']).default('auto'),
  ATOM_FETCH_ALLOW_PRIVATE: z.enum(['true', 'false']).default('true'),
});

export type Env = z.infer<typeof EnvSchema>;

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  secretKey: string | undefined;
  previousSecretKeys: string[];
  publicUrl: string;
  /** Unset means: open until the first account exists, then invite-only. */
  signup: 'open' | 'invite' | 'closed' | undefined;
  logLevel: Env['LOG_LEVEL'];
  bodyLimit: number;
  /** Largest accepted import file (calendar .ics, later bank files), in bytes. */
  importLimit: number;
  secureCookies: boolean;
  /** Whether URLs the server fetches (calendar subscriptions) may point at loopback or private addresses. */
  fetchAllowPrivate: boolean;
  webDistDir: string;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(
    Object.keys(EnvSchema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]),
  );
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message} (got ${JSON.stringify(cleaned[String(i.path[0])])})`),
    );
  }
  const e = parsed.data;
  const publicUrl = (e.ATOM_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.ATOM_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    secretKey: e.ATOM_SECRET_KEY,
    previousSecretKeys: (e.ATOM_SECRET_KEY_PREVIOUS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    publicUrl,
    signup: e.ATOM_SIGNUP,
    logLevel: e.LOG_LEVEL,
    bodyLimit: e.ATOM_BODY_LIMIT,
    importLimit: e.ATOM_IMPORT_LIMIT,
    secureCookies: e.ATOM_SECURE_COOKIES === 'auto' ? publicUrl.startsWith('https://') : e.ATOM_SECURE_COOKIES === 'true',
    fetchAllowPrivate: e.ATOM_FETCH_ALLOW_PRIVATE === 'true',
    webDistDir: path.resolve(import.meta.dirname, '../../web/dist'),
  };
}
