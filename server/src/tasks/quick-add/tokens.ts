import type { Priority, QuickAddPart, Span } from './types.js';

/**
 * The sigil tokens of quick add (#project, @label, !1 / p1) and "quoted text".
 *
 * A token must start a word (start of text or whitespace before it) so
 * `bob@example.com`, `C#` and `Wow!` stay text. Names start with a letter so `#404` is an
 * issue number, not a project. Single-valued fields keep the first value: a later, different
 * `#project` or `!n` is left in the title, visibly not understood, rather than silently lost.
 * Quoted text is protected from every other grammar; only its quote marks leave the title.
 */
export interface TokenScan {
  projectName: string | null;
  labels: string[];
  priority: Priority | null;
  /** Recognised tokens, removed from the title. */
  parts: QuickAddPart[];
  /** Ranges the date and recurrence grammars must not read: every token-shaped word and quoted text. */
  hidden: Span[];
  /** Characters that leave the title without being a part: the marks around quoted text. */
  dropped: Span[];
}

const START = String.raw`(?<=^|\s)`;
// A trailing dot ends a sentence, not a name: "#Home." names Home, "#v1.2" names v1.2.
const END = String.raw`(?=$|[\s,;:!?)\]]|\.(?:$|\s))`;
const NAME = String.raw`[\p{L}_][\p{L}\p{N}_\-/.]*?`;
const QUOTED = String.raw`["“]([^"“”\n]*)["”]`;

const TOKEN = new RegExp(
  [
    `${START}([#@])(?:${QUOTED}|(${NAME})${END})`, // 1 sigil, 2 quoted name, 3 bare name
    `${START}!([1-4])${END}`, // 4 priority, Todoist's "!1"
    `${START}[pP]([1-4])${END}`, // 5 priority, "p1" as a word
    QUOTED, // 6 protected text
  ].join('|'),
  'gu',
);

const sameName = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

export function scanTokens(text: string): TokenScan {
  const scan: TokenScan = { projectName: null, labels: [], priority: null, parts: [], hidden: [], dropped: [] };
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index;
    const end = start + m[0].length;
    const [, sigil, quotedName, bareName, bang, pWord, protectedText] = m;
    if (protectedText !== undefined) {
      scan.hidden.push({ start, end });
      scan.dropped.push({ start, end: start + 1 }, { start: end - 1, end });
      continue;
    }
    const part = (kind: QuickAddPart['kind']) => scan.parts.push({ kind, text: m[0], start, end });
    if (sigil !== undefined) {
      const name = (quotedName ?? bareName?.replace(/_/g, ' ') ?? '').replace(/\s+/g, ' ').trim();
      if (name === '') continue; // `#""` or `#_`: nothing to name, plain text
      scan.hidden.push({ start, end });
      if (sigil === '#') {
        scan.projectName ??= name;
        if (sameName(scan.projectName, name)) part('project');
      } else {
        if (!scan.labels.some((l) => sameName(l, name))) scan.labels.push(name);
        part('label');
      }
      continue;
    }
    const level = Number(bang ?? pWord) as Priority;
    scan.hidden.push({ start, end });
    scan.priority ??= level;
    if (scan.priority === level) part('priority');
  }
  return scan;
}
