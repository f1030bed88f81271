// The recipients register (Art. 30(1)(d)-(e), Art. 28): who may receive exports, as processor or controller, where
// they hold the data and under which transfer mechanism; each with the number of exports it received.
import { useState, type FormEvent } from 'react';
import { RECIPIENT_ROLES, TRANSFER_MECHANISMS, type RecipientRole, type TransferMechanism } from '../../../src/shared/vocabulary.js';
import { call } from '../../api.js';
import { useAction } from '../../app/use-action.js';
import { FormError, SelectField, TextField } from '../../components/fields.js';
import { ScrollRegion } from '../../components/scroll-region.js';
import { dayFieldProblem } from '../../lib/date-field.js';
import { day } from '../../lib/format.js';
import { RECIPIENT_ROLE_LABELS, TRANSFER_LABELS } from '../../lib/labels-export.js';
import type { RecipientInput, RecipientView } from './records-types.js';

interface Draft {
  name: string;
  role: RecipientRole | '';
  contractDate: string;
  hostingRegion: string;
  transfer: TransferMechanism;
  contact: string;
}
const EMPTY: Draft = { name: '', role: '', contractDate: '', hostingRegion: '', transfer: 'none', contact: '' };
type Errors = Partial<Record<keyof Draft, string>>;

/** What is wrong with the form, field by field; the core's own checks (a contract in the future, a transfer) follow. */
export function recipientErrors(d: Draft, registered: readonly { name: string }[]): Errors {
  const errors: Errors = {};
  const name = d.name.trim();
  if (name === '') errors.name = 'Give the recipient’s name (your CRM, a mailing tool, a partner).';
  else if (name.length > 300) errors.name = 'Keep the name under 300 characters.';
  else if (registered.some((r) => r.name.trim().toLowerCase() === name.toLowerCase())) errors.name = 'A recipient of this name is already registered.';
  if (d.role === '') errors.role = 'Say whether it acts for you (processor) or on its own account (controller).';
  // A date picker (lib/date-field.ts): its problems speak of picking the day, never of a format.
  const signed = d.contractDate === '' ? null : dayFieldProblem(d.contractDate, 'the day the contract was signed');
  if (d.role === 'processor' && d.contractDate === '') errors.contractDate = 'A processor needs the day its Art. 28 contract was signed: pick it.';
  else if (signed) errors.contractDate = signed;
  if (d.hostingRegion.trim() === '') errors.hostingRegion = 'Say where it holds the data (for example UK, EU, USA).';
  else if (d.hostingRegion.trim().length > 200) errors.hostingRegion = 'Keep the region under 200 characters.';
  if (d.contact.trim().length > 1000) errors.contact = 'Keep the contact under 1,000 characters.';
  return errors;
}

export function RecipientsRegister({ recipients, onChanged }: { recipients: readonly RecipientView[] | null; onChanged(): void }) {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<Errors>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const { busy, run } = useAction();

  const set = (patch: Partial<Draft>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    const now = recipientErrors(next, recipients ?? []);
    setErrors(Object.fromEntries(Object.entries(now).filter(([k]) => k in errors)));
  };

  const add = async (e: FormEvent) => {
    e.preventDefault();
    const problems = recipientErrors(draft, recipients ?? []);
    setErrors(problems);
    setRefusal(null);
    if (Object.keys(problems).length > 0 || draft.role === '') return;
    const request: RecipientInput = {
      name: draft.name.trim(),
      role: draft.role,
      hostingRegion: draft.hostingRegion.trim(),
      transfer: draft.transfer,
      ...(draft.contractDate ? { contractDate: draft.contractDate } : {}),
      ...(draft.contact.trim() ? { contact: draft.contact.trim() } : {}),
    };
    const r = await run('add-recipient', () => call('recipients.add', request), `${request.name} is registered: exports can now go to it.`);
    if (!r) {
      setRefusal('Not registered: see the message above.');
      return;
    }
    setDraft(EMPTY);
    onChanged();
  };

  return (
    <section className="card" aria-labelledby="records-recipients-title" data-testid="recipients-register">
      <h3 id="records-recipients-title">Recipients register</h3>
      <p className="hint">Everyone an export may go to. A processor acts on your instructions under an Art. 28 contract; a controller uses the data for its own purposes.</p>
      {recipients === null ? (
        <p className="hint">Loading…</p>
      ) : recipients.length === 0 ? (
        <p className="hint" data-testid="recipients-none">
          No recipient is registered yet.
        </p>
      ) : (
        <ScrollRegion label="Registered recipients">
          <table className="data" data-testid="recipients-table">
            <thead>
              <tr>
                <th scope="col">Recipient</th>
                <th scope="col">Role</th>
                <th scope="col">Art. 28 contract</th>
                <th scope="col">Holds the data in</th>
                <th scope="col">Transfer mechanism</th>
                <th scope="col">Exports received</th>
              </tr>
            </thead>
            <tbody>
              {recipients.map((r) => (
                <tr key={r.id} data-testid="recipient-row">
                  <th scope="row">{r.name}</th>
                  <td>{RECIPIENT_ROLE_LABELS[r.role]}</td>
                  <td>{r.contractDate ? day(r.contractDate) : r.role === 'processor' ? 'Not recorded' : 'Not needed'}</td>
                  <td>{r.hostingRegion}</td>
                  <td>{TRANSFER_LABELS[r.transfer]}</td>
                  <td>{r.disclosures}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <form className="form records-controls" onSubmit={add} noValidate aria-labelledby="recipient-form-title" data-testid="recipient-form">
        <h4 id="recipient-form-title">Register a recipient</h4>
        <div className="row">
          <TextField label="Name" required testId="recipient-name" value={draft.name} onChange={(name) => set({ name })} error={errors.name} />
          <SelectField
            label="Role"
            required
            testId="recipient-role"
            placeholder="Choose…"
            value={draft.role}
            onChange={(role) => set({ role })}
            options={RECIPIENT_ROLES.map((r) => ({ value: r, label: RECIPIENT_ROLE_LABELS[r] }))}
            error={errors.role}
          />
        </div>
        <div className="row">
          <TextField
            label="Art. 28 contract signed on"
            type="date"
            required={draft.role === 'processor'}
            testId="recipient-contract-date"
            value={draft.contractDate}
            onChange={(contractDate) => set({ contractDate })}
            error={errors.contractDate}
            hint="Needed for a processor; not for a controller."
          />
          <TextField label="Holds the data in" required testId="recipient-region" value={draft.hostingRegion} onChange={(hostingRegion) => set({ hostingRegion })} error={errors.hostingRegion} hint="For example UK, EU (Frankfurt), USA." />
        </div>
        <SelectField
          label="Transfer mechanism"
          testId="recipient-transfer"
          value={draft.transfer}
          onChange={(transfer) => set({ transfer })}
          options={TRANSFER_MECHANISMS.map((t) => ({ value: t, label: TRANSFER_LABELS[t] }))}
          error={errors.transfer}
          hint="Outside the UK a transfer is lawful only under one of these (UK GDPR Chapter V); choose “None” only when the data stays in the UK."
        />
        <TextField label="Contact for data protection matters" testId="recipient-contact" value={draft.contact} onChange={(contact) => set({ contact })} error={errors.contact} hint="Optional: where to send Art. 19 notices (an email address)." />
        <FormError message={refusal} />
        <button type="submit" className="primary" data-testid="recipient-add" disabled={busy !== null}>
          Register the recipient
        </button>
      </form>
    </section>
  );
}
