/**
 * A small markup reader for the two dialects bank files come in: strict XML (CAMT.053,
 * OFX 2.x) and OFX 1.x SGML, where leaf elements are never closed (`<TRNAMT>-12.50` then
 * the next tag). Every element remembers its 1-based line, which is why this is not an
 * off-the-shelf XML parser: errors and transactions must name the line of the file.
 * Namespace prefixes are dropped (`camt:Ntry` -> `Ntry`); CAMT files use one namespace.
 */
import { fail, shown } from './errors.js';
import { LineIndex } from './lines.js';

export interface MarkupNode {
  name: string;
  attributes: Record<string, string>;
  /** Text directly inside the element, entities decoded, not trimmed. */
  text: string;
  children: MarkupNode[];
  line: number;
}

export type Dialect = 'xml' | 'sgml';

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(raw: string, dialect: Dialect, lines: LineIndex, offset: number): string {
  if (!raw.includes('&')) return raw;
  const line = () => lines.lineAt(offset);
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);|&/g, (whole, entity: string | undefined) => {
    if (entity === undefined) return dialect === 'sgml' ? whole : fail('a bare "&" must be written as &amp;', line());
    if (entity.startsWith('#')) {
      const code = entity[1] === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fail(`bad character reference &${entity};`, line());
    }
    const named = NAMED_ENTITIES[entity.toLowerCase()];
    if (named !== undefined) return named;
    return dialect === 'sgml' ? whole : fail(`unknown entity &${entity};`, line());
  });
}

const TAG_NAME = /^(\/?)\s*([A-Za-z_][\w.:-]*)/;
const ATTRIBUTE = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return false;
  }
  return true;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

/** Reads the markup starting at `start` and returns its root element. */
export function readMarkup(text: string, dialect: Dialect, start = 0): MarkupNode {
  const lines = new LineIndex(text);
  const document: MarkupNode = { name: '#document', attributes: {}, text: '', children: [], line: 1 };
  const stack: MarkupNode[] = [document];
  const top = () => stack[stack.length - 1]!;
  const isLeafWithText = (node: MarkupNode) => node.children.length === 0 && node.text.trim() !== '';

  // Whitespace between tags is dropped unread: it is most of an indented file and means nothing.
  const addText = (raw: string, offset: number, decode: boolean) => {
    const value = decode ? decodeEntities(raw, dialect, lines, offset) : raw;
    if (stack.length === 1 || (dialect === 'sgml' && top().children.length > 0)) {
      const where = lines.lineAt(offset + Math.max(0, raw.search(/\S/)));
      if (stack.length === 1) fail(`text outside the document's root element: ${shown(value)}`, where);
      fail(`unexpected text ${shown(value)} inside <${top().name}>`, where);
    }
    top().text += value;
  };

  const open = (name: string, attributes: Record<string, string>, line: number, selfClosing: boolean) => {
    if (dialect === 'sgml' && stack.length > 1 && isLeafWithText(top())) stack.pop();
    if (stack.length === 1 && document.children.length > 0) fail(`a second root element <${name}>`, line);
    const node: MarkupNode = { name, attributes, text: '', children: [], line };
    top().children.push(node);
    if (!selfClosing) stack.push(node);
  };

  const close = (name: string, line: number) => {
    if (dialect === 'xml') {
      const current = top();
      if (stack.length === 1) fail(`</${name}> closes nothing`, line);
      if (current.name !== name) fail(`</${name}> does not close <${current.name}> (opened at line ${current.line})`, line);
      stack.pop();
      return;
    }
    const index = stack.findLastIndex((node, i) => i > 0 && node.name.toUpperCase() === name.toUpperCase());
    if (index === -1) fail(`</${name}> closes nothing`, line);
    // Elements left open here are SGML leaves. An empty one (`<MEMO>` with no value) swallowed
    // the elements after it as children; hand them back to its parent, where they belong.
    for (let i = stack.length - 1; i > index; i--) {
      const leaf = stack[i]!;
      if (leaf.children.length === 0) continue;
      const siblings = stack[i - 1]!.children;
      siblings.splice(siblings.indexOf(leaf) + 1, 0, ...leaf.children);
      leaf.children = [];
    }
    stack.length = index;
  };

  let i = start;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const end = lt === -1 ? text.length : lt;
    if (end > i && !isBlank(text, i, end)) addText(text.slice(i, end), i, true);
    if (lt === -1) break;
    const line = lines.lineAt(lt);
    const closer = text.startsWith('<!--', lt) ? '-->' : text.startsWith('<![CDATA[', lt) ? ']]>' : text.startsWith('<?', lt) ? '?>' : '>';
    const stop = text.indexOf(closer, lt + 1);
    if (stop === -1) fail(`the file ends inside the markup that starts at line ${line}; it looks truncated`, lines.lineCount);
    i = stop + closer.length;
    if (closer === ']]>' && !isBlank(text, lt + 9, stop)) addText(text.slice(lt + 9, stop), lt, false);
    if (closer !== '>' || text[lt + 1] === '!') continue;
    // Split by hand rather than by one regex: a lazy match up to "/?\s*$" backtracks quadratically on long tags.
    const inner = text.slice(lt + 1, stop).trimEnd();
    const selfClose = inner.endsWith('/');
    const tag = TAG_NAME.exec(inner);
    if (!tag) fail(`"${text.slice(lt, Math.min(stop + 1, lt + 40))}" is not a valid tag`, line);
    const [matched, slash, rawName] = tag;
    const rest = inner.slice(matched.length, selfClose ? -1 : undefined);
    const name = localName(rawName!);
    if (slash) {
      close(name, line);
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const match of rest.matchAll(ATTRIBUTE)) {
      attributes[localName(match[1]!)] = decodeEntities(match[2] ?? match[3] ?? '', dialect, lines, lt);
    }
    open(name, attributes, line, selfClose);
  }

  if (dialect === 'sgml') while (stack.length > 1 && top().children.length === 0) stack.pop();
  if (stack.length > 1) {
    const inner = top();
    fail(`the file ends inside <${inner.name}> (opened at line ${inner.line}); it looks truncated`, lines.lineCount);
  }
  const root = document.children[0];
  if (!root) fail('the file has no root element', lines.lineAt(start));
  return root;
}

/** The first child named `path[0]`, then its first child named `path[1]`... */
export function child(node: MarkupNode | undefined, ...path: string[]): MarkupNode | undefined {
  let current = node;
  for (const name of path) current = current?.children.find((c) => c.name === name);
  return current;
}

export function children(node: MarkupNode | undefined, name: string): MarkupNode[] {
  return node ? node.children.filter((c) => c.name === name) : [];
}

/** Trimmed text of the element at `path`, or undefined when it is absent or empty. */
export function textOf(node: MarkupNode | undefined, ...path: string[]): string | undefined {
  const found = child(node, ...path);
  const value = found?.text.trim().replace(/\s+/g, ' ');
  return value === '' ? undefined : value;
}
