// A change that regroups every contact (editing a group's rule, moving a group in the order): first a dry run, then,
// when anyone would change group or fall due, a dialog that says who would move where ("12 contacts would move from
// “A” to “B”") and what falls due; only on Apply is it made, confirmed when the dry run showed destruction brought
// forward. Cancel changes nothing.
import { useState } from 'react';
import { useConfirmedChange } from '../../app/use-confirmed-change.js';
import { useAction } from '../../app/use-action.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { Checkbox } from '../../components/fields.js';
import { moveSentences } from '../../lib/rule-form.js';
import type { Impact } from '../../types.js';

const harmless = (i: Impact) => i.dueNow === 0 && i.dueWithin30Days === 0;
const dueSentence = (i: Impact) =>
  harmless(i) ? '' : `It would also make ${i.dueNow.toLocaleString('en-GB')} contact(s) due for destruction now and ${i.dueWithin30Days.toLocaleString('en-GB')} more within 30 days.`;

export interface Regrouped {
  applied: boolean;
  impact: Impact;
  moves: { from: string | null; to: string | null; contacts: number }[];
  /** What the bases of groups receiving people warn about them (src/app/use-cases/regroup.ts, checkArrivals). */
  warnings: { message: string }[];
}

interface Pending<T extends Regrouped> {
  title: string;
  dry: T;
  work(options: { dryRun: boolean; confirm: boolean; acknowledgeWarnings: boolean }): Promise<T>;
  success: string;
  resolve(value: T | undefined): void;
}

export function useRegroup(labelOf: (id: string) => string) {
  const { busy, run } = useAction();
  const { change, dialog: impactDialog } = useConfirmedChange(run);
  const [pending, setPending] = useState<Pending<Regrouped> | null>(null);
  const [read, setRead] = useState(false);

  const apply = async <T extends Regrouped>(work: Pending<T>['work'], dry: T, success: string, cancelled: string): Promise<T | undefined> =>
    change('apply', (confirm) => work({ dryRun: false, confirm: confirm || !harmless(dry.impact), acknowledgeWarnings: dry.warnings.length > 0 }), {
      success: (v) => [success, ...moveSentences(v.moves, labelOf, true)].join(' '),
      cancelled,
    });

  /** Preview `work` as a dry run; ask when it moves anyone; then apply it. The applied answer, or undefined. */
  const regroup = async <T extends Regrouped>(title: string, work: Pending<T>['work'], success: string): Promise<T | undefined> => {
    // The dry run lists the warnings (blocking guardrails refuse it, in the status); the dialog shows them and asks.
    const dry = await run('preview', () => work({ dryRun: true, confirm: false, acknowledgeWarnings: true }));
    if (!dry) return undefined;
    if (dry.moves.length === 0 && harmless(dry.impact) && dry.warnings.length === 0) return apply(work, dry, success, 'Nothing was changed.');
    setRead(false);
    const answer = await new Promise<T | undefined>((resolve) => setPending({ title, dry, work, success, resolve } as unknown as Pending<Regrouped>));
    return answer;
  };

  const close = (value: Regrouped | undefined) => {
    pending?.resolve(value);
    setPending(null);
  };

  const dialog = pending ? (
    <ConfirmDialog
      title={pending.title}
      confirmLabel="Apply the change"
      confirmTestId="regroup-confirm"
      cancelTestId="regroup-cancel"
      testId="regroup-dialog"
      busy={busy !== null || (pending.dry.warnings.length > 0 && !read)}
      onConfirm={() => {
        const p = pending;
        setPending(null);
        void apply(p.work, p.dry, p.success, 'Nothing was changed.').then((v) => p.resolve(v));
      }}
      onCancel={() => close(undefined)}
    >
      <ul data-testid="regroup-moves">
        {moveSentences(pending.dry.moves, labelOf).map((s) => (
          <li key={s}>{s}</li>
        ))}
        {pending.dry.moves.length === 0 ? <li>No contact changes group.</li> : null}
      </ul>
      {dueSentence(pending.dry.impact) ? <p className="warn-text" data-testid="regroup-due">{dueSentence(pending.dry.impact)}</p> : null}
      {pending.dry.warnings.length > 0 ? (
        <div className="callout warn" data-testid="regroup-warnings">
          <p>The lawful basis of a group that would receive people warns:</p>
          <ul>
            {pending.dry.warnings.map((w) => (
              <li key={w.message}>{w.message}</li>
            ))}
          </ul>
          <Checkbox label="I have read these warnings" testId="regroup-warnings-read" checked={read} onChange={setRead} />
        </div>
      ) : null}
      <p className="hint">Cancel leaves everything as it was.</p>
    </ConfirmDialog>
  ) : null;

  return {
    busy,
    regroup,
    dialog: (
      <>
        {dialog}
        {impactDialog}
      </>
    ),
  };
}
