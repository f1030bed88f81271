// The technical facts of the file, folded away below the verdict: container, encoding, delimiter, line endings,
// header, LinkedIn variant, size, SHA-256 and the core's notes. (The archive's entries: archive-entries.tsx.)
import { bytes, DELIMITER_NAMES } from '../../lib/format.js';
import type { InspectReport } from '../../types.js';

const VARIANTS: Record<InspectReport['source']['variant'], string> = {
  current: 'current LinkedIn format',
  '2022': '2022 format (no profile URL column)',
  legacy: 'older LinkedIn format',
  'no-email': 'without email addresses',
  'imported-contacts': 'your uploaded address book (ImportedContacts.csv)',
};

export function SourceFacts({ report, sha256 }: { report: InspectReport; sha256: string }) {
  const s = report.source;
  return (
    <details className="card technical-details" data-testid="technical-details">
      <summary>
        <span className="details-title">Technical details</span> <span className="hint">encoding, delimiter, SHA-256 and notes on the file</span>
      </summary>
      <dl className="facts" data-testid="source-facts">
        <dt>Type</dt>
        <dd>{s.container === 'zip' ? `LinkedIn archive (.zip), reading ${s.entry ?? 'Connections.csv'}` : 'CSV file'}</dd>
        <dt>Contents</dt>
        <dd data-testid="source-kind">
          {s.kind === 'linkedin-connections' ? 'LinkedIn connections' : 'Imported contacts (your address book)'}, {VARIANTS[s.variant]}
        </dd>
        <dt>Encoding</dt>
        <dd data-testid="source-encoding">
          {s.encoding.toUpperCase()}
          {s.bom ? ' with a byte-order mark' : ''}
        </dd>
        <dt>Delimiter</dt>
        <dd data-testid="source-delimiter">{DELIMITER_NAMES[s.delimiter]}</dd>
        <dt>Line endings</dt>
        <dd>{s.lineEnding.toUpperCase()}</dd>
        <dt>Header</dt>
        <dd>
          line {s.headerLine}
          {s.preamble ? ' (after LinkedIn’s notes at the top)' : ''}
        </dd>
        <dt>Size</dt>
        <dd>{bytes(s.bytes)}</dd>
        <dt>Records</dt>
        <dd data-testid="source-records">
          {report.records.toLocaleString('en-GB')} ({report.summary.contactsWithEmail.toLocaleString('en-GB')} with an email address)
        </dd>
        <dt>SHA-256</dt>
        <dd className="mono small hash" data-testid="source-sha256">
          {sha256}
        </dd>
      </dl>
      {report.notes.length > 0 ? (
        <ul className="notes" data-testid="report-notes">
          {report.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
    </details>
  );
}

export function RecordErrors({ errors }: { errors: InspectReport['errors'] }) {
  if (errors.length === 0) return null;
  return (
    <section className="card" aria-labelledby="errors-title" data-testid="record-errors">
      <h3 id="errors-title">Records that could not be read ({errors.length})</h3>
      <p className="hint">These records are not imported.</p>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Problem</th>
          </tr>
        </thead>
        <tbody>
          {errors.slice(0, 500).map((e, i) => (
            <tr key={`${e.line}-${i}`}>
              <th scope="row">{e.line}</th>
              <td>{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {errors.length > 500 ? <p className="hint">And {errors.length - 500} more.</p> : null}
    </section>
  );
}
