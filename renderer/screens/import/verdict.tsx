// The preview's first card: what the file is, how many people, what the commit will do with them (the core's
// prediction, by the commit's own rules), what will be stored, and what needs a decision before committing.
import { count } from '../../lib/format.js';
import { categoryWords, hintLines, linesNote, type ImportChoices, type ImportPreview } from '../../lib/import-view.js';

export function Verdict({ preview, choices, recounting }: { preview: ImportPreview; choices: ImportChoices; recounting: boolean }) {
  const { report } = preview;
  const p = preview.predicted[choices.onDuplicate];
  const s = report.source;
  const n = (x: number) => x.toLocaleString('en-GB');
  const what = s.kind === 'linkedin-connections' ? 'your LinkedIn connections' : 'the address book you uploaded to LinkedIn (people who never connected with you)';
  const from = s.container === 'zip' ? `${s.entry ?? 'Connections.csv'} from a LinkedIn archive` : 'a CSV file';
  const kept = report.columns.filter((c) => c.personalData && !choices.dropColumns.includes(c.header)).map((c) => categoryWords(c.category).toLowerCase());
  const hints = hintLines(report.findings);
  const decisions: { id: string; text: string; href?: string }[] = [];
  if (hints.length > 0) decisions.push({ id: 'hints', text: `${count(hints.length, 'person', 'people')} with a hint of special-category data (health, beliefs, union membership…): keep or strip each one.`, href: '#hint-decisions' });
  if (p.specialCategoryLines.length > 0)
    decisions.push({ id: 'uncovered', text: `${count(p.specialCategoryLines.length, 'record')} kept with such a hint would be held without an Art. 9(2) condition: quarantined (no lawful basis yet), or in a group whose lawful basis has none for it${linesNote(p.specialCategoryLines)}.` });
  if (p.quarantined > 0) decisions.push({ id: 'quarantine', text: `${count(p.quarantined, 'contact')} will be quarantined until their group has a lawful basis.` });
  if (s.kind === 'linkedin-imported-contacts') decisions.push({ id: 'imported', text: 'These people never connected with you: they must be told you hold their data (Art. 14 notice).' });
  if (report.errors.length > 0) decisions.push({ id: 'errors', text: `${count(report.errors.length, 'record')} cannot be read and will not be imported.` });
  return (
    <section className="card verdict" aria-labelledby="verdict-title" data-testid="import-verdict" aria-busy={recounting}>
      <h3 id="verdict-title" tabIndex={-1}>
        {count(report.records, 'record')} of {what}
      </h3>
      <p data-testid="verdict-what">
        Read from {from}. {count(report.summary.contactsWithEmail, 'record')} with an email address. Nothing is stored until you commit.
      </p>
      <h4>If you commit now{recounting ? <span className="hint"> (counting again…)</span> : null}</h4>
      <dl className="facts verdict-counts">
        <dt>Will be added</dt>
        <dd data-testid="verdict-added">{n(p.added)}</dd>
        <dt>Will be updated</dt>
        <dd data-testid="verdict-updated">{n(p.updated)}</dd>
        <dt>Skipped: already in the vault</dt>
        <dd data-testid="verdict-duplicates-vault">{n(p.duplicatesSkipped)}</dd>
        <dt>Repeated in this file</dt>
        <dd data-testid="verdict-duplicates-file">{n(p.duplicatesInFile)}</dd>
        <dt>Refused: on the suppression list</dt>
        <dd data-testid="verdict-suppressed">
          {n(p.suppressedLines.length)}
          {linesNote(p.suppressedLines)}
        </dd>
        {p.heldLines.length > 0 ? (
          <>
            <dt>Kept as they are: under a legal hold</dt>
            <dd data-testid="verdict-held">
              {n(p.heldLines.length)}
              {linesNote(p.heldLines)}
            </dd>
          </>
        ) : null}
        <dt>Empty records skipped</dt>
        <dd data-testid="verdict-empty">{n(p.emptySkipped)}</dd>
      </dl>
      <p data-testid="verdict-stored">
        <strong>Stored, encrypted:</strong> {kept.length ? kept.join(', ') : 'nothing personal'}
        {choices.dropColumns.length ? `; left out: ${choices.dropColumns.join(', ')}` : ''}
        {p.fragmentsStripped > 0 ? `; ${count(p.fragmentsStripped, 'flagged fragment')} cut out first` : ''}.
      </p>
      <div data-testid="verdict-decisions">
        <h4>Needs a decision</h4>
        {decisions.length === 0 ? (
          <p>Nothing: the file can be committed as it is.</p>
        ) : (
          <ul className="verdict-decisions">
            {decisions.map((d) => (
              <li key={d.id} data-testid={`decision-${d.id}`}>
                {d.href ? <a href={d.href}>{d.text}</a> : d.text}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
