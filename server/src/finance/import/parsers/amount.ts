/**
 * Strict decimal text -> integer minor units. Never goes through a float: the digits are
 * joined as text and read as one integer. Anything that could be read two ways under the
 * given convention (a "1.234,56" in a "."-decimal import, a "12.34" in a ","-decimal one,
 * more decimals than the currency has) is refused with a sentence saying why, because a
 * silently misread amount is the worst thing an importer can do.
 */
import { shown } from './errors.js';

export type DecimalMark = '.' | ',';

export interface AmountStyle {
  /** Digits after the decimal mark in the currency: 0 (JPY), 2 (USD), 3 (KWD). */
  exponent: number;
  decimal: DecimalMark;
  /** Allow thousands grouping (the other mark, space, NBSP, apostrophe). OFX has none. */
  grouping?: boolean;
}

const SYMBOLS = '$€£¥₹';
const LEADING_SYMBOL = new RegExp(`^([+\\-\\u2212]?)\\s*[${SYMBOLS}]\\s*`);

const SPACE_GROUPS = /[ \u00a0\u202f']/;

/** The shapes nearly every bank writes ("-12.34", "1.234,56"), read without the general path's allocations. */
const FAST: Record<DecimalMark, RegExp> = {
  '.': /^([+-]?)(\d+|\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/,
  ',': /^([+-]?)(\d+|\d{1,3}(?:\.\d{3})+)(?:,(\d+))?$/,
};

export function parseAmount(text: string, style: AmountStyle): number {
  const fast = FAST[style.decimal].exec(text);
  if (fast && (style.grouping !== false || /^\d*$/.test(fast[2]!))) {
    const fraction = fast[3] ?? '';
    if (fraction.length <= style.exponent) {
      const whole = fast[2]!.length > 3 ? fast[2]!.replace(/[.,]/g, '') : fast[2]!;
      const minor = Number(whole + fraction.padEnd(style.exponent, '0'));
      if (Number.isSafeInteger(minor)) return fast[1] === '-' && minor !== 0 ? -minor : minor;
    }
  }
  const quoted = shown(text);
  let body = text.trim().replace(LEADING_SYMBOL, '$1');
  if (SYMBOLS.includes(body.at(-1) ?? '')) body = body.slice(0, -1).trimEnd();
  if (body === '') throw new Error(`the amount is empty`);
  let negative = false;
  const parenthesised = /^\((.*)\)$/.exec(body);
  if (parenthesised) {
    negative = true;
    body = parenthesised[1]!.trim();
  }
  const lead = body[0];
  if (lead === '-' || lead === '+' || lead === '\u2212') {
    negative = negative !== (lead !== '+');
    body = body.slice(1).trim();
  } else if (body.endsWith('-') || body.endsWith('+')) {
    negative = body.endsWith('-');
    body = body.slice(0, -1).trim();
  }
  const decimal = style.decimal;
  const other = decimal === '.' ? ',' : '.';
  if (!/^[0-9., \u00a0\u202f']+$/.test(body) || !/[0-9]/.test(body)) throw new Error(`${quoted} is not an amount`);

  const parts = body.split(decimal);
  if (parts.length > 2) {
    throw new Error(`${quoted} has more than one "${decimal}"; this import reads "${decimal}" as the decimal mark`);
  }
  const [whole = '', fraction = ''] = parts;
  if (parts.length === 2 && !/^[0-9]*$/.test(fraction)) {
    throw new Error(`${quoted} uses "${other}" as the decimal mark, but this import expects "${decimal}"`);
  }
  if (parts.length === 2 && fraction === '') throw new Error(`${quoted} ends with the decimal mark`);
  const digits = readWhole(whole, other, style.grouping ?? true, quoted, decimal);

  if ((style.grouping ?? true) && fraction.length === 3 && style.exponent < 3) {
    throw new Error(`${quoted} is ambiguous: "${decimal}" is the decimal mark here, but three digits follow it as in thousands grouping`);
  }
  const excess = fraction.slice(style.exponent);
  if (/[1-9]/.test(excess)) {
    throw new Error(`${quoted} has more decimals than the currency allows (${style.exponent})`);
  }
  const minor = Number(digits + fraction.slice(0, style.exponent).padEnd(style.exponent, '0'));
  if (!Number.isSafeInteger(minor)) throw new Error(`${quoted} is too large`);
  return negative && minor !== 0 ? -minor : minor;
}

const groupingPatterns = new Map<string, RegExp>();
function groupingPattern(separator: string): RegExp {
  let pattern = groupingPatterns.get(separator);
  if (!pattern) {
    pattern = new RegExp(`^[0-9]{1,3}(\\${separator}[0-9]{3})+$`);
    groupingPatterns.set(separator, pattern);
  }
  return pattern;
}

/** The integer part without its grouping marks; grouping must be regular (1-3 digits, then groups of 3). */
function readWhole(whole: string, other: string, grouping: boolean, quoted: string, decimal: DecimalMark): string {
  if (/^[0-9]*$/.test(whole)) return whole === '' ? '0' : whole;
  const separators = new Set(whole.replace(/[0-9]/g, ''));
  const [separator] = separators;
  const regular = separators.size === 1 && groupingPattern(separator!).test(whole);
  if (grouping && regular) return whole.replaceAll(separator!, '');
  if (separators.size === 1 && separator === other && whole.split(other).length === 2) {
    throw new Error(`${quoted} looks like it uses "${other}" as the decimal mark, but this import expects "${decimal}"`);
  }
  if (!grouping) throw new Error(`${quoted} is not an amount (no thousands separators allowed here)`);
  if (SPACE_GROUPS.test(whole) && separators.size > 1) throw new Error(`${quoted} mixes thousands separators`);
  throw new Error(`${quoted} has irregular thousands grouping`);
}

/** Integer minor units -> "-1234.56" (no grouping); the inverse of parseAmount for round trips and exports. */
export function formatAmount(minor: number, exponent: number, decimal: DecimalMark = '.'): string {
  if (!Number.isSafeInteger(minor)) throw new Error(`${minor} is not an integer amount of minor units`);
  const digits = Math.abs(minor).toString().padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = digits.slice(digits.length - exponent);
  return `${minor < 0 ? '-' : ''}${whole}${exponent > 0 ? decimal + fraction : ''}`;
}
