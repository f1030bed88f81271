// The Art. 30 record shown readably: its Markdown's blocks (markdown.ts) as React elements, text only, so nothing
// typed about a group or a recipient can become markup. The record's own headings sit under the card's.
import { ScrollRegion } from '../../components/scroll-region.js';
import { parseMarkdown, type Block } from './markdown.js';

const HEADINGS = ['h4', 'h5', 'h6', 'h6'] as const;

export function MarkdownView({ markdown, testId }: { markdown: string; testId?: string }) {
  const blocks = parseMarkdown(markdown);
  // Each table's scrolling region is named after its section, numbered when a section has more than one.
  let lastHeading = 'The record';
  const seen = new Map<string, number>();
  return (
    <div className="records-markdown" data-testid={testId}>
      {blocks.map((b, i) => {
        if (b.kind === 'heading') lastHeading = b.text;
        const n = b.kind === 'table' ? (seen.get(lastHeading) ?? 0) + 1 : 0;
        if (b.kind === 'table') seen.set(lastHeading, n);
        return <BlockView key={i} block={b} context={n > 1 ? `${lastHeading} (table ${n})` : lastHeading} />;
      })}
    </div>
  );
}

function BlockView({ block, context }: { block: Block; context: string }) {
  switch (block.kind) {
    case 'heading': {
      const H = HEADINGS[block.level - 1]!;
      return <H>{block.text}</H>;
    }
    case 'paragraph':
      return <p>{block.text}</p>;
    case 'list':
      return (
        <ul>
          {block.items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      );
    case 'table':
      return (
        <ScrollRegion label={`${context}: table`}>
          <table className="data">
            <thead>
              <tr>
                {block.head.map((h, i) => (
                  <th key={i} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((c, i) =>
                    i === 0 ? (
                      <th key={i} scope="row">
                        {c}
                      </th>
                    ) : (
                      <td key={i}>{c}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      );
  }
}
