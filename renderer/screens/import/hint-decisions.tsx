// Special-category hints (Art. 9, Art. 10), one row per person: who it is, the words that carry the hint, and a
// keep-or-strip choice for that person (strip unless the importer keeps it). The core enforces each line's decision.
import { ScrollRegion } from '../../components/scroll-region.js';
import { humanise } from '../../lib/labels.js';
import { hintLines, lineDecision, type ImportChoices, type LineDecision, type PreviewLine } from '../../lib/import-view.js';
import type { ReportFinding } from '../../types.js';

export function HintDecisions({
  findings,
  lines,
  choices,
  onDecide,
}: {
  findings: readonly ReportFinding[];
  lines: readonly PreviewLine[];
  choices: ImportChoices;
  onDecide(line: number, decision: LineDecision): void;
}) {
  const hints = hintLines(findings);
  if (hints.length === 0) return null;
  const byLine = new Map(lines.map((l) => [l.line, l]));
  return (
    <section className="card" aria-labelledby="hint-decisions-title" id="hint-decisions" data-testid="hint-decisions" tabIndex={-1}>
      <h3 id="hint-decisions-title">Special-category hints: keep or strip, person by person</h3>
      <p className="hint">
        Stripping cuts the whole phrase that carries the hint before anything is stored; the contact records only which kind was stripped. Keep a hint only
        where you have an Art. 9(2) condition (or Art. 10 authority) for it.
      </p>
      <ScrollRegion label="Table of special-category hints">
        <table className="data hint-table">
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Person</th>
              <th scope="col">Where</th>
              <th scope="col">May reveal</th>
              <th scope="col">Decision</th>
            </tr>
          </thead>
          <tbody>
            {hints.map((line) => {
              const person = byLine.get(line);
              const own = findings.filter((f) => f.line === line && f.kind === 'special-category');
              const columns = [...new Set(own.map((f) => f.column).filter((c): c is string => c !== null))];
              const decision = lineDecision(choices, line);
              const who = person?.name || 'no name';
              return (
                <tr key={line} data-testid="hint-row" data-line={line} data-decision={decision}>
                  <th scope="row">{line}</th>
                  <td data-testid="hint-person">{who}</td>
                  <td data-testid="hint-cell">
                    {columns.map((c) => (
                      <span key={c} className="cell-quote">
                        <span className="hint">{c}: </span>“{person?.cells[c] ?? ''}”
                      </span>
                    ))}
                  </td>
                  <td>{[...new Set(own.map((f) => humanise(f.category ?? 'special category')))].join(', ')}</td>
                  <td>
                    <div className="decision" role="radiogroup" aria-label={`Line ${line}, ${who}`}>
                      {(['strip', 'keep'] as const).map((d) => (
                        <label key={d} className="decision-option">
                          <input type="radio" name={`hint-${line}`} value={d} checked={decision === d} data-testid={`hint-${d}-${line}`} onChange={() => onDecide(line, d)} />
                          {d === 'strip' ? 'Strip' : 'Keep'}
                        </label>
                      ))}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
