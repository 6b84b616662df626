import { Anchor, Code, List, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A small Markdown renderer for task notes: paragraphs, headings, bullet and numbered lists,
 * fenced code, inline code, bold, italic and links. It builds React elements, never HTML
 * strings, so anything else (tags, scripts, attributes) shows as the plain text it is.
 */
const SAFE_URL = /^(https?:\/\/|mailto:)/i;
const INLINE = /(`[^`]+`)|(\*\*[^*]+\*\*|__[^_]+__)|(\*[^*\s][^*]*\*|_[^_\s][^_]*_)|(\[[^\]]+\]\([^)\s]+\))|(https?:\/\/[^\s<>()]+[^\s<>().,;:!?'"])/g;

function inline(text: string, key: string): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  let i = 0;
  for (const m of text.matchAll(INLINE)) {
    const start = m.index;
    if (start > last) out.push(text.slice(last, start));
    const k = `${key}-${i++}`;
    const [whole, code, bold, italic, link, bare] = m;
    if (code) out.push(<Code key={k}>{code.slice(1, -1)}</Code>);
    else if (bold) out.push(<strong key={k}>{inline(bold.slice(2, -2), k)}</strong>);
    else if (italic) out.push(<em key={k}>{inline(italic.slice(1, -1), k)}</em>);
    else if (link) {
      const lm = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(link);
      const label = lm?.[1] ?? link;
      const href = lm?.[2] ?? '';
      out.push(
        SAFE_URL.test(href) ? (
          <Anchor key={k} href={href} target="_blank" rel="noopener noreferrer nofollow">
            {inline(label, k)}
          </Anchor>
        ) : (
          whole
        ),
      );
    } else if (bare) {
      out.push(
        <Anchor key={k} href={bare} target="_blank" rel="noopener noreferrer nofollow">
          {bare}
        </Anchor>,
      );
    }
    last = start + whole.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

type Block =
  | { kind: 'p'; lines: string[] }
  | { kind: 'h'; level: 1 | 2 | 3; text: string }
  | { kind: 'ul' | 'ol'; items: string[] }
  | { kind: 'code'; text: string };

const LIST_KINDS = [
  [/^\s*[-*+]\s+(.*)$/, 'ul'],
  [/^\s*\d+[.)]\s+(.*)$/, 'ol'],
] as const;
const STARTS_BLOCK = /^(```|#{1,3}\s|\s*[-*+]\s|\s*\d+[.)]\s)/;

function blocks(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const out: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (/^```/.test(line)) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !/^```/.test(lines[i]!)) body.push(lines[i++]!);
      i++;
      out.push({ kind: 'code', text: body.join('\n') });
      continue;
    }
    const heading = /^(#{1,3})\s+(.*)$/.exec(line);
    if (heading) {
      out.push({ kind: 'h', level: heading[1]!.length as 1 | 2 | 3, text: heading[2]! });
      i++;
      continue;
    }
    const list = LIST_KINDS.find(([re]) => re.test(line));
    if (list) {
      const [re, kind] = list;
      const items: string[] = [];
      while (i < lines.length && re.test(lines[i]!)) items.push(re.exec(lines[i++]!)![1]!);
      out.push({ kind, items });
      continue;
    }
    if (line.trim() === '') {
      i++;
      continue;
    }
    const para: string[] = [line];
    i++;
    while (i < lines.length && lines[i]!.trim() !== '' && !STARTS_BLOCK.test(lines[i]!)) para.push(lines[i++]!);
    out.push({ kind: 'p', lines: para });
  }
  return out;
}

export function Markdown({ source }: { source: string }) {
  return (
    <div>
      {blocks(source).map((b, n) => {
        const key = `b${n}`;
        switch (b.kind) {
          case 'code':
            return (
              <Code key={key} block my="xs">
                {b.text}
              </Code>
            );
          case 'h':
            return (
              <Title key={key} order={b.level + 2 > 6 ? 6 : ((b.level + 2) as 3 | 4 | 5)} size={b.level === 1 ? 'h3' : 'h4'} mt="sm" mb={4}>
                {inline(b.text, key)}
              </Title>
            );
          case 'ul':
          case 'ol':
            return (
              <List key={key} type={b.kind === 'ol' ? 'ordered' : 'unordered'} size="sm" my="xs" withPadding>
                {b.items.map((item, j) => (
                  <List.Item key={j}>{inline(item, `${key}-${j}`)}</List.Item>
                ))}
              </List>
            );
          case 'p':
            return (
              <Text key={key} size="sm" my="xs" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {inline(b.lines.join('\n'), key)}
              </Text>
            );
        }
      })}
    </div>
  );
}
