/**
 * Test helper: a real HTTP server on a free loopback port serving one .ics body that a test
 * can change, with ETag / If-None-Match support and a log of what it was asked.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';

export interface FeedServer {
  url: string;
  /** What GET /feed.ics answers next. */
  body: string;
  status: number;
  contentType: string;
  /** Every request: path and the conditional header it carried; and what was answered. */
  log: { path: string; ifNoneMatch: string | null; answered: number }[];
  close(): Promise<void>;
}

export async function startFeedServer(initial: string): Promise<FeedServer> {
  const state: FeedServer = { url: '', body: initial, status: 200, contentType: 'text/calendar; charset=utf-8', log: [], close: async () => undefined };
  const server = http.createServer((req, res) => {
    const ifNoneMatch = typeof req.headers['if-none-match'] === 'string' ? req.headers['if-none-match'] : null;
    const answer = (status: number, headers: Record<string, string> = {}, body = '') => {
      state.log.push({ path: req.url ?? '', ifNoneMatch, answered: status });
      res.writeHead(status, headers).end(body);
    };
    if (req.url === '/moved.ics') return answer(301, { location: '/feed.ics' });
    if (req.url !== '/feed.ics') return answer(404, { 'content-type': 'text/plain' }, 'no such feed');
    const etag = `"${createHash('sha256').update(state.body).digest('hex').slice(0, 16)}"`;
    if (state.status === 200 && ifNoneMatch === etag) return answer(304, { etag });
    answer(state.status, { 'content-type': state.contentType, ...(state.status === 200 ? { etag } : {}) }, state.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  state.url = `http://127.0.0.1:${port}/feed.ics`;
  state.close = () => new Promise((resolve) => server.close(() => resolve()));
  return state;
}
