// TPS/CTPS screenings (PECR reg. 21(1)(b), 21(4)): recorded here, made elsewhere (the vault holds no phone number and
// fetches nothing). A direct-marketing export by phone needs one within the 28 days before it.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { call } from '../../api.js';
import { useAction } from '../../app/use-action.js';
import { useFocusAfter } from '../../app/use-focus-after.js';
import { SelectField, TextField } from '../../components/fields.js';
import { ScrollRegion } from '../../components/scroll-region.js';
import { today } from '../../lib/format.js';
import { TPS_LIST_LABELS } from '../../lib/labels-notices.js';
import { TPS_LISTS } from '../../../src/shared/vocabulary.js';
import type { Response } from '../../../src/api/contract.js';
import { hintWith } from './field-hint.js';
import { hasProblems, longDay, tpsProblems, type Problems, type TpsForm } from './notice-words.js';

const LIST_OPTIONS = TPS_LISTS.map((l) => ({ value: l, label: TPS_LIST_LABELS[l] }));
const EMPTY: TpsForm = { screenedOn: '', list: '', listVersion: '', provider: '' };

const coveredWords = (list: string, until: string | null) =>
  until ? `A phone export may rely on the ${list} screening up to ${longDay(until)}.` : `No ${list} screening is recorded: a phone export needing it is refused.`;

export function TpsScreenings({ mayRecord }: { mayRecord: boolean }) {
  const [data, setData] = useState<Response<'tps.list'> | null>(null);
  const [form, setForm] = useState<TpsForm>({ ...EMPTY, screenedOn: today() });
  const [errors, setErrors] = useState<Problems<keyof TpsForm>>({});
  const { busy, run } = useAction();
  const focus = useFocusAfter();

  const load = useCallback(async () => {
    const r = await run('list', () => call('tps.list', {}));
    if (r) setData(r);
  }, [run]);
  useEffect(() => {
    void load();
  }, [load]);

  const record = async (e: FormEvent) => {
    e.preventDefault();
    const problems = tpsProblems(form);
    setErrors(problems);
    const list = form.list;
    if (hasProblems(problems) || !list) return;
    // The button is disabled while busy, the list's reading included: focus comes back to it after both.
    await focus.keep(async () => {
      const r = await run(
        'record',
        () => call('tps.record', { screenedOn: form.screenedOn, list, listVersion: form.listVersion.trim(), ...(form.provider.trim() ? { provider: form.provider.trim() } : {}) }),
        `Screening against ${TPS_LIST_LABELS[list]} on ${longDay(form.screenedOn)} recorded.`,
      );
      if (r) {
        setForm({ ...EMPTY, screenedOn: form.screenedOn });
        await load();
      }
    });
  };

  const screenings = data?.screenings ?? [];
  return (
    <section className="card" aria-labelledby="tps-title">
      <h3 id="tps-title">TPS and CTPS screenings</h3>
      <p className="hint">
        Numbers on the Telephone Preference Service (TPS, individuals) or the Corporate TPS (CTPS) may not be called for marketing (PECR reg. 21). Screen
        your call list with your provider at least every 28 days and record it here.
      </p>
      {data ? (
        <ul className="notices-covered" data-testid="tps-covered">
          <li>{coveredWords('TPS', data.coveredUntil.tps)}</li>
          <li>{coveredWords('CTPS', data.coveredUntil.ctps)}</li>
        </ul>
      ) : null}
      {screenings.length === 0 ? (
        <p className="hint" data-testid="tps-none">
          No screening recorded yet.
        </p>
      ) : (
        <ScrollRegion label="Screenings recorded">
          <table className="data" data-testid="tps-table">
            <caption className="visually-hidden">TPS and CTPS screenings, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Screened on</th>
                <th scope="col">List</th>
                <th scope="col">List version</th>
                <th scope="col">Provider</th>
                <th scope="col">Recorded</th>
              </tr>
            </thead>
            <tbody>
              {screenings.map((s) => (
                <tr key={s.id} data-testid="tps-row">
                  <th scope="row">{longDay(s.screenedOn)}</th>
                  <td>{TPS_LIST_LABELS[s.list]}</td>
                  <td>{s.listVersion}</td>
                  <td>{s.provider ?? '—'}</td>
                  <td>{longDay(s.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {mayRecord ? (
        <form className="form" onSubmit={record} noValidate aria-labelledby="tps-record-title" data-testid="tps-form">
          <h4 id="tps-record-title">Record a screening</h4>
          <div className="row">
            <TextField label="Screened on" type="date" required testId="tps-on" value={form.screenedOn} onChange={(v) => setForm({ ...form, screenedOn: v })} hint={hintWith(errors.screenedOn, undefined, 'tps-on')} />
            <SelectField label="List" required testId="tps-list" placeholder="Choose the list…" value={form.list} onChange={(v) => setForm({ ...form, list: v })} options={LIST_OPTIONS} hint={hintWith(errors.list, undefined, 'tps-list')} />
          </div>
          <div className="row">
            <TextField label="List version or date" required testId="tps-version" value={form.listVersion} onChange={(v) => setForm({ ...form, listVersion: v })} hint={hintWith(errors.listVersion, 'As your provider names it. Kept encrypted.', 'tps-version')} />
            <TextField label="Provider (optional)" testId="tps-provider" value={form.provider} onChange={(v) => setForm({ ...form, provider: v })} hint="Who screened the list." />
          </div>
          <button type="submit" className="primary" data-testid="tps-record" disabled={busy !== null}>
            Record the screening
          </button>
        </form>
      ) : null}
    </section>
  );
}
