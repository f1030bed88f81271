// What an export would carry, before it is made (export.preview: no file, no disclosure): how many are included and
// held back, why, what would be withheld, the notes, and the first people in and out by name.
import { CRM_EXCLUSIONS } from '../../../src/shared/vocabulary.js';
import { ScrollRegion } from '../../components/scroll-region.js';
import { count } from '../../lib/format.js';
import { EXCLUSION_LABELS } from '../../lib/labels-export.js';
import type { ExportPreview } from '../records/records-types.js';

/** "3 email addresses, 1 LinkedIn profile": what an export leaves empty, in words; null when nothing. */
export function withheldWords(p: { emailsWithheld: number; profilesWithheld: number; fieldsWithheld: number }): string | null {
  const parts = [
    p.emailsWithheld ? count(p.emailsWithheld, 'email address', 'email addresses') : '',
    p.profilesWithheld ? count(p.profilesWithheld, 'LinkedIn profile') : '',
    p.fieldsWithheld ? count(p.fieldsWithheld, 'job title') : '',
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : null;
}

export function PreviewPanel({ preview, stale }: { preview: ExportPreview; stale: boolean }) {
  const reasons = CRM_EXCLUSIONS.flatMap((r) => (preview.excludedByReason[r] ? [{ reason: r, n: preview.excludedByReason[r] }] : []));
  const withheld = withheldWords(preview);
  return (
    <section className="card" aria-labelledby="export-preview-title" data-testid="export-preview">
      <h3 id="export-preview-title">Preview: who would be exported</h3>
      {stale ? (
        <p className="callout warn" data-testid="export-preview-stale">
          The options changed since this preview: preview again before exporting.
        </p>
      ) : null}
      <p className="hint">Nothing was exported and no disclosure recorded. The counts cover everyone; the lists show the first 100.</p>
      <div className="stats">
        <p className="stat" data-testid="preview-included">
          <span className="stat-value">{preview.included.toLocaleString('en-GB')}</span> included
        </p>
        <p className="stat" data-testid="preview-held-back">
          <span className="stat-value">{preview.excludedTotal.toLocaleString('en-GB')}</span> held back
        </p>
        <p className="stat">{preview.directMarketing ? 'Direct marketing: PECR applies' : 'Not direct marketing'}</p>
      </div>
      {withheld ? (
        <p data-testid="preview-withheld">
          Left empty in the file: {withheld} (PECR or special-category rules do not allow using them for this export).
        </p>
      ) : null}
      {reasons.length > 0 ? (
        <table className="data" data-testid="preview-reasons">
          <caption>Why people are held back</caption>
          <thead>
            <tr>
              <th scope="col">Reason</th>
              <th scope="col">People</th>
            </tr>
          </thead>
          <tbody>
            {reasons.map(({ reason, n }) => (
              <tr key={reason} data-testid="preview-reason" data-reason={reason}>
                <th scope="row">{EXCLUSION_LABELS[reason]}</th>
                <td>{n.toLocaleString('en-GB')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {preview.notes.length > 0 ? (
        <ul className="notes" data-testid="preview-notes" aria-label="Notes on this export">
          {preview.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
      <div className="export-people">
        <PeopleTable title="Included" testId="preview-included-people" total={preview.included} people={preview.includedPeople} />
        <PeopleTable title="Held back" testId="preview-held-people" total={preview.excludedTotal} people={preview.heldBack} />
      </div>
    </section>
  );
}

function PeopleTable({ title, testId, total, people }: { title: string; testId: string; total: number; people: ExportPreview['heldBack'] | ExportPreview['includedPeople'] }) {
  const caption = people.length < total ? `${title}: the first ${people.length} of ${total.toLocaleString('en-GB')}` : `${title}: ${count(total, 'person', 'people')}`;
  if (people.length === 0) {
    return (
      <p className="hint" data-testid={testId}>
        {title}: nobody.
      </p>
    );
  }
  const withReason = people.some((p) => 'reason' in p);
  return (
    <ScrollRegion label={caption}>
      <table className="data" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Company</th>
            {withReason ? <th scope="col">Why</th> : null}
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={p.id} data-testid={`${testId}-row`}>
              <th scope="row">{p.name || '(no name)'}</th>
              <td>{p.company ?? '—'}</td>
              {'reason' in p ? <td>{EXCLUSION_LABELS[p.reason]}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
