// Consents in bulk, for a data owner: import them from a CSV file (checked first, nothing stored; then the lines
// that match a person and read well are added in one transaction, the others named by line), and confirm a group's consent records carried over from its old group record (schema 6),
// which count only once a data owner confirms them.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Response } from '../../../src/api/contract.js';
import { call, pathForFile } from '../../api.js';
import { useAction } from '../../app/use-action.js';
import { SelectField, TextField } from '../../components/fields.js';
import { count } from '../../lib/format.js';
import { useFocusFirstError } from './form-bits.js';
import { linesText } from './request-words.js';

type ImportResult = Response<'consent.import'>;
type Group = Response<'groups.list'>['groups'][number];

export function ConsentImport({ onChanged }: { onChanged(): void }) {
  const [path, setPath] = useState('');
  const [errors, setErrors] = useState<{ path?: string } | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const { busy, run } = useAction();
  const form = useRef<HTMLFormElement>(null);
  const fileId = useId();
  useFocusFirstError(form, errors);

  const send = async (dryRun: boolean) => {
    if (path.trim() === '') {
      setErrors({ path: 'Type the path of the consent file, such as /Users/ada/consents.csv.' });
      return;
    }
    setErrors(null);
    const r = await run(dryRun ? 'check' : 'import', () => call('consent.import', { path: path.trim(), dryRun }), (v) =>
      v.applied ? `Imported ${count(v.added, 'consent')} from ${count(v.lines, 'line')}.` : `Checked ${count(v.lines, 'line')}: nothing was stored.`,
    );
    if (r) {
      setResult(r);
      if (r.applied) onChanged();
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send(false);
  };

  return (
    <form ref={form} className="form" onSubmit={submit} noValidate aria-labelledby="consent-import-title" data-testid="consent-import-form">
      <h4 id="consent-import-title">Import consents from a file</h4>
      <p className="hint">
        A CSV with the columns email or profile_url, purpose, channels, obtained_at, method, wording, wording_version and proof (withdrawn_at, withdrawal_method and explicit
        are optional). People are matched to the vault; check the file first, nothing is stored until you import it.
      </p>
      <TextField
        label="Path of the consent file"
        required
        testId="consent-import-path"
        value={path}
        onChange={setPath}
        hint="The full path on this computer, or choose the file below."
        error={errors?.path}
      />
      <input
        type="file"
        accept=".csv,text/csv"
        className="visually-hidden-input"
        id={fileId}
        data-testid="consent-import-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (!file) return;
          const found = pathForFile(file);
          if (found) {
            setPath(found);
            setErrors(null);
          } else setErrors({ path: 'Only the desktop app can tell where a chosen file is: type its path instead.' });
        }}
      />
      <label htmlFor={fileId} className="file-button">
        Choose the file…
      </label>
      <div className="actions">
        <button type="button" data-testid="consent-import-check" disabled={busy !== null} onClick={() => void send(true)}>
          Check the file
        </button>
        <button type="submit" className="primary" data-testid="consent-import-submit" disabled={busy !== null}>
          Import the consents
        </button>
      </div>
      {result ? (
        <div className={`callout ${result.invalid.length > 0 || result.unmatched.length > 0 ? 'warn' : 'success'}`} data-testid="consent-import-result" aria-live="polite">
          <p>
            {result.applied ? `Imported: ${count(result.added, 'consent')} added` : `Checked only, nothing stored: ${count(result.added, 'consent')} would be added`} from{' '}
            {count(result.lines, 'line')}.
          </p>
          {result.unmatched.length > 0 ? (
            <p>
              No one in the vault matches {linesText(result.unmatched)}: {result.unmatched.length === 1 ? 'it is' : 'they are'} left out.
            </p>
          ) : null}
          {result.invalid.length > 0 ? (
            <>
              <p>These lines are left out:</p>
              <ul>
                {result.invalid.slice(0, 50).map((x) => (
                  <li key={x.line}>
                    Line {x.line}: {x.message}
                  </li>
                ))}
              </ul>
              {result.invalid.length > 50 ? <p>…and {count(result.invalid.length - 50, 'more line')}.</p> : null}
            </>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}

/** A group's carried-over consent records: how many wait, and a button to confirm them all. */
export function CarriedOver({ version, onChanged }: { version: number; onChanged(): void }) {
  const [groups, setGroups] = useState<Group[]>([]);
  const [groupId, setGroupId] = useState('');
  const [waiting, setWaiting] = useState<number | null>(null);
  const { busy, run } = useAction();

  useEffect(() => {
    void run('groups', () => call('groups.list', {})).then((r) => r && setGroups(r.groups));
  }, [run, version]);

  useEffect(() => {
    if (!groupId) return;
    setWaiting(null);
    void run('list', () => call('consent.list', { groupId })).then((r) => r && setWaiting(r.filter((c) => c.carriedOver && !c.confirmed && !c.withdrawnAt).length));
  }, [run, groupId, version]);

  const confirm = async () => {
    const r = await run('confirm', () => call('consent.confirm', { groupId }), (v) => `Confirmed ${count(v.confirmed, 'carried-over record')}: they now count as consent.`);
    if (r) {
      setWaiting(0);
      onChanged();
    }
  };

  const reason = !groupId ? 'Choose a group first.' : waiting === null ? 'Counting the group’s records…' : waiting === 0 ? 'This group has no carried-over record waiting.' : null;
  return (
    <div data-testid="consent-carried-over">
      <h4 id="carried-title">Confirm a group’s carried-over consents</h4>
      <p className="hint">
        Consent records copied from a group’s old record when the vault was upgraded count only once a data owner confirms that each person really gave that consent.
      </p>
      {groups.length === 0 ? (
        <p className="hint">There are no groups.</p>
      ) : (
        <div className="inline-form requests-inline">
          <SelectField label="Group" testId="carried-group" placeholder="Choose a group…" value={groupId} onChange={setGroupId} options={groups.map((g) => ({ value: g.id, label: g.label }))} />
          <button type="button" data-testid="carried-confirm" aria-disabled={reason !== null} aria-describedby="carried-why" disabled={busy !== null} onClick={() => reason === null && void confirm()}>
            {waiting ? `Confirm ${count(waiting, 'record')}` : 'Confirm the records'}
          </button>
        </div>
      )}
      {groups.length > 0 ? (
        <p className="hint" id="carried-why" aria-live="polite" data-testid="carried-why">
          {reason ?? `${count(waiting ?? 0, 'carried-over record')} of this group wait for confirmation.`}
        </p>
      ) : null}
    </div>
  );
}
