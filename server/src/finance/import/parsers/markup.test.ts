import { describe, expect, it } from 'vitest';
import { ParseError } from './errors.js';
import { readMarkup, textOf } from './markup.js';

function problem(run: () => unknown): [number, string] {
  try {
    run();
  } catch (e) {
    if (e instanceof ParseError) return [e.line, e.problem];
    throw e;
  }
  throw new Error('no error');
}

describe('readMarkup', () => {
  it('reads XML with prefixes, attributes, entities, comments and CDATA, keeping each element\'s line', () => {
    const root = readMarkup('<?xml version="1.0"?>\n<c:Doc xmlns:c="urn:x">\n  <!-- note -->\n  <c:Amt Ccy=\'EUR\'>1 &lt; 2 &amp; &#x263A;</c:Amt>\n  <Txt><![CDATA[a <b> & c]]></Txt>\n  <Empty/>\n</c:Doc>\n', 'xml');
    expect(root.name).toBe('Doc');
    expect(root.children.map((c) => [c.name, c.line])).toEqual([['Amt', 4], ['Txt', 5], ['Empty', 6]]);
    expect(root.children[0]!.attributes).toEqual({ Ccy: 'EUR' });
    expect(textOf(root, 'Amt')).toBe('1 < 2 & ☺');
    expect(textOf(root, 'Txt')).toBe('a <b> & c');
  });

  it('closes SGML leaves implicitly and keeps a bare & as text', () => {
    const root = readMarkup('<OFX>\n<A>\n<B>x & y\n<C>2\n</A>\n</OFX>\n', 'sgml');
    expect(textOf(root, 'A', 'B')).toBe('x & y');
    expect(textOf(root, 'A', 'C')).toBe('2');
  });

  it('refuses broken XML, naming the line', () => {
    expect(problem(() => readMarkup('<a>\n<b>\n</a>', 'xml'))).toEqual([3, '</a> does not close <b> (opened at line 2)']);
    expect(problem(() => readMarkup('<a>x & y</a>', 'xml'))).toEqual([1, 'a bare "&" must be written as &amp;']);
    expect(problem(() => readMarkup('<a>&euro;</a>', 'xml'))).toEqual([1, 'unknown entity &euro;']);
    expect(problem(() => readMarkup('<a/>\n<b/>', 'xml'))).toEqual([2, 'a second root element <b>']);
    expect(problem(() => readMarkup('<a/>\ntrailing', 'xml'))).toEqual([2, 'text outside the document\'s root element: "trailing"']);
    expect(problem(() => readMarkup('<a>\n<!-- never closed', 'xml'))).toEqual([2, 'the file ends inside the markup that starts at line 2; it looks truncated']);
    expect(problem(() => readMarkup('\n\n', 'xml'))).toEqual([1, 'the file has no root element']);
  });

  it('reads an empty SGML leaf as empty, not as the parent of what follows it', () => {
    const root = readMarkup('<OFX>\n<TRN>\n<MEMO>\n<FITID>9\n<NAME>x\n</TRN>\n</OFX>', 'sgml');
    expect(root.children[0]!.children.map((c) => [c.name, c.text.trim(), c.children.length])).toEqual([['MEMO', '', 0], ['FITID', '9', 0], ['NAME', 'x', 0]]);
  });

  it('refuses SGML closing what was never opened', () => {
    expect(problem(() => readMarkup('<OFX>\n</NOPE>', 'sgml'))).toEqual([2, '</NOPE> closes nothing']);
  });
});
