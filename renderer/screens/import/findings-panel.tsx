// What the inspector noticed, grouped by kind with counts and a plain explanation; each group opens to its rows
// (line, the person as named in the file, the cell with an email or phone masked by the core, and the detail), and a
// row can be selected to highlight it and its column.
import { useMemo, useState } from 'react';
import { findingInfo, humanise } from '../../lib/labels.js';
import { groupFindings, type PreviewLine } from '../../lib/import-view.js';
import type { ReportFinding } from '../../types.js';
import type { Highlight } from './highlight.js';

const PAGE = 100;

export function FindingsPanel({
  findings,
  lines,
  highlight,
  onHighlight,
}: {
  findings: readonly ReportFinding[];
  lines: readonly PreviewLine[];
  highlight: Highlight | null;
  onHighlight(h: Highlight | null): void;
}) {
  const byLine = useMemo(() => new Map(lines.map((l) => [l.line, l])), [lines]);
  const groups = useMemo(() => groupFindings(findings.map((f, index) => ({ ...f, index }))), [findings]);
  const [open, setOpen] = useState<Record<string, number>>({});
  const selected = highlight ? findings[highlight.index] : undefined;
  return (
    <section className="card" aria-labelledby="findings-title" data-testid="findings">
      <h3 id="findings-title">What was found ({findings.length.toLocaleString('en-GB')})</h3>
      {groups.length === 0 ? <p>Nothing to flag in this file.</p> : null}
      <ul className="finding-groups">
        {groups.map((g) => {
          const info = findingInfo(g.kind);
          const shown = open[g.kind] ?? 0;
          const listId = `findings-${g.kind}`;
          return (
            <li key={g.kind} className="finding-group" data-testid={`finding-kind-${g.kind}`} data-count={g.findings.length}>
              <button
                type="button"
                className="disclosure"
                aria-expanded={shown > 0}
                aria-controls={listId}
                data-testid={`finding-toggle-${g.kind}`}
                onClick={() => setOpen((o) => ({ ...o, [g.kind]: shown > 0 ? 0 : PAGE }))}
              >
                <span aria-hidden="true" className="chevron">
                  {shown > 0 ? '▾' : '▸'}
                </span>
                <span className="finding-title">{info.title}</span> <span className="count-badge">{g.findings.length.toLocaleString('en-GB')}</span>
              </button>
              <p className="hint">{info.explanation}</p>
              {shown > 0 ? (
                <div id={listId}>
                  <table className="data findings-table">
                    <caption className="visually-hidden">{info.title}</caption>
                    <thead>
                      <tr>
                        <th scope="col">Line</th>
                        <th scope="col">Person</th>
                        <th scope="col">Column</th>
                        <th scope="col">Cell</th>
                        <th scope="col">Detail</th>
                      </tr>
                    </thead>
                    <tbody>
                      {g.findings.slice(0, shown).map((f) => {
                        const isSelected = highlight?.index === f.index;
                        return (
                          <tr
                            key={f.index}
                            data-testid="finding-row"
                            data-line={f.line}
                            className={isSelected ? 'highlighted' : ''}
                            onClick={() => onHighlight(isSelected ? null : { line: f.line, column: f.column, index: f.index })}
                          >
                            <th scope="row">
                              <button
                                type="button"
                                className="link-button"
                                aria-pressed={isSelected}
                                aria-label={`Highlight line ${f.line}${f.column ? `, column ${f.column}` : ''}`}
                                onClick={(e) => {
                                  e.stopPropagation();
                                  onHighlight(isSelected ? null : { line: f.line, column: f.column, index: f.index });
                                }}
                              >
                                {f.line}
                              </button>
                            </th>
                            <td data-testid="finding-person">{byLine.get(f.line)?.name || <span className="hint">no name</span>}</td>
                            <td>{f.column ?? <span className="hint">whole record</span>}</td>
                            <td data-testid="finding-cell" className="cell-text">
                              {f.column !== null ? (byLine.get(f.line)?.cells[f.column] ?? '') : <span className="hint">—</span>}
                            </td>
                            <td>
                              {f.detail}
                              {f.category ? <span className="tag">{humanise(f.category)}</span> : null}
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                  {g.findings.length > shown ? (
                    <button type="button" onClick={() => setOpen((o) => ({ ...o, [g.kind]: shown + PAGE * 5 }))}>
                      Show more ({(g.findings.length - shown).toLocaleString('en-GB')} left)
                    </button>
                  ) : null}
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
      {selected ? (
        <p className="callout" data-testid="finding-selected">
          <strong>Selected:</strong> line {selected.line}
          {byLine.get(selected.line)?.name ? ` (${byLine.get(selected.line)!.name})` : ''}
          {selected.column ? `, column ${selected.column}` : ', the whole record'} — {findingInfo(selected.kind).title.toLowerCase()}: {selected.detail}
          {selected.start !== undefined && selected.end !== undefined ? ` (characters ${selected.start + 1}–${selected.end})` : ''}{' '}
          <button type="button" className="link-button" onClick={() => onHighlight(null)}>
            Clear
          </button>
        </p>
      ) : null}
    </section>
  );
}
