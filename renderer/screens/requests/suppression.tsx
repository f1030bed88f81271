// Objections (Art. 21) and the suppression list: record that a person objected, by email and/or profile URL; list
// the entries (why, for which purpose, how they are matched, since when); and, for an admin, lift one with the
// reason, behind a confirmation. The list holds blind indexes only, so it shows no one's name or address.
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { Response } from '../../../src/api/contract.js';
import { call } from '../../api.js';
import { useAction } from '../../app/use-action.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { TextArea, TextField } from '../../components/fields.js';
import { OffsetPager } from '../../components/pager.js';
import { ScrollRegion } from '../../components/scroll-region.js';
import { day } from '../../lib/format.js';
import { purposeLabel } from '../../lib/labels.js';
import { suppressionReasonLabel } from '../../lib/labels-requests.js';
import { useFocusFirstError } from './form-bits.js';
import { liftReasonProblem, objectionRequest } from './request-forms.js';
import { matchedBy } from './request-words.js';

type Entry = Response<'suppression.list'>[number];

const PAGE = 25;

export function Suppression({ canAdd, canLift, version, onChanged }: { canAdd: boolean; canLift: boolean; version: number; onChanged(): void }) {
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [offset, setOffset] = useState(0);
  const [email, setEmail] = useState('');
  const [profileUrl, setProfileUrl] = useState('');
  const [errors, setErrors] = useState<{ email?: string; profileUrl?: string } | null>(null);
  const [lifting, setLifting] = useState<Entry | null>(null);
  const [reason, setReason] = useState('');
  const [refocus, setRefocus] = useState(false);
  const [reasonError, setReasonError] = useState<{ reason?: string } | null>(null);
  const { busy, run } = useAction();
  const form = useRef<HTMLFormElement>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const dialogBody = useRef<HTMLDivElement>(null);
  useFocusFirstError(form, errors);
  useFocusFirstError(dialogBody, reasonError);

  const load = useCallback(async () => {
    const r = await run('list', () => call('suppression.list', {}));
    // Newest first: the entry just made is at the top.
    if (r) setEntries([...r].sort((a, b) => b.createdAt.localeCompare(a.createdAt)));
  }, [run]);
  useEffect(() => {
    void load();
  }, [load, version]);

  const object = async (e: FormEvent) => {
    e.preventDefault();
    const checked = objectionRequest(email, profileUrl);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors(null);
    const r = await run('object', () => call('suppression.add', checked.value), (v) =>
      v.alreadyListed
        ? 'This person was already on the suppression list: nothing was added (that entry is the one in force).'
        : 'Objection recorded: this person is left out of every use and export from now on, and a later import refuses them.',
    );
    if (r) {
      setEmail('');
      setProfileUrl('');
      setOffset(0);
      await load();
      onChanged();
    }
  };

  const lift = async () => {
    if (!lifting) return;
    const problem = liftReasonProblem(reason);
    setReasonError(problem ? { reason: problem } : null);
    if (problem) return;
    const r = await run('lift', () => call('suppression.lift', { suppressionId: lifting.id, reason: reason.trim() }), 'The entry is lifted: the person may be used again within the law, and a later import accepts them.');
    if (r === undefined) return;
    setLifting(null);
    setReason('');
    setRefocus(true);
    await load();
    onChanged();
  };

  // The row's Lift button is gone once lifted: focus goes to the list it belonged to, after the dialog has closed
  // (and given focus back to that button).
  useEffect(() => {
    if (!refocus || lifting) return;
    listHeading.current?.focus();
    setRefocus(false);
  }, [refocus, lifting]);

  const shown = (entries ?? []).slice(offset, offset + PAGE);
  const total = entries?.length ?? 0;
  return (
    <section className="card" aria-labelledby="suppression-title" data-testid="requests-suppression">
      <h3 id="suppression-title">Objections and the suppression list</h3>
      {canAdd ? (
        <form ref={form} className="form" onSubmit={object} noValidate aria-labelledby="objection-title" data-testid="objection-form">
          <h4 id="objection-title">Record an objection (Art. 21)</h4>
          <p className="hint">
            An objection to direct marketing is absolute: it needs no reason and takes effect at once. Give the email address, the profile URL, or both; they are kept only as blind
            indexes.
          </p>
          <div className="row">
            <TextField label="Email address" testId="objection-email" className="requests-grow" value={email} onChange={setEmail} hint="For example ada@example.com." error={errors?.email} />
            <TextField
              label="LinkedIn profile URL"
              testId="objection-profile"
              className="requests-grow"
              value={profileUrl}
              onChange={setProfileUrl}
              hint="For example https://www.linkedin.com/in/ada-lovelace."
              error={errors?.profileUrl}
            />
          </div>
          <button type="submit" className="primary" data-testid="objection-submit" disabled={busy !== null}>
            Record the objection
          </button>
        </form>
      ) : null}
      <h4 ref={listHeading} tabIndex={-1} id="suppression-list-title">
        The suppression list
      </h4>
      <p className="hint" data-testid="suppression-privacy">
        No personal data is shown here: each entry keeps only blind indexes (keyed hashes) of an email address, a profile URL or a name and company, enough to recognise the person
        again but not to say who they are. To learn whether someone is on it, use subject access.
      </p>
      {entries === null ? (
        <p className="hint">Loading the suppression list…</p>
      ) : entries.length === 0 ? (
        <p className="hint" data-testid="suppression-empty">
          No one is on the suppression list.
        </p>
      ) : (
        <>
          <OffsetPager
            noun="Entries"
            testId="suppression"
            offset={offset}
            pageSize={PAGE}
            shown={shown.length}
            total={total}
            loading={busy === 'list'}
            onOffset={setOffset}
          />
          <ScrollRegion label="The suppression list">
            <table className="data" data-testid="suppression-table" aria-labelledby="suppression-list-title">
              <thead>
                <tr>
                  <th scope="col">Why</th>
                  <th scope="col">For</th>
                  <th scope="col">Recognised by</th>
                  <th scope="col">Since</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((e) => (
                  <tr key={e.id} data-testid="suppression-row" data-reason={e.reason} data-lifted={e.liftedAt ? 'true' : 'false'}>
                    <th scope="row">{suppressionReasonLabel(e.reason)}</th>
                    <td>{e.purpose ? purposeLabel(e.purpose) : 'Every use'}</td>
                    <td>{matchedBy(e)}</td>
                    <td>{day(e.createdAt)}</td>
                    <td>
                      {e.liftedAt ? (
                        <span>Lifted on {day(e.liftedAt)}</span>
                      ) : canLift ? (
                        <span className="actions-cell">
                          <span className="warn-text">In force</span>{' '}
                          <button
                            type="button"
                            className="danger-outline"
                            data-testid="suppression-lift"
                            disabled={busy !== null}
                            onClick={() => {
                              setReason('');
                              setReasonError(null);
                              setLifting(e);
                            }}
                          >
                            Lift…
                            <span className="visually-hidden">
                              {' '}
                              {suppressionReasonLabel(e.reason)}, since {day(e.createdAt)}
                            </span>
                          </button>
                        </span>
                      ) : (
                        <span className="warn-text">In force</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </>
      )}
      {!canLift && total > 0 ? <p className="hint">Only an admin can lift an entry.</p> : null}
      {lifting ? (
        <ConfirmDialog
          title="Lift this suppression?"
          confirmLabel="Lift the entry"
          confirmTestId="suppression-lift-confirm"
          busy={busy === 'lift'}
          onConfirm={() => void lift()}
          onCancel={() => setLifting(null)}
        >
          <p>
            {suppressionReasonLabel(lifting.reason)}
            {lifting.purpose ? ` for ${purposeLabel(lifting.purpose).toLowerCase()}` : ''}, since {day(lifting.createdAt)}.
          </p>
          <p>
            Once lifted, the person is no longer left out of exports, and a later import accepts them again. Lift only with a reason that stands: they consented again, or the
            entry was a mistake. The reason is kept, encrypted, and the lift is recorded in the audit log.
          </p>
          <div ref={dialogBody}>
            <TextArea
              label="Why it is lifted"
              required
              testId="suppression-lift-reason"
              value={reason}
              onChange={setReason}
              hint="For example: consented again on 2026-12-01 (form 4411)."
              error={reasonError?.reason}
            />
          </div>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
