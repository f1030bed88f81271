// Each column of the file: what it holds, whether it is personal data, how often it is filled, why it matters,
// and a checkbox to leave it out of the vault (data minimisation, Art. 5(1)(c)).
import { ScrollRegion } from '../../components/scroll-region.js';
import { categoryWords, testIdPart } from '../../lib/import-view.js';
import type { InspectReport } from '../../types.js';

export function ColumnsTable({
  columns,
  records,
  dropColumns,
  highlightColumn,
  onToggleDrop,
}: {
  columns: InspectReport['columns'];
  records: number;
  dropColumns: readonly string[];
  highlightColumn: string | null;
  onToggleDrop(header: string, drop: boolean): void;
}) {
  return (
    <section className="card" aria-labelledby="columns-title">
      <h3 id="columns-title">Columns</h3>
      <p className="hint">Tick “Leave out” for any column you do not need: it is never stored.</p>
      <ScrollRegion label="Table of columns">
        <table className="data" data-testid="columns-table">
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">Holds</th>
              <th scope="col">Personal data</th>
              <th scope="col">Filled</th>
              <th scope="col">Why it matters</th>
              <th scope="col">Leave out</th>
            </tr>
          </thead>
          <tbody>
            {columns.map((c) => {
              const dropped = dropColumns.includes(c.header);
              const id = `drop-${testIdPart(c.header).replace(/\W+/g, '-')}`;
              return (
                <tr key={c.header} data-testid="column-row" data-column={c.header} className={`${highlightColumn === c.header ? 'highlighted' : ''} ${dropped ? 'dropped' : ''}`}>
                  <th scope="row">{c.header}</th>
                  <td>{categoryWords(c.category)}</td>
                  <td>{c.personalData ? <span className="tag tag-personal">Yes</span> : <span className="tag">No</span>}</td>
                  <td className="num">
                    {c.filled.toLocaleString('en-GB')}
                    <span className="hint"> of {records.toLocaleString('en-GB')}</span>
                  </td>
                  <td>{c.explanation}</td>
                  <td>
                    <input
                      id={id}
                      type="checkbox"
                      checked={dropped}
                      data-testid={`drop-column-${testIdPart(c.header)}`}
                      aria-label={`Leave out the column ${c.header}`}
                      onChange={(e) => onToggleDrop(c.header, e.target.checked)}
                    />
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
