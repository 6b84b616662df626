/** Content lines: unfolding, parameters, escapes. */
import { describe, expect, it } from 'vitest';
import { contentLines, parseContentLine } from './lines.js';
import { splitList, unescapeText } from './values.js';
import { fold } from './write.js';

describe('content lines', () => {
  it('unfolds CRLF, LF and CR files alike, numbering lines as the file does', () => {
    for (const eol of ['\r\n', '\n', '\r']) {
      const lines = [...contentLines(['BEGIN:VCALENDAR', 'DESCRIPTION:one', ' two', '\tthree', '', 'END:VCALENDAR'].join(eol))];
      expect(lines.map((l) => [l.name, l.value, l.line])).toEqual([
        ['BEGIN', 'VCALENDAR', 1],
        ['DESCRIPTION', 'onetwothree', 2],
        ['END', 'VCALENDAR', 6],
      ]);
    }
  });

  it('reads quoted parameter values with colons, semicolons and commas, lists, and RFC 6868 carets', () => {
    const line = parseContentLine('attendee;cn="Doe, Jane: ^\'JD^\'";MEMBER="mailto:a@x","mailto:b@x";X-NOTE=a^nb:mailto:jane@example.com', 3);
    expect(line.name).toBe('ATTENDEE');
    expect(line.params.get('CN')).toEqual(['Doe, Jane: "JD"']);
    expect(line.params.get('MEMBER')).toEqual(['mailto:a@x', 'mailto:b@x']);
    expect(line.params.get('X-NOTE')).toEqual(['a\nb']);
    expect(line.value).toBe('mailto:jane@example.com');
  });

  it('keeps colons in the value', () => {
    expect(parseContentLine('URL:https://example.com:8443/a', 1).value).toBe('https://example.com:8443/a');
  });

  it('unescapes TEXT and splits lists on unescaped commas only', () => {
    expect(unescapeText('a\\, b\\; c\\\\n\\nd\\N')).toBe('a, b; c\\n\nd\n');
    expect(splitList('Work,Home\\, garden,')).toEqual(['Work', 'Home\\, garden', '']);
  });

  it('folds at 75 octets, never inside a character, and unfolds back', () => {
    const long = `SUMMARY:${'ä€😀x'.repeat(40)}`;
    const folded = fold(long);
    for (const physical of folded.split('\r\n').slice(0, -1)) expect(Buffer.byteLength(physical)).toBeLessThanOrEqual(75);
    expect([...contentLines(folded)][0]?.value).toBe('ä€😀x'.repeat(40));
  });
});
