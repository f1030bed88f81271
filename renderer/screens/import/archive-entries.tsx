// A LinkedIn archive holds more than the connections: which of its contact files to read (Connections.csv by default;
// ImportedContacts.csv, the address book the user uploaded, only when chosen, with its warning), and what else it holds.
import { bytes } from '../../lib/format.js';
import { contactEntries, isImportedContacts } from '../../lib/import-view.js';
import type { InspectReport } from '../../types.js';

export function ArchiveEntries({ source, disabled, onChoose }: { source: InspectReport['source']; disabled: boolean; onChoose(entry: string): void }) {
  if (source.container !== 'zip') return null;
  const choosable = contactEntries(source.archive);
  const imported = source.archive.find((a) => isImportedContacts(a.name));
  return (
    <section className="card" aria-labelledby="archive-title" data-testid="archive-entries">
      <h3 id="archive-title">Which file of the archive</h3>
      <fieldset>
        <legend>Read the contacts from</legend>
        {choosable.map((name) => (
          <div className="check" key={name}>
            <input
              id={`entry-${name}`}
              type="radio"
              name="archive-entry"
              value={name}
              data-testid={`entry-${name}`}
              checked={source.entry === name}
              disabled={disabled}
              onChange={() => onChoose(name)}
            />
            <label htmlFor={`entry-${name}`}>
              {name}: {isImportedContacts(name) ? 'the address book you uploaded to LinkedIn' : 'your LinkedIn connections'}
            </label>
          </div>
        ))}
      </fieldset>
      {imported ? (
        <p className="callout warn" data-testid="imported-contacts-warning">
          <span aria-hidden="true">⚠ </span>
          <strong>Warning:</strong> <code>{imported.name}</code> is the address book you uploaded to LinkedIn. Those people never connected with you: LinkedIn is
          not where their data came from, and each must be sent an Art. 14 notice. Choose it only if you mean to keep them.
        </p>
      ) : null}
      <table className="data" data-testid="archive-contents">
        <caption className="visually-hidden">Files in the archive</caption>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Size</th>
            <th scope="col">What it is</th>
          </tr>
        </thead>
        <tbody>
          {source.archive.map((a) => (
            <tr key={a.name}>
              <th scope="row">{a.name}</th>
              <td>{bytes(a.bytes)}</td>
              <td>{a.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
