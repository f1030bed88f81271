// The Records screen reads the Art. 30 record's Markdown into blocks of plain text (renderer/screens/records/
// markdown.ts): headings, lists, tables with escaped pipes, paragraphs; markup typed into a label stays text.
import { describe, expect, it } from 'vitest';
import { cells, parseMarkdown, unescape } from '../../renderer/screens/records/markdown.js';
import { markdownText } from '../../src/export/art30-report.js';

describe('the Art. 30 record read for the screen', () => {
  it('reads headings, lists, tables and paragraphs', () => {
    const md = ['# Records', '', '- Controller: Acme', '- Groups: 2', '', '## Group: Meetups', '', '| Record | Detail |', '| --- | --- |', '| Purpose | Networking |', '', 'Some words', 'that wrap.', ''].join('\n');
    expect(parseMarkdown(md)).toEqual([
      { kind: 'heading', level: 1, text: 'Records' },
      { kind: 'list', items: ['Controller: Acme', 'Groups: 2'] },
      { kind: 'heading', level: 2, text: 'Group: Meetups' },
      { kind: 'table', head: ['Record', 'Detail'], rows: [['Purpose', 'Networking']] },
      { kind: 'paragraph', text: 'Some words that wrap.' },
    ]);
  });

  it('undoes the escapes the record writes, so a pipe or a hash in a label is shown as typed', () => {
    const label = 'A | B #1 <img src=x onerror=alert(1)> - *x*';
    const md = `## Group: ${markdownText(label)}\n\n| Record | Detail |\n| --- | --- |\n| ${markdownText('Label')} | ${markdownText(label)} |\n`;
    const [heading, table] = parseMarkdown(md);
    expect(heading).toEqual({ kind: 'heading', level: 2, text: `Group: ${label}` });
    expect(table).toEqual({ kind: 'table', head: ['Record', 'Detail'], rows: [['Label', label]] });
  });

  it('keeps a line the record escaped from looking like a list or a heading', () => {
    expect(parseMarkdown(markdownText('- not a list'))).toEqual([{ kind: 'paragraph', text: '- not a list' }]);
    expect(parseMarkdown(markdownText('# not a heading'))).toEqual([{ kind: 'paragraph', text: '# not a heading' }]);
    expect(cells('| a \\| b | c |')).toEqual(['a | b', 'c']);
    expect(unescape('\\\\ and \\|')).toBe('\\ and |');
  });
});
