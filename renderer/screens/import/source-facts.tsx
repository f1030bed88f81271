// What the file is: container, encoding, delimiter, LinkedIn variant, archive contents (with the warning about
// ImportedContacts.csv), the core's notes, and records that could not be read.
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
  const importedContacts = s.archive.find((a) => /importedcontacts/i.test(a.name));
  return (
    <section className="card" aria-labelledby="source-title" data-testid="source-facts">
      <h3 id="source-title">The file</h3>
      <dl className="facts">
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
        <dd className="mono small">{sha256}</dd>
      </dl>
      {s.archive.length > 0 ? (
        <>
          <h4>In the archive</h4>
          <table className="data" data-testid="archive-contents">
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Size</th>
                <th scope="col">What it is</th>
              </tr>
            </thead>
            <tbody>
              {s.archive.map((a) => (
                <tr key={a.name}>
                  <th scope="row">{a.name}</th>
                  <td>{bytes(a.bytes)}</td>
                  <td>{a.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {importedContacts ? (
        <p className="callout warn" data-testid="imported-contacts-warning">
          <span aria-hidden="true">⚠ </span>
          <strong>Warning:</strong> the archive holds <code>{importedContacts.name}</code>, the address book you uploaded to LinkedIn. Those people never connected
          with you; it is not imported unless you ask for it by name.
        </p>
      ) : null}
      {report.notes.length > 0 ? (
        <ul className="notes" data-testid="report-notes">
          {report.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
    </section>
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
