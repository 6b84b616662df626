/**
 * Money on screen: integer minor units (what the server stores) shown and typed in the
 * user's own number format. Nothing here turns an amount into a float: formatting hands
 * Intl an exact decimal string, parsing builds the integer from the typed digits.
 */

const formatters = new Map<string, Intl.NumberFormat>();

function currencyFormatter(currency: string, exponent: number, locale: string | undefined): Intl.NumberFormat {
  const key = `${locale ?? ''}|${currency}|${exponent}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      // ISO 4217 decides the digits (Intl's own defaults differ for a few currencies).
      minimumFractionDigits: exponent,
      maximumFractionDigits: exponent,
    });
    formatters.set(key, found);
  }
  return found;
}

/** -1234 with exponent 2 -> "-12.34": exact, whatever the size. */
export function toDecimalString(minor: number, exponent: number): string {
  const negative = minor < 0;
  const digits = Math.abs(minor).toString().padStart(exponent + 1, '0');
  const whole = exponent === 0 ? digits : digits.slice(0, -exponent);
  const fraction = exponent === 0 ? '' : `.${digits.slice(-exponent)}`;
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** "-$12.34", "-12,34 €", "¥1,234" as the user's language writes it. */
export function formatMoney(minor: number, currency: string, exponent: number, locale?: string): string {
  // Intl formats a decimal string exactly (no binary rounding on the way).
  return currencyFormatter(currency, exponent, locale).format(toDecimalString(minor, exponent) as `${number}`);
}

export interface NumberSymbols {
  decimal: string;
  group: string;
}

const symbolCache = new Map<string, NumberSymbols>();

/** The decimal and grouping characters of a locale ("." and "," in en, "," and "." in de). */
export function numberSymbols(locale?: string): NumberSymbols {
  const key = locale ?? '';
  let found = symbolCache.get(key);
  if (!found) {
    const parts = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(1234567.5);
    found = {
      decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
      group: parts.find((p) => p.type === 'group')?.value ?? ',',
    };
    symbolCache.set(key, found);
  }
  return found;
}

/** The amount as a user would type it back: locale decimal mark, no grouping, no symbol. */
export function toInputString(minor: number, exponent: number, locale?: string): string {
  return toDecimalString(minor, exponent).replace('.', numberSymbols(locale).decimal);
}

export type ParsedMoney = { ok: true; minor: number } | { ok: false; problem: string };

const SPACES = /[\s\u00a0\u202f]/g;

/**
 * Reads what the user typed into minor units, strictly by the locale's rules: its decimal
 * mark, its grouping mark only between groups of three, at most `exponent` decimals.
 * Anything that could mean two things ("1.234,56" in an English locale, "12,5" where ","
 * groups thousands) is refused with the reason rather than guessed.
 */
export function parseMoney(text: string, exponent: number, locale?: string): ParsedMoney {
  const { decimal, group } = numberSymbols(locale);
  const groupIsSpace = /^[\s\u00a0\u202f]$/.test(group);
  let rest = text.trim();
  if (rest === '') return { ok: false, problem: 'is required' };

  let negative = false;
  const sign = rest[0];
  if (sign === '-' || sign === '\u2212' || sign === '+') {
    negative = sign !== '+';
    rest = rest.slice(1).trimStart();
  }
  if (groupIsSpace) rest = rest.replace(SPACES, ' ');

  const decimalAt = rest.indexOf(decimal);
  if (decimalAt !== rest.lastIndexOf(decimal)) return { ok: false, problem: `has more than one "${decimal}"` };
  const wholeText = decimalAt === -1 ? rest : rest.slice(0, decimalAt);
  const fraction = decimalAt === -1 ? '' : rest.slice(decimalAt + 1);

  const groupChar = groupIsSpace ? ' ' : group;
  let whole = wholeText;
  if (whole.includes(groupChar)) {
    const groups = whole.split(groupChar);
    const valid = /^\d{1,3}$/.test(groups[0]!) && groups.slice(1).every((g) => /^\d{3}$/.test(g));
    if (!valid) return { ok: false, problem: `is ambiguous: use "${decimal}" for decimals and "${group.trim() || 'a space'}" only between thousands` };
    whole = groups.join('');
  }
  if (whole === '' && fraction === '') return { ok: false, problem: 'is not a number' };
  if (!/^\d*$/.test(whole) || !/^\d*$/.test(fraction)) {
    const other = decimal === '.' ? ',' : '.';
    if (rest.includes(other)) return { ok: false, problem: `is ambiguous: this format writes decimals with "${decimal}"` };
    return { ok: false, problem: 'is not a number' };
  }
  if (fraction.length > exponent) {
    return { ok: false, problem: exponent === 0 ? 'takes no decimals in this currency' : `takes at most ${exponent} decimals in this currency` };
  }
  const digits = `${whole}${fraction.padEnd(exponent, '0')}`.replace(/^0+(?=\d)/, '');
  if (digits.length > 15 && BigInt(digits) > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, problem: 'is too large' };
  const minor = Number(digits);
  return { ok: true, minor: negative && minor !== 0 ? -minor : minor };
}
