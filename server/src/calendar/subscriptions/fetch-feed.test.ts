import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedError, feedUrl, fetchFeed } from './fetch-feed.js';
import { isPrivateAddress } from './private-addresses.js';

let server: http.Server;
let port = 0;

beforeAll(async () => {
  server = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/calendar' }).end('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  port = typeof addr === 'object' && addr ? addr.port : 0;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const opts = (allowPrivate: boolean) => ({ etag: null, lastModified: null, maxBytes: 1_000_000, allowPrivate });

describe('feed URLs', () => {
  it('fetches webcal over https and refuses other schemes and embedded credentials', () => {
    expect(feedUrl('webcal://example.com/team.ics').href).toBe('https://example.com/team.ics');
    expect(feedUrl('webcals://example.com/team.ics').href).toBe('https://example.com/team.ics');
    expect(feedUrl('http://localhost:8080/a.ics').href).toBe('http://localhost:8080/a.ics');
    expect(() => feedUrl('file:///etc/passwd')).toThrow('must be an http(s) or webcal URL');
    expect(() => feedUrl('gopher://example.com/')).toThrow(FeedError);
    expect(() => feedUrl('https://me:secret@example.com/a.ics')).toThrow('must not contain a user name or password');
  });

  it('knows loopback, private, link-local and unique-local addresses', () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.10', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1']) expect(isPrivateAddress(a), a).toBe(true);
    for (const a of ['8.8.8.8', '172.32.0.1', '2001:4860:4860::8888', '::ffff:1.1.1.1']) expect(isPrivateAddress(a), a).toBe(false);
  });

  it('blocks private addresses only when told to, whether written as an address or resolved from a name', async () => {
    await expect(fetchFeed(new URL(`http://127.0.0.1:${port}/a.ics`), opts(true))).resolves.toMatchObject({ status: 'ok' });
    await expect(fetchFeed(new URL(`http://127.0.0.1:${port}/a.ics`), opts(false))).rejects.toThrow('127.0.0.1 is a private address, which ATOM_FETCH_ALLOW_PRIVATE=false forbids');
    await expect(fetchFeed(new URL(`http://localhost:${port}/a.ics`), opts(false))).rejects.toThrow(/^localhost is a private address \((127\.0\.0\.1|::1)\), which ATOM_FETCH_ALLOW_PRIVATE=false forbids$/);
  });

  it('names a webcal/https feed on a server that does not speak TLS', async () => {
    await expect(fetchFeed(feedUrl(`webcal://127.0.0.1:${port}/a.ics`), opts(true))).rejects.toThrow(`cannot make a secure (https) connection to 127.0.0.1:${port}: it does not answer in TLS (try http://)`);
  });
});
