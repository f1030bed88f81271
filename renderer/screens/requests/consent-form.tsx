// Record one consent a person gave (Art. 7(1): be able to show who consented, to what, when and how): purpose,
// channels, the day, how it was given, the exact wording and its version, and where the proof is kept.
import { useId, useRef, useState, type FormEvent } from 'react';
import { CONSENT_METHODS, CONTACT_CHANNELS, PURPOSES, type ContactChannel } from '../../../src/shared/vocabulary.js';
import { call } from '../../api.js';
import { useAction } from '../../app/use-action.js';
import { Checkbox, SelectField, TextArea, TextField } from '../../components/fields.js';
import { today } from '../../lib/format.js';
import { PURPOSE_LABELS } from '../../lib/labels.js';
import { CONSENT_METHOD_LABELS } from '../../lib/labels-requests.js';
import { CHANNEL_LABELS } from '../../lib/labels.js';
import { useFocusFirstError } from './form-bits.js';
import { consentInput, EMPTY_CONSENT, type ConsentDraft, type ConsentField } from './request-forms.js';

export function ConsentForm({ contactId, name, onAdded }: { contactId: string; name: string; onAdded(): void }) {
  const [draft, setDraft] = useState<ConsentDraft>(EMPTY_CONSENT);
  const [errors, setErrors] = useState<Partial<Record<ConsentField, string>> | null>(null);
  const { busy, run } = useAction();
  const form = useRef<HTMLFormElement>(null);
  const channelsError = useId();
  useFocusFirstError(form, errors);
  const set = <K extends keyof ConsentDraft>(key: K, value: ConsentDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const toggle = (channel: ContactChannel, on: boolean) => set('channels', on ? [...draft.channels, channel] : draft.channels.filter((c) => c !== channel));

  const add = async (e: FormEvent) => {
    e.preventDefault();
    const checked = consentInput(draft, today());
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors(null);
    const r = await run('add', () => call('consent.add', { person: { contactId }, consent: checked.value }), `Consent recorded for ${name}.`);
    if (r) {
      setDraft(EMPTY_CONSENT);
      onAdded();
    }
  };

  return (
    <form ref={form} className="form" onSubmit={add} noValidate aria-labelledby="consent-add-title" data-testid="consent-form">
      <h5 id="consent-add-title">Record a consent {name} gave</h5>
      <div className="row">
        <SelectField
          label="What they agreed to"
          required
          testId="consent-purpose"
          placeholder="Choose a purpose…"
          value={draft.purpose}
          onChange={(v) => set('purpose', v)}
          options={PURPOSES.map((p) => ({ value: p, label: PURPOSE_LABELS[p] }))}
          error={errors?.purpose}
        />
        <TextField label="Day it was given" required type="date" testId="consent-obtained" value={draft.obtainedAt} onChange={(v) => set('obtainedAt', v)} hint="Not after today." error={errors?.obtainedAt} />
        <SelectField
          label="How it was given"
          required
          testId="consent-method"
          placeholder="Choose how…"
          value={draft.method}
          onChange={(v) => set('method', v)}
          options={CONSENT_METHODS.map((m) => ({ value: m, label: CONSENT_METHOD_LABELS[m] }))}
          error={errors?.method}
        />
      </div>
      <fieldset aria-describedby={errors?.channels ? channelsError : undefined} data-testid="consent-channels">
        <legend>
          Ways they may be contacted <span className="required">(required)</span>
        </legend>
        {errors?.channels ? (
          <p className="field-error" id={channelsError}>
            <span aria-hidden="true">✗ </span>
            {errors.channels}
          </p>
        ) : null}
        <div className="requests-channels">
          {CONTACT_CHANNELS.map((c) => (
            <Checkbox key={c} label={CHANNEL_LABELS[c]} testId={`consent-channel-${c}`} checked={draft.channels.includes(c)} onChange={(on) => toggle(c, on)} />
          ))}
        </div>
      </fieldset>
      <TextArea label="The exact statement they agreed to" required testId="consent-wording" value={draft.wording} onChange={(v) => set('wording', v)} hint="Kept encrypted." error={errors?.wording} />
      <div className="row">
        <TextField label="Version of the statement" required testId="consent-version" value={draft.wordingVersion} onChange={(v) => set('wordingVersion', v)} hint="Such as v3 or 2026-01." error={errors?.wordingVersion} />
        <TextField
          label="Where the proof is kept"
          required
          testId="consent-proof"
          className="requests-grow"
          value={draft.proof}
          onChange={(v) => set('proof', v)}
          hint="A form submission id, a call recording, an email."
          error={errors?.proof}
        />
      </div>
      <Checkbox
        label="Explicit consent (Art. 9(2)(a))"
        testId="consent-explicit"
        checked={draft.explicit}
        onChange={(v) => set('explicit', v)}
        hint="Tick only if the statement expressly covers the use of their special-category data."
      />
      <button type="submit" className="primary" data-testid="consent-submit" disabled={busy !== null}>
        Record the consent
      </button>
    </form>
  );
}
