// A data owner's records for a batch of people (a group, or the page of quarantine shown): the notice sent (day,
// version, channel), an Art. 14(5) exemption (ground, day, reason; the DPIA and where the notice is public for
// disproportionate effort), and confirming records carried over from the old group record.
import { useState, type FormEvent } from 'react';
import { call } from '../../api.js';
import { useAction } from '../../app/use-action.js';
import { useFocusAfter } from '../../app/use-focus-after.js';
import { SelectField, TextArea, TextField } from '../../components/fields.js';
import { count, today } from '../../lib/format.js';
import { ART14_EXEMPTION_LABELS } from '../../lib/labels-notices.js';
import { CHANNEL_LABELS } from '../../lib/labels.js';
import { ART14_EXEMPTIONS, CONTACT_CHANNELS } from '../../../src/shared/vocabulary.js';
import { hintWith } from './field-hint.js';
import { exemptProblems, hasProblems, markSentProblems, MIN_REASON, type ExemptForm, type MarkSentForm, type NoticeTarget, type Problems } from './notice-words.js';

interface Props {
  target: NoticeTarget;
  /** Who the batch is, completing "for …": "everyone in Work addresses". */
  who: string;
  carriedOver: number;
  onChanged(): void;
}

const CHANNEL_OPTIONS = CONTACT_CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }));
const GROUND_OPTIONS = ART14_EXEMPTIONS.map((g) => ({ value: g, label: ART14_EXEMPTION_LABELS[g] }));
const skippedWords = (skipped: number, why: string) => (skipped ? `; ${count(skipped, 'person', 'people')} skipped (${why})` : '');

export function NoticeActions({ target, who, carriedOver, onChanged }: Props) {
  const { busy, run } = useAction();
  const [sent, setSent] = useState<MarkSentForm>({ sentOn: today(), version: '', channel: '' });
  const [sentErrors, setSentErrors] = useState<Problems<keyof MarkSentForm>>({});
  const [exempt, setExempt] = useState<ExemptForm>({ ground: '', decidedOn: today(), reason: '', dpiaReference: '', publishedAt: '' });
  const [exemptErrors, setExemptErrors] = useState<Problems<keyof ExemptForm>>({});
  // Each button is disabled while a record is made: focus comes back to the one used.
  const focus = useFocusAfter();

  const markSent = async (e: FormEvent) => {
    e.preventDefault();
    const problems = markSentProblems(sent);
    setSentErrors(problems);
    const channel = sent.channel;
    if (hasProblems(problems) || !channel) return;
    const r = await focus.keep(() =>
      run('sent', () => call('notices.markSent', { target, sentOn: sent.sentOn, version: sent.version.trim(), channel }), (v) =>
        `Notice recorded as sent for ${count(v.marked, 'person', 'people')}${skippedWords(v.skipped, 'obtained after that day, or no address for that channel: still due')}.`,
      ),
    );
    if (r) onChanged();
  };

  const recordExemption = async (e: FormEvent) => {
    e.preventDefault();
    const problems = exemptProblems(exempt);
    setExemptErrors(problems);
    const ground = exempt.ground;
    if (hasProblems(problems) || !ground) return;
    const effort = ground === 'disproportionate-effort';
    const request = {
      target,
      ground,
      decidedOn: exempt.decidedOn,
      reason: exempt.reason.trim(),
      ...(effort ? { dpiaReference: exempt.dpiaReference.trim(), publishedAt: exempt.publishedAt.trim() } : {}),
    };
    const r = await focus.keep(() =>
      run('exempt', () => call('notices.exempt', request), (v) =>
        `Exemption recorded for ${count(v.marked, 'person', 'people')}${skippedWords(v.skipped, 'already told, or obtained after that day')}.`,
      ),
    );
    if (r) {
      setExempt((f) => ({ ...f, reason: '' }));
      onChanged();
    }
  };

  const confirm = async () => {
    const r = await run('confirm', () => call('notices.confirm', target), (v) =>
      v.confirmed ? `${count(v.confirmed, 'carried-over notice')} confirmed: they now count as told.` : 'Nothing to confirm: a carried-over exemption must be recorded again with its ground.',
    );
    if (r) onChanged();
  };

  return (
    <div className="notices-actions">
      <form className="card form" onSubmit={markSent} noValidate aria-labelledby="mark-sent-title" data-testid="mark-sent-form">
        <h4 id="mark-sent-title">Record the notice as sent</h4>
        <p className="hint">For {who}. People whose data came after that day, or with no address for the channel, stay due.</p>
        <div className="row">
          <TextField label="Sent on" type="date" required testId="sent-on" value={sent.sentOn} onChange={(v) => setSent({ ...sent, sentOn: v })} hint={hintWith(sentErrors.sentOn, undefined, 'sent-on')} />
          <SelectField label="Sent by" required testId="sent-channel" placeholder="Choose a channel…" value={sent.channel} onChange={(v) => setSent({ ...sent, channel: v })} options={CHANNEL_OPTIONS} hint={hintWith(sentErrors.channel, undefined, 'sent-channel')} />
          <TextField label="Version of the notice" required testId="sent-version" value={sent.version} onChange={(v) => setSent({ ...sent, version: v })} hint={hintWith(sentErrors.version, 'As labelled on the notice, e.g. v2.', 'sent-version')} />
        </div>
        <button type="submit" className="primary" data-testid="mark-sent" disabled={busy !== null}>
          Record as sent
        </button>
      </form>

      <form className="card form" onSubmit={recordExemption} noValidate aria-labelledby="exempt-title" data-testid="exempt-form">
        <h4 id="exempt-title">Record an exemption (Art. 14(5))</h4>
        <p className="hint">For {who}. Someone already told keeps that record. For a marketing export an exemption does not count as told (Art. 14(3)(b)).</p>
        <SelectField label="Ground" required testId="exempt-ground" placeholder="Choose the ground…" value={exempt.ground} onChange={(v) => setExempt({ ...exempt, ground: v })} options={GROUND_OPTIONS} hint={hintWith(exemptErrors.ground, undefined, 'exempt-ground')} />
        <TextField label="Decided on" type="date" required testId="exempt-on" value={exempt.decidedOn} onChange={(v) => setExempt({ ...exempt, decidedOn: v })} hint={hintWith(exemptErrors.decidedOn, undefined, 'exempt-on')} />
        <TextArea label="Why it applies" required testId="exempt-reason" value={exempt.reason} onChange={(v) => setExempt({ ...exempt, reason: v })} hint={hintWith(exemptErrors.reason, `At least ${MIN_REASON} characters. Kept encrypted.`, 'exempt-reason')} />
        {exempt.ground === 'disproportionate-effort' ? (
          <>
            <TextField label="DPIA reference" required testId="exempt-dpia" value={exempt.dpiaReference} onChange={(v) => setExempt({ ...exempt, dpiaReference: v })} hint={hintWith(exemptErrors.dpiaReference, 'The data protection impact assessment that weighed the effort.', 'exempt-dpia')} />
            <TextField label="Where the notice is made public" required testId="exempt-published" value={exempt.publishedAt} onChange={(v) => setExempt({ ...exempt, publishedAt: v })} hint={hintWith(exemptErrors.publishedAt, 'For example the address of the privacy page on your website.', 'exempt-published')} />
          </>
        ) : null}
        <button type="submit" className="primary" data-testid="record-exemption" disabled={busy !== null}>
          Record the exemption
        </button>
      </form>

      <div className="card" data-testid="confirm-carried">
        <h4 id="confirm-carried-title">Carried-over records</h4>
        <p className="hint" id="confirm-carried-why">
          {carriedOver > 0
            ? `${count(carriedOver, 'person', 'people')} have a notice copied from the old group record. Check it was sent to them, then confirm it so it counts.`
            : 'Nothing to confirm: nobody here has a record carried over from the old group record.'}
        </p>
        <button type="button" data-testid="confirm-notices" aria-describedby="confirm-carried-why" aria-disabled={carriedOver === 0 || busy !== null} onClick={() => carriedOver > 0 && busy === null && void confirm()}>
          Confirm carried-over notices
        </button>
      </div>
    </div>
  );
}
