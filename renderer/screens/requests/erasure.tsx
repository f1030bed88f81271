// Erasure (UK GDPR Art. 17, admin): find the person, confirm what will happen, erase. The answer is a certificate
// of erasure (shown as text, to save), the person's entry on the suppression list, and the Art. 19 tasks of the
// recipients who received their data.
import { useRef, useState, type FormEvent } from 'react';
import type { Response } from '../../../src/api/contract.js';
import { ApiError, call } from '../../api.js';
import { useAction } from '../../app/use-action.js';
import { saveText } from '../../components/blob-url.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { CopyId } from '../../components/copy-id.js';
import { day } from '../../lib/format.js';
import { PersonFields, useFocusFirstError } from './form-bits.js';
import type { ContactView } from '../../types.js';
import { personSelector, PERSON_KIND_LABELS, type PersonKind, type PersonSelector } from './request-forms.js';

type Erased = Response<'contacts.erase'> & { text: string | null };

/** The person as the confirmation names them: 'the person with the email address ada@example.com'. */
function whoLabel(kind: PersonKind, selector: PersonSelector): string {
  const value = 'email' in selector ? selector.email : 'profileUrl' in selector ? selector.profileUrl : selector.contactId;
  return `the person with the ${PERSON_KIND_LABELS[kind].toLowerCase()} ${value}`;
}

/** The contact the request names, found by the core as the erasure will find them (contacts.show takes the same
 * selector: src/app/use-cases/person.ts); none when nobody matches. */
async function matchesOf(selector: PersonSelector): Promise<ContactView[]> {
  try {
    return [await call('contacts.show', selector)];
  } catch (err) {
    if (err instanceof ApiError && err.code === 'not-found') return [];
    throw err;
  }
}

export function Erasure({ onChanged }: { onChanged(): void }) {
  const [kind, setKind] = useState<PersonKind>('email');
  const [value, setValue] = useState('');
  const [errors, setErrors] = useState<{ value?: string } | null>(null);
  const [confirming, setConfirming] = useState<PersonSelector | null>(null);
  const [matched, setMatched] = useState<string[]>([]);
  const [erased, setErased] = useState<Erased | null>(null);
  const { busy, run } = useAction();
  const form = useRef<HTMLFormElement>(null);
  const result = useRef<HTMLHeadingElement>(null);
  useFocusFirstError(form, errors);

  // Find whom the request is about before asking to confirm: the dialog names them, and nobody matching says so at once.
  const ask = async (e: FormEvent) => {
    e.preventDefault();
    const checked = personSelector(kind, value);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    const found = await run('find', () => matchesOf(checked.value));
    if (found === undefined) return;
    if (found.length === 0) {
      setErrors({ value: `No contact in the vault matches this ${PERSON_KIND_LABELS[kind].toLowerCase()}: there is nobody to erase.` });
      return;
    }
    setErrors(null);
    setMatched(found.map((c) => [`${c.firstName} ${c.lastName}`.trim() || '(no name)', c.company].filter(Boolean).join(', ')));
    setConfirming(checked.value);
  };

  const erase = async () => {
    if (!confirming) return;
    const r = await run('erase', () => call('contacts.erase', confirming), (v) => `Erased: ${v.certificate.destroyed.total === 1 ? '1 record' : `${v.certificate.destroyed.total} records`} destroyed, with a certificate.`);
    setConfirming(null);
    if (!r) return;
    // The certificate as text (a separate read, audited as such); the erasure stands even if it cannot be shown.
    const shown = await run('certificate', () => call('certificates.show', { certificateId: r.certificate.id }));
    setErased({ ...r, text: shown?.text ?? null });
    setValue('');
    onChanged();
    window.setTimeout(() => result.current?.focus(), 0);
  };

  return (
    <section className="card" aria-labelledby="erasure-title" data-testid="requests-erasure">
      <h3 id="erasure-title">Erasure (Art. 17)</h3>
      <p className="hint">
        When a person asks to be erased, every copy of their record is destroyed at once. A contact under a legal hold cannot be erased until the hold is lifted (Art. 17(3)(e)).
      </p>
      <form ref={form} className="form" onSubmit={(e) => void ask(e)} noValidate aria-labelledby="erasure-title" data-testid="erasure-form">
        <PersonFields
          idPrefix="erasure"
          kinds={PERSON_KINDS_FOR_ERASURE}
          kind={kind}
          onKind={(k) => {
            setKind(k);
            setErrors(null);
          }}
          value={value}
          onValue={setValue}
          error={errors?.value}
        />
        <button type="submit" className="danger" data-testid="erasure-submit" disabled={busy !== null && busy !== 'find'} aria-busy={busy === 'find'}>
          Erase…
        </button>
      </form>
      {confirming ? (
        <ConfirmDialog title="Erase this person?" confirmLabel="Erase for good" confirmTestId="erasure-confirm" busy={busy === 'erase'} onConfirm={() => void erase()} onCancel={() => setConfirming(null)}>
          <p>
            You are about to erase <strong>{whoLabel(kind, confirming)}</strong>
            {matched.length > 0 ? (
              <>
                {' '}
                — in the vault: <strong data-testid="erasure-matched">{matched.join('; ')}</strong>
              </>
            ) : null}
            . This cannot be undone:
          </p>
          <ul>
            <li>every copy of their record in the vault is destroyed now, with everything derived from it (consents, notices, disclosures);</li>
            <li>a certificate of erasure is issued for your records (it holds ids and counts, no personal data);</li>
            <li>they are put on the suppression list, so a later import refuses them;</li>
            <li>each recipient that received their data gets an Art. 19 task: you must tell them to erase it too.</li>
          </ul>
        </ConfirmDialog>
      ) : null}
      {erased ? (
        <div className="callout success" data-testid="erasure-result">
          <h4 ref={result} tabIndex={-1}>
            <span aria-hidden="true">✓ </span>Erased
          </h4>
          <p>
            {erased.certificate.destroyed.total === 1 ? 'One record was' : `${erased.certificate.destroyed.total} records were`} destroyed, and the person is on the suppression
            list.
          </p>
          <dl className="facts">
            <dt>Certificate</dt>
            <dd data-testid="erasure-certificate-issued">
              Certificate of the erasure on {day(erased.certificate.issuedAt)} <CopyId id={erased.certificate.id} what="certificate id" />
            </dd>
            <dt>Suppression entry</dt>
            <dd>
              Added on {day(erased.certificate.issuedAt)} <CopyId id={erased.suppressionId} what="suppression entry id" />
            </dd>
          </dl>
          {erased.text !== null ? (
            <>
              <h5 id="erasure-certificate-title">Certificate of erasure</h5>
              {/* The certificate as a document, as filed and saved: its ids are part of it, so printed. */}
              <pre className="requests-certificate" data-testid="erasure-certificate" tabIndex={0} aria-labelledby="erasure-certificate-title">
                {erased.text}
              </pre>
              <div className="actions">
                <button type="button" data-testid="erasure-save-text" onClick={() => saveText(`erasure-certificate-${erased.certificate.id}.txt`, erased.text ?? '', 'text/plain')}>
                  Save the certificate as text
                </button>
                <button
                  type="button"
                  data-testid="erasure-save-json"
                  onClick={() => saveText(`erasure-certificate-${erased.certificate.id}.json`, JSON.stringify(erased.certificate, null, 2), 'application/json')}
                >
                  Save it as JSON (to verify later)
                </button>
              </div>
            </>
          ) : (
            <p className="hint">The certificate’s text could not be shown; it is kept in the vault (Retention, certificates).</p>
          )}
          <h5>Who must be told (Art. 19)</h5>
          {erased.art19Tasks.length === 0 ? (
            <p data-testid="erasure-art19-none">No recorded recipient received this person’s data: there is no one to tell.</p>
          ) : (
            <ul data-testid="erasure-art19">
              {erased.art19Tasks.map((t) => (
                <li key={t.taskId}>Tell {t.recipientName} to erase this person too; the task is listed under Art. 19 tasks until you mark it done.</li>
              ))}
            </ul>
          )}
          {erased.unloggedExports > 0 ? (
            <p className="warn-text" data-testid="erasure-unlogged">
              <span aria-hidden="true">⚠ </span>
              {erased.unloggedExports === 1 ? 'One export' : `${erased.unloggedExports} exports`} made before recipients were recorded may also have carried this person: find out
              who received them and tell them too.
            </p>
          ) : null}
          <button type="button" className="link-button" onClick={() => setErased(null)}>
            Clear this from the screen
          </button>
        </div>
      ) : null}
    </section>
  );
}

const PERSON_KINDS_FOR_ERASURE: readonly PersonKind[] = ['email', 'profileUrl', 'contactId'];
