// For one chosen person: confirm their subscriber type (for them alone, or for everyone at their company), and record
// a soft opt-in (PECR reg. 22(3): details obtained in a sale or negotiations, similar products only, refusal offered).
import { useId, useState, type FormEvent } from 'react';
import { call } from '../../api.js';
import { useAction } from '../../app/use-action.js';
import { useFocusAfter } from '../../app/use-focus-after.js';
import { Checkbox, SelectField, TextArea, TextField } from '../../components/fields.js';
import { count, today } from '../../lib/format.js';
import { SOFT_OPT_IN_CONTEXT_LABELS, SUBSCRIBER_ENTITY_LABELS, SUBSCRIBER_TYPE_LABELS } from '../../lib/labels-notices.js';
import { CHANNEL_LABELS } from '../../lib/labels.js';
import { SOFT_OPT_IN_CHANNELS, SOFT_OPT_IN_CONTEXTS, SUBSCRIBER_ENTITIES } from '../../../src/shared/vocabulary.js';
import { hintWith } from './field-hint.js';
import { confirmSubscriberProblems, hasProblems, softOptInProblems, type ConfirmSubscriberForm, type Problems, type SoftOptInForm, type SubscriberView } from './notice-words.js';

const ENTITY_OPTIONS = SUBSCRIBER_ENTITIES.map((e) => ({ value: e, label: SUBSCRIBER_ENTITY_LABELS[e] }));
const CONTEXT_OPTIONS = SOFT_OPT_IN_CONTEXTS.map((c) => ({ value: c, label: SOFT_OPT_IN_CONTEXT_LABELS[c] }));

export function SubscriberForms({ person, onChanged, onClose }: { person: SubscriberView; onChanged(): void; onClose(): void }) {
  const { busy, run } = useAction();
  const channelsId = useId();
  const name = person.name || 'this person';
  const [confirm, setConfirm] = useState<ConfirmSubscriberForm>({ scope: 'contact', entity: '', companyNumber: '', note: '' });
  const [confirmErrors, setConfirmErrors] = useState<Problems<keyof ConfirmSubscriberForm>>({});
  const [soft, setSoft] = useState<SoftOptInForm>({ channels: [], obtainedAt: today(), context: '', products: '', refusalOffered: '' });
  const [softErrors, setSoftErrors] = useState<Problems<keyof SoftOptInForm>>({});
  // Each button is disabled while a record is made: focus comes back to the one used.
  const focus = useFocusAfter();

  const saveType = async (e: FormEvent) => {
    e.preventDefault();
    const problems = confirmSubscriberProblems(confirm, person.company);
    setConfirmErrors(problems);
    const entity = confirm.entity;
    if (hasProblems(problems) || !entity) return;
    const fields = {
      entity,
      ...(confirm.companyNumber.trim() ? { companyNumber: confirm.companyNumber.trim().toUpperCase() } : {}),
      ...(confirm.note.trim() ? { note: confirm.note.trim() } : {}),
    };
    const request = confirm.scope === 'company' ? { company: person.company, ...fields } : { contactId: person.contactId, ...fields };
    const r = await focus.keep(() => run('type', () => call('subscribers.confirm', request), (v) => `Confirmed: ${SUBSCRIBER_TYPE_LABELS[v.type].toLowerCase()}, for ${count(v.contacts, 'contact')}.`));
    if (r) onChanged();
  };

  const toggle = (channel: (typeof SOFT_OPT_IN_CHANNELS)[number], on: boolean) =>
    setSoft({ ...soft, channels: on ? [...soft.channels.filter((c) => c !== channel), channel] : soft.channels.filter((c) => c !== channel) });

  const saveSoftOptIn = async (e: FormEvent) => {
    e.preventDefault();
    const problems = softOptInProblems(soft);
    setSoftErrors(problems);
    const context = soft.context;
    if (hasProblems(problems) || !context) return;
    const r = await focus.keep(() =>
      run(
        'soft',
        () =>
          call('softOptIn.add', {
            person: { contactId: person.contactId },
            channels: soft.channels,
            obtainedAt: soft.obtainedAt,
            context,
            products: soft.products.trim(),
            refusalOffered: soft.refusalOffered.trim(),
          }),
        `Soft opt-in recorded for ${name}: market similar products only, and offer a way to refuse in every message.`,
      ),
    );
    if (r) onChanged();
  };

  return (
    <div className="notices-person" data-testid="subscriber-forms">
      <div className="actions">
        <h4 className="notices-person-title">{name}</h4>
        <button type="button" className="link-button" data-testid="subscriber-close" onClick={onClose}>
          Close
        </button>
      </div>
      <form className="card form" onSubmit={saveType} noValidate aria-labelledby="confirm-type-title" data-testid="confirm-type-form">
        <h4 id="confirm-type-title">Confirm the subscriber type</h4>
        <SelectField
          label="Confirm for"
          testId="confirm-scope"
          value={confirm.scope}
          onChange={(v) => setConfirm({ ...confirm, scope: v })}
          options={[
            { value: 'contact', label: `${name} alone` },
            { value: 'company', label: person.company ? `Everyone at ${person.company} (not those with a personal mailbox)` : 'Everyone at their company (no company recorded)' },
          ]}
          hint={hintWith(confirmErrors.scope, 'A person’s own confirmation wins over their company’s.', 'confirm-scope')}
        />
        <SelectField label="What the subscriber is" required testId="confirm-entity" placeholder="Choose…" value={confirm.entity} onChange={(v) => setConfirm({ ...confirm, entity: v })} options={ENTITY_OPTIONS} hint={hintWith(confirmErrors.entity, undefined, 'confirm-entity')} />
        <div className="row">
          <TextField label="Companies House number (optional)" testId="confirm-number" value={confirm.companyNumber} onChange={(v) => setConfirm({ ...confirm, companyNumber: v })} hint={hintWith(confirmErrors.companyNumber, 'For example 01234567 or SC123456. Kept encrypted.', 'confirm-number')} />
          <TextField label="Note (optional)" testId="confirm-note" value={confirm.note} onChange={(v) => setConfirm({ ...confirm, note: v })} hint="How you know. Kept encrypted." />
        </div>
        <button type="submit" className="primary" data-testid="confirm-type" disabled={busy !== null}>
          Confirm the type
        </button>
      </form>
      <form className="card form" onSubmit={saveSoftOptIn} noValidate aria-labelledby="soft-title" data-testid="soft-opt-in-form">
        <h4 id="soft-title">Record a soft opt-in</h4>
        <p className="hint">Only for details obtained in a sale or negotiations for one, with a simple way to refuse offered then (PECR reg. 22(3)). Not for someone who objected.</p>
        <fieldset aria-describedby={softErrors.channels ? `${channelsId}-error` : undefined}>
          <legend>Channels it covers (required)</legend>
          {SOFT_OPT_IN_CHANNELS.map((c) => (
            <Checkbox key={c} label={CHANNEL_LABELS[c]} testId={`soft-channel-${c}`} checked={soft.channels.includes(c)} onChange={(on) => toggle(c, on)} />
          ))}
          {softErrors.channels ? (
            <p className="notices-field-error" id={`${channelsId}-error`} data-testid="soft-channels-error">
              <span aria-hidden="true">✗ </span>
              {softErrors.channels}
            </p>
          ) : null}
        </fieldset>
        <div className="row">
          <TextField label="Details obtained on" type="date" required testId="soft-obtained" value={soft.obtainedAt} onChange={(v) => setSoft({ ...soft, obtainedAt: v })} hint={hintWith(softErrors.obtainedAt, undefined, 'soft-obtained')} />
          <SelectField label="Obtained in" required testId="soft-context" placeholder="Choose…" value={soft.context} onChange={(v) => setSoft({ ...soft, context: v })} options={CONTEXT_OPTIONS} hint={hintWith(softErrors.context, undefined, 'soft-context')} />
        </div>
        <TextArea label="What they bought or asked about" required testId="soft-products" value={soft.products} onChange={(v) => setSoft({ ...soft, products: v })} hint={hintWith(softErrors.products, 'Marketing may cover similar products and services only. Kept encrypted.', 'soft-products')} />
        <TextArea label="How they could refuse when their details were collected" required testId="soft-refusal" value={soft.refusalOffered} onChange={(v) => setSoft({ ...soft, refusalOffered: v })} hint={hintWith(softErrors.refusalOffered, 'Kept encrypted.', 'soft-refusal')} />
        <button type="submit" className="primary" data-testid="soft-opt-in-add" disabled={busy !== null}>
          Record the soft opt-in
        </button>
      </form>
    </div>
  );
}
