// Destroy what is due: a dry run first (what would go, nothing changes), then Run now behind a confirmation that says
// how many and from which groups (a dry run taken as it opens); the result shows counts per group and the certificate.
import { useState } from 'react';
import { call } from '../../api.js';
import { useAction } from '../../app/use-action.js';
import { useFocusAfter } from '../../app/use-focus-after.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { CopyId } from '../../components/copy-id.js';
import { basisLabel } from '../../lib/labels.js';
import type { PurgeResult } from '../../types.js';
import { count, longDay } from '../../lib/format.js';
import { destroyQuestion } from './due-words.js';

/** What the confirmation knows of what is due: still counting, the dry run it took as it opened, or no count. */
type Due = { state: 'counting' } | { state: 'counted'; result: PurgeResult } | { state: 'unknown' };

export function Destruction({ groupLabel, onDone }: { groupLabel(id: string | null): string; onDone(): void }) {
  const [result, setResult] = useState<PurgeResult | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [due, setDue] = useState<Due>({ state: 'counting' });
  const { busy, run } = useAction();
  // Both buttons are disabled while busy: focus comes back to the one used (Run now's dialog gives it back itself).
  const focus = useFocusAfter();

  const dryRun = async () => {
    const r = await focus.keep(() => run('dry', () => call('destruction.dryRun', {}), (v) => `Dry run: ${count(v.destroyed, 'contact')} would be destroyed; nothing was changed.`));
    if (r) setResult(r);
  };
  // The question names what will go: a fresh dry run, since an earlier one may be stale (time passed, holds changed).
  const confirm = async () => {
    setDue({ state: 'counting' });
    setConfirming(true);
    const r = await run('count', () => call('destruction.dryRun', {}));
    setDue(r ? { state: 'counted', result: r } : { state: 'unknown' });
  };
  const runNow = async () => {
    const r = await run('run', () => call('destruction.run', {}), (v) => `${count(v.destroyed, 'contact')} destroyed.`);
    setConfirming(false);
    if (r) {
      setResult(r);
      onDone();
    }
  };
  const certificate = result?.certificate ?? null;

  return (
    <section className="card" aria-labelledby="destruction-title">
      <h3 id="destruction-title">Destroy what is due</h3>
      <p className="hint">Contacts past their date are destroyed, except those under a legal hold. Try a dry run first: it changes nothing.</p>
      <div className="actions">
        <button type="button" data-testid="dry-run" disabled={busy !== null} aria-busy={busy === 'dry'} onClick={() => void dryRun()}>
          Dry run
        </button>
        {/* Not disabled while its own dialog counts: the dialog gives focus back to it when it closes. */}
        <button type="button" className="danger" data-testid="run-now" disabled={busy !== null && busy !== 'count'} onClick={() => void confirm()}>
          Run now…
        </button>
      </div>
      {result ? (
        <div className={`callout ${result.dryRun ? '' : 'success'}`} data-testid="destruction-result" data-dry-run={result.dryRun}>
          <p>
            <strong>{result.dryRun ? 'Dry run' : 'Destruction run'}</strong> on {longDay(result.now)} at {result.now.slice(11, 16)} UTC:{' '}
            <span data-testid="destruction-count">{result.destroyed.toLocaleString('en-GB')}</span> contact{result.destroyed === 1 ? '' : 's'} {result.dryRun ? 'would be' : 'were'} destroyed;{' '}
            {result.held.toLocaleString('en-GB')} due but held.
          </p>
          {result.byGroup.length > 0 ? (
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">Group</th>
                  <th scope="col">Lawful basis</th>
                  <th scope="col">Contacts</th>
                </tr>
              </thead>
              <tbody>
                {result.byGroup.map((g) => (
                  <tr key={`${g.groupId ?? 'none'}-${g.basis ?? 'none'}`}>
                    <th scope="row">{groupLabel(g.groupId)}</th>
                    <td>{basisLabel(g.basis)}</td>
                    <td className="num">{g.count.toLocaleString('en-GB')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {certificate ? (
            <p>
              A certificate was issued (audit entry {certificate.audit.seq}): it is listed below, under Certificates.{' '}
              <CopyId id={certificate.id} what="certificate id" />
            </p>
          ) : result.dryRun ? null : (
            <p>Nothing was due, so no certificate was issued.</p>
          )}
        </div>
      ) : null}
      {confirming ? (
        <ConfirmDialog
          title={due.state === 'counted' ? destroyQuestion(due.result, groupLabel) : 'Destroy every contact that is due now?'}
          confirmLabel={due.state === 'counted' && due.result.destroyed === 0 ? 'Run anyway' : 'Destroy now'}
          confirmTestId="confirm-run"
          busy={busy === 'run' || due.state === 'counting'}
          onConfirm={() => void runNow()}
          onCancel={() => setConfirming(false)}
        >
          {due.state === 'counting' ? (
            <p data-testid="confirm-run-counting" role="status">
              Counting the contacts due now…
            </p>
          ) : due.state === 'unknown' ? (
            <p data-testid="confirm-run-uncounted">How many are due could not be counted (see the message above): the run destroys every contact due when it starts.</p>
          ) : due.result.held > 0 ? (
            <p data-testid="confirm-run-held">{count(due.result.held, 'more contact', 'more contacts')} due {due.result.held === 1 ? 'is' : 'are'} kept by a legal hold.</p>
          ) : null}
          <p>Contacts past their retention or quarantine date are destroyed for good, and a certificate is issued. Contacts under a legal hold are kept.</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
