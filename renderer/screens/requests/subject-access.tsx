// Subject access (UK GDPR Art. 15): find a person by email, profile URL or contact id, read what is held about them
// section by section, and save the report as JSON or CSV to send them (within a month, Art. 12(3)).
import { Fragment, useRef, useState, type FormEvent } from 'react';
import { ApiError, call } from '../../api.js';
import { useAction } from '../../app/use-action.js';
import { saveText } from '../../components/blob-url.js';
import { CopyId } from '../../components/copy-id.js';
import { today } from '../../lib/format.js';
import { accessFileName, readAccessReport, type AccessReport } from './access-report.js';
import { PersonFields, useFocusFirstError } from './form-bits.js';
import { personSelector, PERSON_KINDS, type PersonKind } from './request-forms.js';

/** An id in the report (the import's): copied, not read; the saved report keeps it. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function SubjectAccess() {
  const [kind, setKind] = useState<PersonKind>('email');
  const [value, setValue] = useState('');
  const [errors, setErrors] = useState<{ value?: string } | null>(null);
  const [answer, setAnswer] = useState<{ report: AccessReport | null; json: string; csv: string } | null>(null);
  const [noneHeld, setNoneHeld] = useState<string | null>(null);
  const { busy, run } = useAction();
  const form = useRef<HTMLFormElement>(null);
  const result = useRef<HTMLHeadingElement>(null);
  useFocusFirstError(form, errors);

  const ask = async (e: FormEvent) => {
    e.preventDefault();
    const checked = personSelector(kind, value);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors(null);
    // Nobody matching is an answer too (Art. 15(1): "whether or not" data is held), not an error.
    const r = await run(
      'access',
      async () => {
        try {
          return await call('contacts.access', checked.value);
        } catch (err) {
          if (err instanceof ApiError && err.code === 'not-found') return null;
          throw err;
        }
      },
      (v) => (v ? 'The subject access report is ready: read it below, then save it to send.' : 'Nothing is held about this person: you can tell them so.'),
    );
    setNoneHeld(r === null ? value.trim() : null);
    if (r) {
      setAnswer({ report: readAccessReport(r.json), ...r });
      // The report replaces the form's focus: land on its heading.
      window.setTimeout(() => result.current?.focus(), 0);
    }
  };

  const report = answer?.report ?? null;
  const day = today();
  return (
    <section className="card" aria-labelledby="access-title" data-testid="requests-access">
      <h3 id="access-title">Subject access (Art. 15)</h3>
      <p className="hint">
        A person may ask what you hold about them. Find them here, check the report, and save it to send them within a month. Finding someone is recorded in the audit log.
      </p>
      <form ref={form} className="form" onSubmit={ask} noValidate aria-labelledby="access-title" data-testid="access-form">
        <PersonFields
          idPrefix="access"
          kinds={PERSON_KINDS}
          kind={kind}
          onKind={(k) => {
            setKind(k);
            setErrors(null);
          }}
          value={value}
          onValue={setValue}
          error={errors?.value}
        />
        <button type="submit" className="primary" data-testid="access-submit" disabled={busy !== null} aria-busy={busy === 'access'}>
          {busy === 'access' ? 'Finding…' : 'Show what is held'}
        </button>
      </form>
      {noneHeld !== null ? (
        <div className="callout" data-testid="access-none-held" role="status">
          <p>
            The vault holds no contact matching <strong>{noneHeld}</strong>: no personal data about this person is kept here. The search is recorded in the audit log.
          </p>
          <button
            type="button"
            data-testid="access-none-save"
            onClick={() =>
              saveText(
                `subject-access-none-${day}.txt`,
                `Subject access request (UK GDPR Art. 15)\nSearched on ${day} for: ${noneHeld}\nResult: no personal data about this person is held in this vault.\n`,
                'text/plain',
              )
            }
          >
            Save this answer as text
          </button>
        </div>
      ) : null}
      {answer && noneHeld === null ? (
        <div data-testid="access-summary">
          <h4 ref={result} tabIndex={-1}>
            What is held about {report?.name ?? 'this person'}
          </h4>
          {report ? (
            <>
              <dl className="facts">
                <dt>Contact id</dt>
                <dd data-testid="access-contact-id">
                  <CopyId id={report.contactId} what="contact id" />
                </dd>
              </dl>
              <div className="requests-sections">
                {report.sections.map((s) => (
                  <section key={s.id} className="requests-section" aria-labelledby={`access-${s.id}`} data-testid={`access-section-${s.id}`}>
                    <h5 id={`access-${s.id}`}>{s.title}</h5>
                    {s.facts.length > 0 ? (
                      <dl className="facts">
                        {s.facts.map((f) => (
                          <Fragment key={f.label}>
                            <dt>{f.label}</dt>
                            <dd className={f.mono && !UUID.test(f.value) ? 'mono' : undefined}>
                              {f.mono && UUID.test(f.value) ? <CopyId id={f.value} what={f.label.toLowerCase()} /> : f.value}
                            </dd>
                          </Fragment>
                        ))}
                      </dl>
                    ) : null}
                    {s.list.length > 0 ? (
                      <ul>
                        {s.list.map((item, i) => (
                          <li key={i}>{item}</li>
                        ))}
                      </ul>
                    ) : s.facts.length === 0 ? (
                      <p className="hint">{s.empty ?? 'Nothing recorded.'}</p>
                    ) : null}
                  </section>
                ))}
              </div>
            </>
          ) : (
            <p className="callout warn">
              <span aria-hidden="true">⚠ </span>The report could not be read here; save it and open the file.
            </p>
          )}
          <div className="actions">
            <button type="button" data-testid="access-save-json" onClick={() => saveText(accessFileName(report?.contactId ?? '', day, 'json'), answer.json, 'application/json')}>
              Save as JSON
            </button>
            <button type="button" data-testid="access-save-csv" onClick={() => saveText(accessFileName(report?.contactId ?? '', day, 'csv'), answer.csv, 'text/csv')}>
              Save as CSV
            </button>
            <button type="button" className="link-button" data-testid="access-clear" onClick={() => setAnswer(null)}>
              Clear the report from the screen
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
