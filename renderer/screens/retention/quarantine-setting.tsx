// How long contacts with no lawful basis stay quarantined before they are destroyed (1–365 days; 30 by default). The
// field shows the period in force (retention.list), and again after every change.
import { useEffect, useState, type FormEvent } from 'react';
import { call } from '../../api.js';
import { useAction } from '../../app/use-action.js';
import { useConfirmedChange } from '../../app/use-confirmed-change.js';
import { useFocusAfter } from '../../app/use-focus-after.js';
import { FormError, TextField } from '../../components/fields.js';

export function QuarantineSetting({ current, onChanged }: { current: number | null; onChanged(): void }) {
  const [days, setDays] = useState('');
  useEffect(() => {
    if (current !== null) setDays(String(current));
  }, [current]);
  const [error, setError] = useState<string | null>(null);
  const { busy, run } = useAction();
  const { change, dialog } = useConfirmedChange(run);
  // Save is disabled while busy: focus comes back to it.
  const focus = useFocusAfter();
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const n = Number(days);
    const problem = Number.isInteger(n) && n >= 1 && n <= 365 ? null : 'A whole number of days from 1 to 365.';
    setError(problem);
    if (problem) return;
    const r = await focus.keep(() =>
      change('save', (confirm) => call('quarantine.set', { days: n, confirm }), {
        success: `Quarantine set to ${n} days; every quarantined contact’s date was computed again.`,
        cancelled: 'Nothing was changed: the quarantine period stays as it was.',
      }),
    );
    if (r !== undefined) onChanged();
  };
  return (
    <>
      <form className="card form" onSubmit={save} noValidate aria-labelledby="quarantine-title" data-testid="quarantine-form">
        <h3 id="quarantine-title">Quarantine period</h3>
        <p className="hint" data-testid="quarantine-now">
          Contacts in no group with a lawful basis are destroyed this many days after their import.{' '}
          {current === null ? 'The vault starts with 30 days.' : `Now: ${current === 1 ? '1 day' : `${current} days`}.`}
        </p>
        <TextField label="Days in quarantine" type="number" min={1} max={365} testId="quarantine-days" value={days} onChange={setDays} />
        <FormError message={error} />
        <button type="submit" className="primary" data-testid="quarantine-save" disabled={busy !== null}>
          Save
        </button>
      </form>
      {dialog}
    </>
  );
}
