import type { Span } from './types.js';

/**
 * Hiding parts of the input from later grammars, and cutting recognised parts out of it.
 * Hidden characters are replaced one for one, so every offset still points into the original.
 */
export const HIDDEN = '\u0001';

export function hide(text: string, spans: readonly Span[]): string {
  const chars = text.split(''); // UTF-16 units, the unit of every offset here
  for (const { start, end } of spans) chars.fill(HIDDEN, start, end);
  return chars.join('');
}

/**
 * The title: the text minus the removed spans, whitespace collapsed. Where a cut leaves a
 * comma or semicolon hanging ("Call Bob tomorrow, then email" → "Call Bob, then email") the
 * space before it goes, and punctuation stranded at either end goes too.
 */
export function cutOut(text: string, removed: readonly Span[]): string {
  const sorted = [...removed].sort((a, b) => a.start - b.start);
  const pieces: string[] = [];
  let at = 0;
  for (const { start, end } of sorted) {
    if (start > at) pieces.push(text.slice(at, start));
    at = Math.max(at, end);
  }
  pieces.push(text.slice(at));
  const joined = pieces.reduce((left, right) => {
    // A cut between two words leaves one space; a cut inside a word (quote marks) leaves none.
    const spaced = /\s$/.test(left) || /^\s/.test(right);
    const l = left.trimEnd();
    const r = right.trimStart();
    if (r === '') return spaced ? `${l} ` : l;
    if (l === '') return r;
    return spaced && !/^[,;:.]/.test(r) ? `${l} ${r}` : l + r;
  });
  const title = joined.replace(/\s+/g, ' ').trim();
  return sorted.length > 0 ? title.replace(/^[\s,;:\-–—]+|[\s,;:\-–—]+$/g, '') : title;
}
