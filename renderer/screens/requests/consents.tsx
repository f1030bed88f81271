// Consent records per person (Art. 6(1)(a), Art. 7): find the person in the vault, see every consent they gave
// (withdrawn and carried-over ones too), withdraw one (Art. 7(3): as easy as giving it, effective at once: the
// purpose is suppressed for them), and, for a data owner, record a new one.
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { Response } from '../../../src/api/contract.js';
import { CONSENT_METHODS, type ConsentMethod } from '../../../src/shared/vocabulary.js';
import { call } from '../../api.js';
import { useAction } from '../../app/use-action.js';
import { SelectField, TextField } from '../../components/fields.js';
import { ScrollRegion } from '../../components/scroll-region.js';
import { day, today } from '../../lib/format.js';
import { PURPOSE_LABELS } from '../../lib/labels.js';
import { channelsLabel, CONSENT_METHOD_LABELS } from '../../lib/labels-requests.js';
import { ConsentForm } from './consent-form.js';
import { useFocusFirstError } from './form-bits.js';
import { withdrawRequest } from './request-forms.js';
import { consentState } from './request-words.js';

type Contact = Response<'contacts.list'>['contacts'][number];
type Consent = Response<'consent.list'>[number];

const RESULTS = 10;
const nameOf = (c: Pick<Contact, 'firstName' | 'lastName'>): string => `${c.firstName} ${c.lastName}`.trim() || '(no name)';

export function ConsentRecords({ canAdd, version, onChanged }: { canAdd: boolean; version: number; onChanged(): void }) {
  const [search, setSearch] = useState('');
  const [searchError, setSearchError] = useState<{ search?: string } | null>(null);
  const [results, setResults] = useState<{ contacts: Contact[]; total: number } | null>(null);
  const [person, setPerson] = useState<Contact | null>(null);
  const [consents, setConsents] = useState<Consent[] | null>(null);
  const [withdrawing, setWithdrawing] = useState<Consent | null>(null);
  const { busy, run } = useAction();
  const searchForm = useRef<HTMLFormElement>(null);
  const personHeading = useRef<HTMLHeadingElement>(null);
  useFocusFirstError(searchForm, searchError);

  const find = async (e: FormEvent) => {
    e.preventDefault();
    if (search.trim().length < 2) {
      setSearchError({ search: 'Type at least two letters of their name, email address or company.' });
      return;
    }
    setSearchError(null);
    const r = await run('find', () => call('contacts.list', { search: search.trim(), limit: RESULTS }));
    if (r) setResults({ contacts: r.contacts, total: r.total });
  };

  const personId = person?.id ?? null;
  const load = useCallback(async () => {
    if (personId === null) return;
    const r = await run('list', () => call('consent.list', { contactId: personId }));
    if (r) setConsents(r);
  }, [run, personId]);
  useEffect(() => {
    void load();
  }, [load, version]);

  const choose = (c: Contact) => {
    setPerson(c);
    setConsents(null);
    setWithdrawing(null);
    window.setTimeout(() => personHeading.current?.focus(), 0);
  };

  const changed = async () => {
    setWithdrawing(null);
    await load();
    onChanged();
  };

  return (
    <section className="card" aria-labelledby="consents-title" data-testid="requests-consents">
      <h3 id="consents-title">Consent records (Art. 7)</h3>
      <p className="hint">Consent belongs to the person who gave it. Find them, then see, record or withdraw their consents.</p>
      <form ref={searchForm} className="inline-form requests-inline" onSubmit={find} noValidate role="search" aria-label="Find a person for their consents" data-testid="consent-search-form">
        <TextField label="Find the person" type="search" testId="consent-search" value={search} onChange={setSearch} hint="Part of their name, email address or company." error={searchError?.search} />
        <button type="submit" data-testid="consent-search-submit" disabled={busy !== null}>
          Find
        </button>
      </form>
      {results ? (
        results.contacts.length === 0 ? (
          <p className="hint" data-testid="consent-search-none" aria-live="polite">
            No one in the vault matches “{search}”.
          </p>
        ) : (
          <>
            <p className="hint" aria-live="polite">
              {results.total > results.contacts.length ? `The first ${results.contacts.length} of ${results.total} matches: type more to narrow them.` : `${results.total === 1 ? 'One match' : `${results.total} matches`}.`}
            </p>
            <ul className="requests-results" data-testid="consent-search-results">
              {results.contacts.map((c) => (
                <li key={c.id}>
                  <span>
                    <strong>{nameOf(c)}</strong>
                    {c.company ? <span className="hint"> · {c.company}</span> : null}
                    {c.email ? <span className="hint"> · {c.email}</span> : null}
                  </span>
                  <button type="button" data-testid="consent-choose" aria-pressed={person?.id === c.id} onClick={() => choose(c)}>
                    {person?.id === c.id ? 'Chosen' : 'Choose'}
                    <span className="visually-hidden"> {nameOf(c)}</span>
                  </button>
                </li>
              ))}
            </ul>
          </>
        )
      ) : null}
      {person ? (
        <div data-testid="consent-person">
          <h4 ref={personHeading} tabIndex={-1}>
            Consents of {nameOf(person)}
          </h4>
          {consents === null ? (
            <p className="hint">Loading their consents…</p>
          ) : consents.length === 0 ? (
            <p className="hint" data-testid="consent-none">
              No consent of theirs is recorded.
            </p>
          ) : (
            <ScrollRegion label={`Consents of ${nameOf(person)}`}>
              <table className="data" data-testid="consent-table">
                <thead>
                  <tr>
                    <th scope="col">Purpose</th>
                    <th scope="col">Channels</th>
                    <th scope="col">Given</th>
                    <th scope="col">Statement</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {consents.map((c) => (
                    <tr key={c.id} data-testid="consent-row" data-live={c.live ? 'true' : 'false'}>
                      <th scope="row">
                        {PURPOSE_LABELS[c.purpose]}
                        {c.explicit ? <span className="tag">explicit</span> : null}
                      </th>
                      <td>{channelsLabel(c.channels)}</td>
                      <td>
                        {day(c.obtainedAt)}, {CONSENT_METHOD_LABELS[c.method].toLowerCase()}
                      </td>
                      <td>
                        “{c.wording}” <span className="hint">(version {c.wordingVersion}; proof: {c.proof})</span>
                      </td>
                      <td>
                        <span className={c.live ? 'ok-text' : 'warn-text'} data-testid="consent-state">
                          {consentState(c)}
                        </span>
                        {!c.withdrawnAt ? (
                          <>
                            {' '}
                            <button type="button" data-testid="consent-withdraw" disabled={busy !== null} onClick={() => setWithdrawing(c)}>
                              Withdraw…
                              <span className="visually-hidden">
                                {' '}
                                consent to {PURPOSE_LABELS[c.purpose].toLowerCase()} given {day(c.obtainedAt)}
                              </span>
                            </button>
                          </>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
          {withdrawing ? <Withdrawal consent={withdrawing} onCancel={() => setWithdrawing(null)} onDone={() => void changed()} /> : null}
          {canAdd ? <ConsentForm contactId={person.id} name={nameOf(person)} onAdded={() => void changed()} /> : <p className="hint">Only a data owner can record a consent.</p>}
        </div>
      ) : null}
    </section>
  );
}

/** Withdraw one consent: how the person withdrew it and, if not today, the day. */
function Withdrawal({ consent, onCancel, onDone }: { consent: Consent; onCancel(): void; onDone(): void }) {
  const [method, setMethod] = useState<ConsentMethod | ''>('');
  const [when, setWhen] = useState('');
  const [errors, setErrors] = useState<{ method?: string; day?: string } | null>(null);
  const { busy, run } = useAction();
  const form = useRef<HTMLFormElement>(null);
  const first = useRef<HTMLHeadingElement>(null);
  useFocusFirstError(form, errors);
  useEffect(() => first.current?.focus(), []);

  const withdraw = async (e: FormEvent) => {
    e.preventDefault();
    const checked = withdrawRequest(consent.id, method, when, consent.obtainedAt, today());
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors(null);
    const r = await run('withdraw', () => call('consent.withdraw', checked.value), 'Consent withdrawn: the person is suppressed for that purpose from now on.');
    if (r) onDone();
  };

  return (
    <form ref={form} className="form card" onSubmit={withdraw} noValidate aria-labelledby="consent-withdraw-title" data-testid="consent-withdraw-form">
      <h5 id="consent-withdraw-title" ref={first} tabIndex={-1}>
        Withdraw consent to {PURPOSE_LABELS[consent.purpose].toLowerCase()} (given {day(consent.obtainedAt)})
      </h5>
      <p className="hint">Withdrawal takes effect at once: the person is put on the suppression list for this purpose (Art. 7(3)).</p>
      <div className="requests-withdraw">
        <SelectField
          label="How they withdrew it"
          required
          testId="consent-withdraw-method"
          placeholder="Choose how…"
          value={method}
          onChange={setMethod}
          options={CONSENT_METHODS.map((m) => ({ value: m, label: CONSENT_METHOD_LABELS[m] }))}
          error={errors?.method}
        />
        <TextField label="Day withdrawn" type="date" testId="consent-withdraw-day" value={when} onChange={setWhen} hint="Leave empty for today." error={errors?.day} />
        <button type="submit" className="danger-outline" data-testid="consent-withdraw-submit" disabled={busy !== null}>
          Withdraw the consent
        </button>
        <button type="button" data-testid="consent-withdraw-cancel" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
