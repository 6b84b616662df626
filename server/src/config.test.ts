import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('config', () => {
  it('has working defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, host: '0.0.0.0', databaseUrl: undefined, publicUrl: 'http://localhost:3000', logLevel: 'info' });
    expect(c.dataDir).toMatch(/\/data$/);
    expect(c.secureCookies).toBe(false);
  });

  it('derives secure cookies and the public URL', () => {
    const c = loadConfig({ ATOM_PUBLIC_URL: 'https://atom.example.com/', PORT: '8080' });
    expect(c.publicUrl).toBe('https://atom.example.com');
    expect(c.secureCookies).toBe(true);
    expect(c.port).toBe(8080);
  });

  it('names every bad variable and the problem', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', ATOM_SECRET_KEY: 'short', ATOM_SIGNUP: 'maybe' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const msg = (err as ConfigError).message;
      expect(msg).toContain('PORT');
      expect(msg).toContain('DATABASE_URL: must be a postgres:// or postgresql:// URL');
      expect(msg).toContain('ATOM_SECRET_KEY: must be at least 32 characters');
      expect(msg).toContain('ATOM_SIGNUP');
    }
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).databaseUrl).toBeUndefined();
  });
});
