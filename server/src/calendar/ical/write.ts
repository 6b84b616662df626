/**
 * Writing content lines: parameter quoting (RFC 5545 3.2, RFC 6868 caret escapes) and
 * folding at 75 octets (3.1) without splitting a UTF-8 character. Lines end in CRLF.
 */
const MAX_OCTETS = 75;

const octets = (codePoint: number) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/** A parameter value, quoted when it holds ; : or , and with ^, " and newlines caret-escaped. */
export function paramValue(value: string): string {
  const escaped = value.replace(/\^/g, '^^').replace(/"/g, "^'").replace(/\r\n|\r|\n/g, '^n');
  return /[;:,]/.test(escaped) ? `"${escaped}"` : escaped;
}

/** NAME;P=V;...:value (unfolded). Parameters whose value is null are left out. */
export function line(name: string, value: string, params: [string, string | null][] = []): string {
  const ps = params.filter((p): p is [string, string] => p[1] !== null).map(([n, v]) => `;${n}=${paramValue(v)}`);
  return `${name}${ps.join('')}:${value}`;
}

/** A content line folded into physical lines of at most 75 octets, each ended by CRLF. */
export function fold(text: string): string {
  let out = '';
  let used = 0;
  for (const char of text) {
    const size = octets(char.codePointAt(0)!);
    if (used + size > MAX_OCTETS) {
      out += '\r\n ';
      used = 1;
    }
    out += char;
    used += size;
  }
  return `${out}\r\n`;
}
