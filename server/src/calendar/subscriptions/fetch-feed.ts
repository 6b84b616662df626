import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { isPrivateAddress, PrivateAddressError, publicOnlyLookup } from './private-addresses.js';

/** A problem with the feed that the user can understand and fix; the message names it. */
export class FeedError extends Error {}

const MAX_REDIRECTS = 5;
const TIMEOUT_MS = 30_000;

/** webcal(s):// is how calendar apps link feeds; it is https underneath. Other schemes are refused. */
export function feedUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new FeedError('is not a valid URL');
  }
  if (url.protocol === 'webcal:' || url.protocol === 'webcals:') url = new URL(`https:${url.href.slice(url.protocol.length)}`);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FeedError('must be an http(s) or webcal URL');
  if (url.username || url.password) throw new FeedError('must not contain a user name or password');
  return url;
}

export interface FetchOptions {
  etag: string | null;
  lastModified: string | null;
  maxBytes: number;
  allowPrivate: boolean;
}

export type FetchResult = { status: 'not_modified' } | { status: 'ok'; body: string; etag: string | null; lastModified: string | null };

type Once = { kind: 'redirect'; location: string } | { kind: 'not_modified' } | { kind: 'ok'; body: Buffer; etag: string | null; lastModified: string | null };

function describe(err: unknown, url: URL): string {
  if (err instanceof FeedError || err instanceof PrivateAddressError) return err.message;
  const code = (err as NodeJS.ErrnoException).code;
  const where = url.host;
  if (code === 'ECONNREFUSED') return `cannot reach ${where}: connection refused`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `cannot reach ${where}: no such host`;
  if (code === 'ECONNRESET') return `cannot reach ${where}: the connection was reset`;
  if (code === 'ETIMEDOUT') return `cannot reach ${where}: timed out`;
  if (code === 'EPROTO' || code?.startsWith('ERR_SSL_')) return `cannot make a secure (https) connection to ${where}: it does not answer in TLS (try http://)`;
  if (code && /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(code)) return `the https certificate of ${where} is not trusted (${code})`;
  const detail = (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 200);
  return `cannot fetch from ${where}: ${detail}`;
}

function getOnce(url: URL, opts: FetchOptions): Promise<Once> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { accept: 'text/calendar, */*;q=0.5', 'user-agent': 'Atom calendar subscription' };
    if (opts.etag) headers['if-none-match'] = opts.etag;
    if (opts.lastModified) headers['if-modified-since'] = opts.lastModified;
    const client = url.protocol === 'https:' ? https : http;
    const req = client.request(url, { method: 'GET', headers, timeout: TIMEOUT_MS, ...(opts.allowPrivate ? {} : { lookup: publicOnlyLookup }) }, (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && status !== 304 && res.headers.location) {
        res.resume();
        return resolve({ kind: 'redirect', location: res.headers.location });
      }
      if (status === 304) {
        res.resume();
        return resolve({ kind: 'not_modified' });
      }
      if (status < 200 || status >= 300) {
        res.resume();
        return reject(new FeedError(`the server answered ${status} ${res.statusMessage ?? ''}`.trim()));
      }
      const limit = opts.maxBytes >= 1_048_576 ? `${Math.round(opts.maxBytes / 1_048_576)} MB` : `${Math.round(opts.maxBytes / 1024)} KB`;
      const tooLarge = () => new FeedError(`is larger than the ${limit} limit (ATOM_IMPORT_LIMIT)`);
      if (Number(res.headers['content-length'] ?? 0) > opts.maxBytes) {
        res.destroy();
        return reject(tooLarge());
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > opts.maxBytes) {
          res.destroy();
          reject(tooLarge());
          return;
        }
        chunks.push(chunk);
      });
      res.on('error', reject);
      res.on('end', () => {
        const header = (name: string) => {
          const v = res.headers[name];
          return typeof v === 'string' ? v : null;
        };
        resolve({ kind: 'ok', body: Buffer.concat(chunks), etag: header('etag'), lastModified: header('last-modified') });
      });
    });
    req.on('timeout', () => req.destroy(new FeedError(`cannot reach ${url.host}: no answer within ${TIMEOUT_MS / 1000} s`)));
    req.on('error', reject);
    req.end();
  });
}

/**
 * GETs a feed with conditional headers, following a few redirects (each re-checked for its
 * scheme and, when private addresses are not allowed, its address), within a size limit.
 */
export async function fetchFeed(start: URL, opts: FetchOptions): Promise<FetchResult> {
  let url = start;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    // An address written into the URL is never looked up, so it is checked here.
    const literal = url.hostname.replace(/^\[|\]$/g, '');
    if (!opts.allowPrivate && net.isIP(literal) && isPrivateAddress(literal)) {
      throw new FeedError(`${literal} is a private address, which ATOM_FETCH_ALLOW_PRIVATE=false forbids`);
    }
    let once: Once;
    try {
      once = await getOnce(url, opts);
    } catch (err) {
      throw new FeedError(describe(err, url));
    }
    if (once.kind === 'not_modified') return { status: 'not_modified' };
    if (once.kind === 'ok') {
      const body = once.body.toString('utf8').replace(/^\uFEFF/, '');
      return { status: 'ok', body, etag: once.etag, lastModified: once.lastModified };
    }
    const next = new URL(once.location, url);
    if (next.protocol !== 'http:' && next.protocol !== 'https:') throw new FeedError(`redirects to a ${next.protocol} URL, which is not fetched`);
    url = next;
  }
  throw new FeedError(`redirects more than ${MAX_REDIRECTS} times`);
}
