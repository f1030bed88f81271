// Legal holds suspend destruction of one contact or a whole group (Art. 17(3)(e): legal claims), with the reason.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { call } from '../../api.js';
import { useAction } from '../../app/use-action.js';
import { useFocusAfter } from '../../app/use-focus-after.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { CopyId } from '../../components/copy-id.js';
import { FormError, SelectField, TextArea, TextField } from '../../components/fields.js';
import { OffsetPager } from '../../components/pager.js';
import { day } from '../../lib/format.js';
import type { GroupView, HoldRequest, HoldsPage, HoldView } from '../../types.js';

const PAGE = 20;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function LegalHolds({ groups, groupLabel, onChanged }: { groups: readonly GroupView[]; groupLabel(id: string | null): string; onChanged(): void }) {
  const [page, setPage] = useState<HoldsPage | null>(null);
  const [offset, setOffset] = useState(0);
  const [target, setTarget] = useState<'group' | 'contact'>('group');
  const [groupId, setGroupId] = useState('');
  const [contactId, setContactId] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { busy, run } = useAction();
  // Placing disables its button while busy; a lifted hold's row goes: focus stays on the button, or goes to the heading.
  const focus = useFocusAfter();

  const load = useCallback(async () => {
    const r = await run('list', () => call('holds.list', { offset, limit: PAGE }));
    // A lift that empties the last page shows the page before it.
    if (r && r.holds.length === 0 && offset > 0) setOffset(Math.max(0, offset - PAGE));
    else if (r) setPage(r);
  }, [run, offset]);
  const holds = page?.holds ?? [];
  const total = page?.total ?? 0;
  useEffect(() => {
    void load();
  }, [load]);

  const place = async (e: FormEvent) => {
    e.preventDefault();
    const problem =
      target === 'group' && !groupId
        ? 'Choose the group.'
        : target === 'contact' && !UUID.test(contactId.trim())
          ? 'Paste the contact id (from the contact’s details).'
          : reason.trim().length < 5
            ? 'Give the reason (a claim, a regulator’s request, …).'
            : null;
    setError(problem);
    if (problem) return;
    const req: HoldRequest = target === 'group' ? { groupId, reason: reason.trim() } : { contactId: contactId.trim(), reason: reason.trim() };
    // Kept until the list is read again: reading it disables the button too.
    await focus.keep(async () => {
      const r = await run('place', () => call('holds.place', req), 'Legal hold placed: those contacts will not be destroyed until it is lifted.');
      if (r) {
        setReason('');
        setContactId('');
        await load();
        onChanged();
      }
    });
  };

  // Lifting a hold lets the schedule destroy those contacts again: asked first, like every change that cannot wait.
  const [lifting, setLifting] = useState<HoldView | null>(null);
  const lift = async (hold: HoldView) => {
    const r = await run(`lift-${hold.id}`, () => call('holds.lift', { holdId: hold.id }), 'Legal hold lifted.');
    setLifting(null);
    if (r !== undefined) {
      focus.to('#holds-title');
      await load();
      onChanged();
    }
  };
  const holdTarget = (h: HoldView) => (h.groupId ? `the group “${groupLabel(h.groupId)}”` : 'one contact');

  return (
    <section className="card" aria-labelledby="holds-title">
      <h3 id="holds-title" tabIndex={-1}>
        Legal holds
      </h3>
      {holds.length === 0 ? (
        <p className="hint">No legal hold is in place.</p>
      ) : (
        <>
          <OffsetPager
            noun="Holds"
            testId="holds"
            offset={offset}
            pageSize={PAGE}
            shown={holds.length}
            total={total}
            loading={busy === 'list'}
            onOffset={setOffset}
          />
          <table className="data" data-testid="holds-table">
            <thead>
              <tr>
                <th scope="col">On</th>
                <th scope="col">Reason</th>
                <th scope="col">Since</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {holds.map((h) => (
                <tr key={h.id} data-testid="hold-row">
                  <th scope="row">
                    {h.groupId ? (
                      `Group: ${groupLabel(h.groupId)}`
                    ) : (
                      <>
                        One contact {h.contactId ? <CopyId id={h.contactId} what="contact id" /> : null}
                      </>
                    )}
                  </th>
                  <td>{h.reason}</td>
                  <td>{day(h.createdAt)}</td>
                  <td>
                    <button type="button" data-testid="lift-hold" disabled={busy !== null} onClick={() => setLifting(h)}>
                      Lift
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {lifting ? (
        <ConfirmDialog
          title="Lift this legal hold?"
          confirmLabel="Lift the hold"
          confirmTestId="lift-hold-confirm"
          busy={busy !== null}
          onConfirm={() => void lift(lifting)}
          onCancel={() => setLifting(null)}
        >
          <p>
            The hold on {holdTarget(lifting)} ({lifting.reason}) ends now. Its contacts are then destroyed when they fall due, at the next scheduled destruction if they already are.
          </p>
        </ConfirmDialog>
      ) : null}
      <form className="form" onSubmit={place} noValidate aria-labelledby="hold-place-title" data-testid="hold-form">
        <h4 id="hold-place-title">Place a hold</h4>
        <SelectField
          label="Hold"
          testId="hold-target"
          value={target}
          onChange={setTarget}
          options={[
            { value: 'group', label: 'A whole group' },
            { value: 'contact', label: 'One contact' },
          ]}
        />
        {target === 'group' ? (
          <SelectField label="Group" testId="hold-group" placeholder="Choose a group…" value={groupId} onChange={setGroupId} options={groups.map((g) => ({ value: g.id, label: g.label }))} />
        ) : (
          <TextField label="Contact id" testId="hold-contact" value={contactId} onChange={setContactId} hint="Copy it with “Copy id” at the bottom of the contact’s details (Contacts), then paste it here." />
        )}
        <TextArea label="Reason" required testId="hold-reason" value={reason} onChange={setReason} hint="Kept encrypted. For example: a claim, a regulator’s request." />
        <FormError message={error} />
        <button type="submit" className="primary" data-testid="place-hold" disabled={busy !== null}>
          Place the hold
        </button>
      </form>
    </section>
  );
}
