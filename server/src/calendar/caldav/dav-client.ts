import { child, children, descendants, escapeXml, parseXml, type XmlNode } from './xml.js';

/** Why a CalDAV request failed, in words the user can act on. */
export class DavError extends Error {
  constructor(
    readonly kind: 'network' | 'auth' | 'http' | 'precondition',
    readonly status: number | null,
    message: string,
  ) {
    super(message);
    this.name = 'DavError';
  }
}

export interface DavResponse {
  href: string;
  /** HTTP status of the response element (404 in a sync report: the resource is gone). */
  status: number;
  props: XmlNode | undefined;
}

export interface RemoteCalendarInfo {
  url: string;
  displayName: string;
  color: string | null;
  components: string[];
  ctag: string | null;
}

const NS = 'xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav" xmlns:cs="http://calendarserver.org/ns/" xmlns:a="http://apple.com/ns/ical/"';
const statusOf = (line: string | undefined) => Number(/\s(\d{3})\s?/.exec(line ?? '')?.[1] ?? 200);

/** A small CalDAV (RFC 4791) / WebDAV sync (RFC 6578) client over fetch, with basic auth. */
export class DavClient {
  private readonly auth: string;

  constructor(
    readonly baseUrl: string,
    username: string,
    password: string,
    private readonly timeoutMs = 60_000,
  ) {
    this.auth = `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
  }

  resolve(href: string): string {
    return new URL(href, this.baseUrl).toString();
  }

  async request(method: string, href: string, opts: { body?: string; headers?: Record<string, string>; depth?: '0' | '1' } = {}): Promise<Response> {
    const url = this.resolve(href);
    let res: Response;
    try {
      res = await fetch(url, {
        method,
        headers: {
          authorization: this.auth,
          ...(opts.body !== undefined ? { 'content-type': opts.headers?.['content-type'] ?? 'application/xml; charset=utf-8' } : {}),
          ...(opts.depth ? { depth: opts.depth } : {}),
          ...opts.headers,
        },
        ...(opts.body !== undefined ? { body: opts.body } : {}),
        redirect: 'follow',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : err instanceof Error ? err.message : String(err);
      throw new DavError('network', null, `Cannot reach ${new URL(url).host}: ${cause}`);
    }
    if (res.status === 401) {
      await res.body?.cancel();
      throw new DavError('auth', 401, '401 Unauthorized: wrong username or password');
    }
    if (res.status === 412) {
      await res.body?.cancel();
      throw new DavError('precondition', 412, `412 Precondition Failed: ${method} ${new URL(url).pathname} changed on the server`);
    }
    if (res.status >= 400) {
      await res.body?.cancel();
      throw new DavError('http', res.status, `${res.status} ${res.statusText}: ${method} ${new URL(url).pathname}`);
    }
    return res;
  }

  private async multistatus(method: string, href: string, body: string, depth: '0' | '1'): Promise<{ responses: DavResponse[]; root: XmlNode }> {
    const res = await this.request(method, href, { body, depth });
    const root = parseXml(await res.text());
    const responses = descendants(root, 'response').map((r) => {
      const ok = children(r, 'propstat').find((p) => statusOf(child(p, 'status')?.text) < 300);
      return { href: child(r, 'href')?.text.trim() ?? '', status: statusOf(child(r, 'status')?.text), props: child(ok, 'prop') };
    });
    return { responses, root };
  }

  async propfind(href: string, props: string, depth: '0' | '1'): Promise<DavResponse[]> {
    return (await this.multistatus('PROPFIND', href, `<?xml version="1.0" encoding="utf-8"?><d:propfind ${NS}><d:prop>${props}</d:prop></d:propfind>`, depth)).responses;
  }

  /** Principal, then calendar home, then the calendars in it. */
  async discover(): Promise<RemoteCalendarInfo[]> {
    const [me] = await this.propfind(this.baseUrl, '<d:current-user-principal/><c:calendar-home-set/><d:resourcetype/>', '0');
    let home = child(child(me?.props, 'calendar-home-set'), 'href')?.text.trim();
    if (!home) {
      const principal = child(child(me?.props, 'current-user-principal'), 'href')?.text.trim();
      if (principal) {
        const [p] = await this.propfind(principal, '<c:calendar-home-set/>', '0');
        home = child(child(p?.props, 'calendar-home-set'), 'href')?.text.trim();
      }
    }
    const isCalendar = (props: XmlNode | undefined) => child(child(props, 'resourcetype'), 'calendar') !== undefined;
    if (!home && isCalendar(me?.props)) home = this.baseUrl;
    if (!home) throw new DavError('http', null, 'The server did not name a calendar home for this account; is this a CalDAV URL?');
    const list = await this.propfind(home, '<d:resourcetype/><d:displayname/><a:calendar-color/><c:supported-calendar-component-set/><cs:getctag/>', '1');
    return list
      .filter((r) => isCalendar(r.props))
      .map((r) => {
        const comps = children(child(r.props, 'supported-calendar-component-set'), 'comp');
        const color = child(r.props, 'calendar-color')?.text.trim() ?? '';
        return {
          url: this.resolve(r.href),
          displayName: child(r.props, 'displayname')?.text.trim() || decodeURIComponent(r.href.replace(/\/$/, '').split('/').pop() ?? 'Calendar'),
          color: /^#[0-9a-fA-F]{6}/.test(color) ? color.slice(0, 7) : null,
          // No component set means "any component".
          components: comps.length ? comps.map((c) => (c.attrs.name ?? '').toUpperCase()).filter(Boolean) : ['VEVENT', 'VTODO'],
          ctag: child(r.props, 'getctag')?.text.trim() ?? null,
        };
      });
  }

  async ctag(calendarUrl: string): Promise<string | null> {
    const [r] = await this.propfind(calendarUrl, '<cs:getctag/><d:sync-token/>', '0');
    return child(r?.props, 'getctag')?.text.trim() ?? child(r?.props, 'sync-token')?.text.trim() ?? null;
  }

  /** Every calendar object and its etag (the fallback when sync-collection is not offered). */
  async etags(calendarUrl: string): Promise<{ href: string; etag: string }[]> {
    const self = new URL(calendarUrl).pathname;
    return (await this.propfind(calendarUrl, '<d:getetag/><d:resourcetype/>', '1'))
      .filter((r) => new URL(this.resolve(r.href)).pathname !== self && child(child(r.props, 'resourcetype'), 'collection') === undefined)
      .map((r) => ({ href: r.href, etag: child(r.props, 'getetag')?.text.trim() ?? '' }));
  }

  /** RFC 6578: what changed since `token` (all, for null); etag null means deleted. */
  async syncCollection(calendarUrl: string, token: string | null): Promise<{ changes: { href: string; etag: string | null }[]; token: string | null }> {
    const body = `<?xml version="1.0" encoding="utf-8"?><d:sync-collection ${NS}><d:sync-token>${escapeXml(token ?? '')}</d:sync-token><d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>`;
    const { responses, root } = await this.multistatus('REPORT', calendarUrl, body, '1');
    const self = new URL(calendarUrl).pathname;
    const changes = responses
      .filter((r) => new URL(this.resolve(r.href)).pathname !== self)
      .map((r) => ({ href: r.href, etag: r.status === 404 ? null : (child(r.props, 'getetag')?.text.trim() ?? '') }));
    const next = root.children.flatMap((c) => children(c, 'sync-token'))[0]?.text.trim() ?? null;
    return { changes, token: next };
  }

  /** calendar-multiget: the iCalendar text of these resources. */
  async multiget(calendarUrl: string, hrefs: string[]): Promise<{ href: string; etag: string; data: string }[]> {
    if (hrefs.length === 0) return [];
    const list = hrefs.map((h) => `<d:href>${escapeXml(h)}</d:href>`).join('');
    const body = `<?xml version="1.0" encoding="utf-8"?><c:calendar-multiget ${NS}><d:prop><d:getetag/><c:calendar-data/></d:prop>${list}</c:calendar-multiget>`;
    const { responses } = await this.multistatus('REPORT', calendarUrl, body, '1');
    return responses
      .filter((r) => r.status < 300 && child(r.props, 'calendar-data'))
      .map((r) => ({ href: r.href, etag: child(r.props, 'getetag')?.text.trim() ?? '', data: child(r.props, 'calendar-data')?.text ?? '' }));
  }

  /** PUT a calendar object; `ifMatch` null means "create only" (If-None-Match: *). Returns the new etag if the server says it. */
  async put(href: string, ics: string, ifMatch: string | null): Promise<string | null> {
    const res = await this.request('PUT', href, {
      body: ics,
      headers: { 'content-type': 'text/calendar; charset=utf-8', ...(ifMatch === null ? { 'if-none-match': '*' } : { 'if-match': ifMatch }) },
    });
    await res.body?.cancel();
    return res.headers.get('etag');
  }

  async delete(href: string, ifMatch: string | null): Promise<void> {
    try {
      const res = await this.request('DELETE', href, { headers: ifMatch ? { 'if-match': ifMatch } : {} });
      await res.body?.cancel();
    } catch (err) {
      if (err instanceof DavError && err.status === 404) return;
      throw err;
    }
  }

  async makeCalendar(href: string, displayName: string): Promise<void> {
    const body = `<?xml version="1.0" encoding="utf-8"?><c:mkcalendar ${NS}><d:set><d:prop><d:displayname>${escapeXml(displayName)}</d:displayname><c:supported-calendar-component-set><c:comp name="VEVENT"/><c:comp name="VTODO"/></c:supported-calendar-component-set></d:prop></d:set></c:mkcalendar>`;
    const res = await this.request('MKCALENDAR', href, { body });
    await res.body?.cancel();
  }
}
