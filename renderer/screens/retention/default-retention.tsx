// The vault's default retention: how long contacts with a lawful basis that no policy covers are kept, and from
// which date (retention.default). A shorter default can bring destruction forward, so its impact is confirmed first.
import { useEffect, useState, type FormEvent } from 'react';
import { call } from '../../api.js';
import { useAction } from '../../app/use-action.js';
import { useConfirmedChange } from '../../app/use-confirmed-change.js';
import { useFocusAfter } from '../../app/use-focus-after.js';
import { FormError, SelectField, TextField } from '../../components/fields.js';
import { ANCHORS, type Anchor } from '../../../src/shared/vocabulary.js';
import { ANCHOR_LABELS } from '../../lib/labels.js';
import type { DefaultRetentionView } from '../../types.js';

export function DefaultRetentionSetting({ current, onChanged }: { current: DefaultRetentionView | null; onChanged(): void }) {
  const [months, setMonths] = useState('');
  const [anchor, setAnchor] = useState<Anchor>('last-review');
  const [error, setError] = useState<string | null>(null);
  const { busy, run } = useAction();
  const { change, dialog } = useConfirmedChange(run);
  // Save is disabled while busy: focus comes back to it.
  const focus = useFocusAfter();
  // The fields show the vault's default as it is now, and again after every change.
  useEffect(() => {
    if (!current) return;
    setMonths(String(current.months));
    setAnchor(current.anchor);
  }, [current]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const n = Number(months);
    const problem = Number.isInteger(n) && n >= 1 && n <= 120 ? null : 'A whole number of months from 1 to 120.';
    setError(problem);
    if (problem) return;
    const r = await focus.keep(() =>
      change('save', (confirm) => call('retention.default', { months: n, anchor, confirm }), {
        success: `Default retention set to ${n === 1 ? '1 month' : `${n} months`} from ${ANCHOR_LABELS[anchor].toLowerCase()}; every contact’s date was computed again.`,
        cancelled: 'Nothing was changed: the default retention stays as it was.',
      }),
    );
    if (r !== undefined) onChanged();
  };

  return (
    <>
      <form className="card form" onSubmit={save} noValidate aria-labelledby="default-retention-title" data-testid="default-retention-form">
        <h3 id="default-retention-title">Default retention</h3>
        <p className="hint" data-testid="default-retention-now">
          {current ? `Now: ${current.description}.` : 'For every contact with a lawful basis that no policy covers.'}
        </p>
        <TextField label="Months to keep" type="number" min={1} max={120} testId="default-retention-months" value={months} onChange={setMonths} />
        <SelectField label="Counted from" testId="default-retention-anchor" value={anchor} onChange={setAnchor} options={ANCHORS.map((a) => ({ value: a, label: ANCHOR_LABELS[a] }))} />
        <FormError message={error} />
        <button type="submit" className="primary" data-testid="default-retention-save" disabled={busy !== null || current === null}>
          Save the default
        </button>
      </form>
      {dialog}
    </>
  );
}
