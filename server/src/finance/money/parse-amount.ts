/**
 * The one decimal-amount reader: text -> integer minor units, for amounts people type (one
 * declared convention per account) and for bank files (one per import). Never goes through a
 * float: the digits are joined as text and read as one integer. Anything that could be read
 * two ways under the given convention is refused with a sentence saying why, because a
 * silently misread amount is the worst thing money software can do. Callers choose the
 * strictness they need (`grouping`, `symbols`, `refuseThousandsLike`) and the wording of
 * the messages (`wording`: an account's convention, or an import's).
 */

export type DecimalMark = '.' | ',';

export interface ParseAmountOptions {
  /** Digits after the decimal mark in the currency: 0 (JPY), 2 (USD), 3 (KWD). */
  exponent: number;
  decimal: DecimalMark;
  /** Allow thousands grouping (the other mark, space, NBSP, apostrophe). Default true; OFX/camt have none. */
  grouping?: boolean;
  /** Accept a currency symbol before or after the number ("-$1.00", "1,00 €"). Default false. */
  symbols?: boolean;
  /**
   * Refuse exactly three digits after the decimal mark when the currency has fewer ("12.345"
   * in USD could be twelve thousand with the other convention). Default false: a person
   * typing into an account with a declared convention gets "more decimals than USD allows".
   */
  refuseThousandsLike?: boolean;
  /** How messages name the convention: "this account writes amounts like 1,234.56" or "this import expects ".""; default 'account'. */
  wording?: 'account' | 'import';
  /** Named in the "more decimals than X allows" message; without it, "the currency". */
  currency?: string;
}

export type AmountProblem =
  | 'empty'
  | 'notAnAmount'
  | 'manyDecimalMarks'
  | 'otherDecimalMark'
  | 'looksLikeOtherDecimalMark'
  | 'endsWithDecimalMark'
  | 'thousandsLike'
  | 'tooManyDecimals'
  | 'tooLarge'
  | 'noGroupingAllowed'
  | 'mixedGrouping'
  | 'irregularGrouping';

export class AmountFormatError extends Error {
  constructor(
    message: string,
    readonly problem: AmountProblem,
  ) {
    super(message);
    this.name = 'AmountFormatError';
  }
}

/** The text quoted for a message and cut short: a 40 MB "amount" must not become a 40 MB error. */
function quote(value: string): string {
  const text = value.trim();
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

function explain(problem: AmountProblem, text: string, o: ParseAmountOptions): string {
  const q = quote(text);
  const d = o.decimal;
  const other = d === '.' ? ',' : '.';
  if (o.wording === 'import') {
    switch (problem) {
      case 'empty':
        return 'the amount is empty';
      case 'notAnAmount':
        return `${q} is not an amount`;
      case 'manyDecimalMarks':
        return `${q} has more than one "${d}"; this import reads "${d}" as the decimal mark`;
      case 'otherDecimalMark':
        return `${q} uses "${other}" as the decimal mark, but this import expects "${d}"`;
      case 'looksLikeOtherDecimalMark':
        return `${q} looks like it uses "${other}" as the decimal mark, but this import expects "${d}"`;
      case 'endsWithDecimalMark':
        return `${q} ends with the decimal mark`;
      case 'thousandsLike':
        return `${q} is ambiguous: "${d}" is the decimal mark here, but three digits follow it as in thousands grouping`;
      case 'tooManyDecimals':
        return `${q} has more decimals than ${o.currency ?? 'the currency'} allows (${o.exponent})`;
      case 'tooLarge':
        return `${q} is too large`;
      case 'noGroupingAllowed':
        return `${q} is not an amount (no thousands separators allowed here)`;
      case 'mixedGrouping':
        return `${q} mixes thousands separators`;
      case 'irregularGrouping':
        return `${q} has irregular thousands grouping`;
    }
  }
  const like = d === '.' ? '1,234.56' : '1.234,56';
  switch (problem) {
    case 'empty':
    case 'notAnAmount':
      return `${q} is not an amount`;
    case 'manyDecimalMarks':
      return `${q} has more than one decimal mark '${d}'; this account writes amounts like ${like}`;
    case 'otherDecimalMark':
      return `${q} looks like it uses '${other}' as the decimal mark; this account writes amounts like ${like}`;
    case 'looksLikeOtherDecimalMark':
    case 'irregularGrouping':
      return `${q}: '${other}' groups thousands in this account (amounts like ${like}), so it cannot stand here`;
    case 'endsWithDecimalMark':
      return `${q} ends with the decimal mark; this account writes amounts like ${like}`;
    case 'thousandsLike':
      return `${q} is ambiguous: '${d}' is the decimal mark here, but three digits follow it as in thousands grouping`;
    case 'tooManyDecimals':
      return `${q} has more decimals than ${o.currency ?? 'the currency'} allows (${o.exponent})`;
    case 'tooLarge':
      return `${q} is too large an amount`;
    case 'noGroupingAllowed':
      return `${q} is not an amount (no thousands separators allowed here)`;
    case 'mixedGrouping':
      return `${q} mixes thousands separators`;
  }
}

const SYMBOLS = '$€£¥₹';
const LEADING_SYMBOL = new RegExp(`^([+\\-\\u2212]?)\\s*[${SYMBOLS}]\\s*`);
const SPACE_GROUPS = /[ \u00a0\u202f']/;

/** The shapes nearly every bank writes ("-12.34", "1.234,56"), read without the general path's allocations. */
const FAST: Record<DecimalMark, RegExp> = {
  '.': /^([+-]?)(\d+|\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/,
  ',': /^([+-]?)(\d+|\d{1,3}(?:\.\d{3})+)(?:,(\d+))?$/,
};

const groupingPatterns = new Map<string, RegExp>();
function groupingPattern(separator: string): RegExp {
  let pattern = groupingPatterns.get(separator);
  if (!pattern) {
    pattern = new RegExp(`^[0-9]{1,3}(\\${separator}[0-9]{3})+$`);
    groupingPatterns.set(separator, pattern);
  }
  return pattern;
}

export function parseDecimalAmount(text: string, options: ParseAmountOptions): number {
  const { exponent, decimal } = options;
  const grouping = options.grouping ?? true;
  const fail = (problem: AmountProblem): never => {
    throw new AmountFormatError(explain(problem, text, options), problem);
  };

  const fast = FAST[decimal].exec(text);
  if (fast && (grouping || /^\d*$/.test(fast[2]!))) {
    const fraction = fast[3] ?? '';
    if (fraction.length <= exponent) {
      const whole = fast[2]!.length > 3 ? fast[2]!.replace(/[.,]/g, '') : fast[2]!;
      const minor = Number(whole + fraction.padEnd(exponent, '0'));
      if (Number.isSafeInteger(minor)) return fast[1] === '-' && minor !== 0 ? -minor : minor;
    }
  }

  let body = text.trim();
  if (options.symbols) {
    body = body.replace(LEADING_SYMBOL, '$1');
    if (SYMBOLS.includes(body.at(-1) ?? '')) body = body.slice(0, -1).trimEnd();
  }
  if (body === '') fail('empty');
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
  } else if (/[-+\u2212]$/.test(body)) {
    negative = negative !== !body.endsWith('+');
    body = body.slice(0, -1).trim();
  }
  const other = decimal === '.' ? ',' : '.';
  if (!/^[0-9., \u00a0\u202f']+$/.test(body) || !/[0-9]/.test(body)) fail('notAnAmount');

  const parts = body.split(decimal);
  if (parts.length > 2) fail('manyDecimalMarks');
  const [whole = '', fraction = ''] = parts;
  if (parts.length === 2 && !/^[0-9]*$/.test(fraction)) fail('otherDecimalMark');
  if (parts.length === 2 && fraction === '') fail('endsWithDecimalMark');

  let digits: string;
  if (/^[0-9]*$/.test(whole)) digits = whole === '' ? '0' : whole;
  else {
    const separators = new Set(whole.replace(/[0-9]/g, ''));
    const [separator] = separators;
    const regular = separators.size === 1 && groupingPattern(separator!).test(whole);
    if (grouping && regular) digits = whole.replaceAll(separator!, '');
    else if (separators.size === 1 && separator === other && whole.split(other).length === 2) digits = fail('looksLikeOtherDecimalMark');
    else if (!grouping) digits = fail('noGroupingAllowed');
    else if (SPACE_GROUPS.test(whole) && separators.size > 1) digits = fail('mixedGrouping');
    else digits = fail('irregularGrouping');
  }

  if (options.refuseThousandsLike && grouping && fraction.length === 3 && exponent < 3) fail('thousandsLike');
  if (/[1-9]/.test(fraction.slice(exponent))) fail('tooManyDecimals');
  const minor = Number(digits + fraction.slice(0, exponent).padEnd(exponent, '0'));
  if (!Number.isSafeInteger(minor)) fail('tooLarge');
  return negative && minor !== 0 ? -minor : minor;
}

/** Integer minor units -> "-1234.56" (no grouping); the inverse of parseDecimalAmount for round trips and exports. */
export function formatDecimalAmount(minor: number, exponent: number, decimal: DecimalMark = '.'): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`${minor} is not an integer amount of minor units`);
  const digits = Math.abs(minor).toString().padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = digits.slice(digits.length - exponent);
  return `${minor < 0 ? '-' : ''}${whole}${exponent > 0 ? decimal + fraction : ''}`;
}
