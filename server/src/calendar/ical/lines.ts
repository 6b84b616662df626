/**
 * Text to content lines (RFC 5545 3.1): line breaks of any flavour, unfolding, and the
 * NAME;PARAM=VALUE:value split, with RFC 6868 caret escapes in parameter values. Lazy, so
 * that a huge file fails at its first problem without being split up front.
 */
import { fail } from './errors.js';

export interface ContentLine {
  /** Upper case: DTSTART, X-WR-CALNAME. */
  name: string;
  /** Parameter names upper case; each value unquoted and caret-decoded. */
  params: Map<string, string[]>;
  value: string;
  /** 1-based line of the file on which this content line begins. */
  line: number;
  /** The unfolded text, for handing a component to ical.js. */
  raw: string;
}

const NAME = /^[A-Za-z0-9-]+$/;

/** Physical lines with their 1-based numbers, folded continuations joined to the line they continue. */
function* unfolded(text: string): Generator<{ text: string; line: number }> {
  let current: { text: string; line: number } | null = null;
  let lineNo = 0;
  let pos = 0;
  while (pos <= text.length) {
    let end = pos;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    const physical = text.slice(pos, end);
    lineNo++;
    pos = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
    const first = physical.charCodeAt(0);
    if ((first === 32 || first === 9) && current !== null) {
      current.text += physical.slice(1);
      continue;
    }
    if (current !== null) yield current;
    current = physical.trim() === '' ? null : { text: physical, line: lineNo };
  }
  if (current !== null) yield current;
}

function decodeCaret(value: string): string {
  return value.replace(/\^(n|N|\^|')/g, (_, c: string) => (c === '^' ? '^' : c === "'" ? '"' : '\n'));
}

/** One unfolded line to a content line; `line` names it in errors. */
export function parseContentLine(text: string, line: number): ContentLine {
  let i = 0;
  while (i < text.length && text[i] !== ';' && text[i] !== ':') i++;
  const name = text.slice(0, i);
  if (i === text.length) fail(`expected NAME:value, but "${excerpt(text)}" has no colon`, line);
  if (!NAME.test(name)) fail(`"${excerpt(name)}" is not a property name (letters, digits and dashes)`, line);
  const params = new Map<string, string[]>();
  while (text[i] === ';') {
    const eq = text.indexOf('=', i + 1);
    const paramName = eq < 0 ? '' : text.slice(i + 1, eq);
    if (!NAME.test(paramName)) fail(`a parameter of ${name.toUpperCase()} is not of the form NAME=value`, line);
    i = eq + 1;
    const values: string[] = [];
    for (;;) {
      if (text[i] === '"') {
        const close = text.indexOf('"', i + 1);
        if (close < 0) fail(`an unterminated quoted value in parameter ${paramName.toUpperCase()}`, line);
        values.push(decodeCaret(text.slice(i + 1, close)));
        i = close + 1;
      } else {
        let j = i;
        while (j < text.length && text[j] !== ';' && text[j] !== ':' && text[j] !== ',') j++;
        values.push(decodeCaret(text.slice(i, j)));
        i = j;
      }
      if (text[i] !== ',') break;
      i++;
    }
    if (i >= text.length) fail(`expected NAME:value, but the parameters of ${name.toUpperCase()} are not followed by a colon`, line);
    if (text[i] !== ';' && text[i] !== ':') fail(`unexpected "${text[i] ?? ''}" after parameter ${paramName.toUpperCase()}`, line);
    const key = paramName.toUpperCase();
    params.set(key, [...(params.get(key) ?? []), ...values]);
  }
  return { name: name.toUpperCase(), params, value: text.slice(i + 1), line, raw: text };
}

export function excerpt(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** The content lines of a whole file, lazily. */
export function* contentLines(text: string): Generator<ContentLine> {
  for (const { text: unfoldedText, line } of unfolded(text)) yield parseContentLine(unfoldedText, line);
}

/** The first value of a parameter, or null. */
export function param(line: ContentLine, name: string): string | null {
  return line.params.get(name)?.[0] ?? null;
}
