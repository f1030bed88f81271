// What the commit did: added, updated, duplicates, people refused by the suppression list, records kept with a
// special-category hint held without a condition (quarantined, or their group's basis has none), and how many are quarantined until their group has a basis.
import type { CommitReport } from '../../types.js';

export function CommitSummary({ result, onAnother }: { result: CommitReport; onAnother(): void }) {
  const duplicates = result.duplicatesSkipped + result.duplicatesInFile;
  return (
    <section className="card success-card" aria-labelledby="summary-title" data-testid="commit-summary">
      <h3 id="summary-title" tabIndex={-1}>
        <span aria-hidden="true">✓ </span>Import committed
      </h3>
      <dl className="facts">
        <dt>Records read</dt>
        <dd data-testid="summary-records">{result.records.toLocaleString('en-GB')}</dd>
        <dt>Added</dt>
        <dd data-testid="summary-added">{result.added.toLocaleString('en-GB')}</dd>
        <dt>Updated</dt>
        <dd data-testid="summary-updated">{result.updated.toLocaleString('en-GB')}</dd>
        <dt>Duplicates</dt>
        <dd data-testid="summary-duplicates">
          {duplicates.toLocaleString('en-GB')} ({result.duplicatesSkipped} already in the vault, {result.duplicatesInFile} repeated in the file)
        </dd>
        <dt>Refused: on the suppression list</dt>
        <dd data-testid="summary-suppressed">
          {result.suppressedLines.length.toLocaleString('en-GB')}
          {lines(result.suppressedLines)}
        </dd>
        <dt>Kept as they are: under a legal hold</dt>
        <dd data-testid="summary-held">
          {result.heldLines.length.toLocaleString('en-GB')}
          {lines(result.heldLines)}
        </dd>
        <dt>Special-category hints without a condition</dt>
        <dd data-testid="summary-special-category">
          {result.specialCategoryLines.length.toLocaleString('en-GB')}
          {lines(result.specialCategoryLines)}
        </dd>
        <dt>Empty records skipped</dt>
        <dd>{result.emptySkipped.toLocaleString('en-GB')}</dd>
        <dt>Unreadable records</dt>
        <dd>{result.errors.length.toLocaleString('en-GB')}</dd>
        <dt>Columns left out</dt>
        <dd>{result.columnsDropped.length ? result.columnsDropped.join(', ') : 'none'}</dd>
        <dt>Fragments cut out</dt>
        <dd>{result.fragmentsStripped.toLocaleString('en-GB')}</dd>
        <dt>Quarantined</dt>
        <dd data-testid="summary-quarantined">{result.quarantined.toLocaleString('en-GB')}</dd>
      </dl>
      {result.specialCategoryGroups.length > 0 ? (
        <p className="callout warn" data-testid="summary-special-category-groups">
          <span aria-hidden="true">⚠ </span>
          Kept with a special-category or criminal-offence hint and held without an Art. 9(2) or Art. 10 condition (quarantined, with no lawful basis yet, or in a group whose basis has none for it), in{' '}
          {result.specialCategoryGroups.map((g) => `“${g.label}” (${g.records.toLocaleString('en-GB')})`).join(', ')}. CRM exports withhold their job title or leave
          them out until the data is stripped at import or the group records a condition that holds.
        </p>
      ) : null}
      {result.quarantined > 0 ? (
        <p className="callout warn">
          <span aria-hidden="true">⚠ </span>
          {result.quarantined.toLocaleString('en-GB')} contacts are quarantined: they are in no group with a lawful basis, may not be used, and are destroyed when
          the quarantine ends unless a data owner gives their group a lawful basis.
        </p>
      ) : null}
      <button type="button" onClick={onAnother} data-testid="import-another">
        Import another file
      </button>
    </section>
  );
}

/** ' (lines 3, 7, …)' for a few line numbers, '' for none. */
function lines(list: readonly number[]): string {
  return list.length > 0 ? ` (lines ${list.slice(0, 20).join(', ')}${list.length > 20 ? ', …' : ''})` : '';
}
