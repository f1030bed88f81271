// The controller's details (Art. 30(1)(a), Art. 13/14(1)(a)-(b)): who you are, how to reach you, your DPO and UK
// representative. Shown to data owners and admins; only admins may change them (controller.set).
import { useEffect, useState, type FormEvent } from 'react';
import { call } from '../../api.js';
import { useAction } from '../../app/use-action.js';
import { FormError, TextArea, TextField } from '../../components/fields.js';
import type { ControllerDetails as Details } from './records-types.js';

/** As the record says it (src/export/art30-report.ts): a blank DPO was not recorded, which is not "none designated". */
const NO_DPO_RECORDED = 'No DPO recorded';

type Errors = Partial<Record<'name' | 'contact' | 'dpo' | 'representative', string>>;

/** What is wrong with the form, field by field (the contract's limits, in words). */
export function controllerErrors(d: { name: string; contact: string; dpo: string; representative: string }): Errors {
  const errors: Errors = {};
  if (d.name.trim() === '') errors.name = "Give your organisation's name.";
  else if (d.name.trim().length > 300) errors.name = 'Keep the name under 300 characters.';
  if (d.contact.trim() === '') errors.contact = 'Give an address or email where people can reach you about their data.';
  else if (d.contact.trim().length > 1000) errors.contact = 'Keep the contact details under 1,000 characters.';
  if (d.dpo.trim().length > 1000) errors.dpo = 'Keep this under 1,000 characters.';
  if (d.representative.trim().length > 1000) errors.representative = 'Keep this under 1,000 characters.';
  return errors;
}

export function ControllerDetails({ canEdit, onChanged }: { canEdit: boolean; onChanged(): void }) {
  const [details, setDetails] = useState<Details | null | undefined>(undefined);
  const [form, setForm] = useState({ name: '', contact: '', dpo: '', representative: '' });
  const [errors, setErrors] = useState<Errors>({});
  const [editing, setEditing] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const { busy, run } = useAction();

  useEffect(() => {
    void run('controller', () => call('controller.show', {})).then((r) => {
      if (!r) return;
      setDetails(r.details);
      if (r.details) setForm({ name: r.details.name, contact: r.details.contact, dpo: r.details.dpo ?? '', representative: r.details.representative ?? '' });
    });
  }, [run]);

  const set = (patch: Partial<typeof form>) => {
    const next = { ...form, ...patch };
    setForm(next);
    const now = controllerErrors(next);
    setErrors(Object.fromEntries(Object.entries(now).filter(([k]) => k in errors)));
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const problems = controllerErrors(form);
    setErrors(problems);
    setRefusal(null);
    if (Object.keys(problems).length > 0) return;
    const request: Details = {
      name: form.name.trim(),
      contact: form.contact.trim(),
      ...(form.dpo.trim() ? { dpo: form.dpo.trim() } : {}),
      ...(form.representative.trim() ? { representative: form.representative.trim() } : {}),
    };
    const r = await run('save-controller', () => call('controller.set', request), "The controller's details are recorded.");
    if (r === undefined) {
      setRefusal('Not saved: see the message above.');
      return;
    }
    setDetails(request);
    setEditing(false);
    onChanged();
  };

  return (
    <section className="card records-controller" aria-labelledby="records-controller-title" data-testid="controller-details">
      <h3 id="records-controller-title">The controller (your organisation)</h3>
      {details === undefined ? (
        <p className="hint">Loading…</p>
      ) : details === null ? (
        <p className="callout warn" data-testid="controller-missing">
          No controller details are recorded: the record and privacy notices say so.{canEdit ? '' : ' An admin can record them.'}
        </p>
      ) : (
        <dl className="facts" data-testid="controller-facts">
          <dt>Name</dt>
          <dd>{details.name}</dd>
          <dt>Contact details</dt>
          <dd>{details.contact}</dd>
          <dt>Data protection officer</dt>
          <dd data-testid="controller-dpo-shown">{details.dpo || NO_DPO_RECORDED}</dd>
          <dt>UK representative</dt>
          <dd>{details.representative || 'No UK representative recorded'}</dd>
        </dl>
      )}
      {canEdit && details !== undefined && !editing ? (
        <div className="actions records-controls">
          <button type="button" data-testid="controller-edit" onClick={() => setEditing(true)}>
            {details ? 'Change the details' : 'Record the details'}
          </button>
        </div>
      ) : null}
      {canEdit && editing ? (
        <form className="form records-controls" onSubmit={save} noValidate aria-labelledby="controller-form-title" data-testid="controller-form">
          <h4 id="controller-form-title">{details ? 'Change the controller’s details' : 'Record the controller’s details'}</h4>
          <TextField label="Name" required testId="controller-name" value={form.name} onChange={(name) => set({ name })} error={errors.name} />
          <TextArea label="Contact details" required testId="controller-contact" value={form.contact} onChange={(contact) => set({ contact })} error={errors.contact} hint="An address and an email for people’s requests about their data." rows={2} />
          <TextField label="Data protection officer" testId="controller-dpo" value={form.dpo} onChange={(dpo) => set({ dpo })} error={errors.dpo} hint="Name and contact, if you have one." />
          <TextField label="UK representative" testId="controller-representative" value={form.representative} onChange={(representative) => set({ representative })} error={errors.representative} hint="Only for a controller outside the UK (Art. 27)." />
          <FormError message={refusal} />
          <div className="actions">
            <button type="submit" className="primary" data-testid="controller-save" disabled={busy !== null}>
              Save
            </button>
            <button type="button" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
