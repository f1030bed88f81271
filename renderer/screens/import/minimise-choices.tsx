// The importer's minimisation choices besides whole columns: cut flagged fragments out of free text, and what to
// do with people already in the vault.
import { Checkbox } from '../../components/fields.js';
import { STRIPPABLE, type Strippable } from '../../../src/shared/vocabulary.js';
import type { ImportChoices } from '../../lib/import-view.js';
import { STRIP_LABELS } from '../../lib/labels.js';

export function MinimiseChoices({ choices, byKind, onChange }: { choices: ImportChoices; byKind: Record<string, number>; onChange(c: ImportChoices): void }) {
  // The special-category box decides for everyone at once: it clears the person-by-person decisions.
  const toggle = (kind: Strippable, on: boolean) =>
    onChange({ ...choices, strip: on ? [...new Set([...choices.strip, kind])] : choices.strip.filter((k) => k !== kind), ...(kind === 'special-category' ? { lineChoices: {} } : {}) });
  return (
    <section className="card" aria-labelledby="minimise-title" data-testid="minimise-choices">
      <h3 id="minimise-title">Keep less</h3>
      <fieldset>
        <legend>Cut out of free text before it is stored</legend>
        {STRIPPABLE.map((kind) => (
          <Checkbox
            key={kind}
            testId={`strip-${kind}`}
            checked={choices.strip.includes(kind)}
            onChange={(on) => toggle(kind, on)}
            label={STRIP_LABELS[kind]}
            hint={`${(byKind[kind] ?? 0).toLocaleString('en-GB')} found in this file`}
          />
        ))}
      </fieldset>
      <fieldset>
        <legend>People already in the vault</legend>
        <div className="check">
          <input id="dup-skip" type="radio" name="on-duplicate" value="skip" data-testid="duplicates-skip" checked={choices.onDuplicate === 'skip'} onChange={() => onChange({ ...choices, onDuplicate: 'skip' })} />
          <label htmlFor="dup-skip">Skip them: keep what the vault holds</label>
        </div>
        <div className="check">
          <input id="dup-update" type="radio" name="on-duplicate" value="update" data-testid="duplicates-update" checked={choices.onDuplicate === 'update'} onChange={() => onChange({ ...choices, onDuplicate: 'update' })} />
          <label htmlFor="dup-update">Update them with this file’s details</label>
        </div>
      </fieldset>
    </section>
  );
}
