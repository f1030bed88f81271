// The Art. 30 record's Markdown (src/export/art30-report.ts) read into blocks for React to render as elements:
// headings, paragraphs, bullet lists and tables, with backslash escapes undone. Only text comes out: nothing in a
// cell can become markup, since the screen builds elements from these strings (no innerHTML). Pure.

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3 | 4; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; head: string[]; rows: string[][] };

/** A Markdown text's escapes undone: `\|` → `|`, `\\` → `\`. */
export const unescape = (text: string): string => text.replace(/\\([\\`*_[\]{}()<>#+\-.!|~&=])/g, '$1');

/** A table row's cells, split on the pipes that are not escaped. */
export function cells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  const out: string[] = [];
  let cell = '';
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i]!;
    if (ch === '\\' && i + 1 < inner.length) {
      cell += ch + inner[i + 1]!;
      i++;
    } else if (ch === '|') {
      out.push(cell);
      cell = '';
    } else cell += ch;
  }
  out.push(cell);
  return out.map((c) => unescape(c.trim()));
}

const isTableLine = (l: string) => l.trimStart().startsWith('|');
const isRule = (l: string) => /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(l);
const LIST_ITEM = /^\s*[-*+]\s+(.*)$/;
const HEADING = /^(#{1,4})\s+(.*)$/;

export function parseMarkdown(markdown: string): Block[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.trim() === '') {
      i++;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({ kind: 'heading', level: heading[1]!.length as 1 | 2 | 3 | 4, text: unescape(heading[2]!.trim()) });
      i++;
      continue;
    }
    if (isTableLine(line)) {
      const table: string[] = [];
      while (i < lines.length && isTableLine(lines[i]!)) table.push(lines[i++]!);
      const [head, ...rest] = table;
      const rows = rest.filter((l) => !isRule(l)).map(cells);
      blocks.push({ kind: 'table', head: cells(head!), rows });
      continue;
    }
    if (LIST_ITEM.test(line)) {
      const items: string[] = [];
      while (i < lines.length && LIST_ITEM.test(lines[i]!)) items.push(unescape(LIST_ITEM.exec(lines[i++]!)![1]!.trim()));
      blocks.push({ kind: 'list', items });
      continue;
    }
    const paragraph: string[] = [];
    while (i < lines.length && lines[i]!.trim() !== '' && !HEADING.test(lines[i]!) && !isTableLine(lines[i]!) && !LIST_ITEM.test(lines[i]!)) paragraph.push(lines[i++]!.trim());
    blocks.push({ kind: 'paragraph', text: unescape(paragraph.join(' ')) });
  }
  return blocks;
}
