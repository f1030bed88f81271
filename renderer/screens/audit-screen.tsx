// Audit (admin): the hash-chained log of every use case (ids, counts and words, never personal data), and a
// check that the chain is intact.
import { useCallback, useEffect, useState } from 'react';
import { call } from '../api.js';
import { useAction } from '../app/use-action.js';
import { ScreenHeading } from '../components/screen-heading.js';
import { ScrollRegion } from '../components/scroll-region.js';
import { timestamp } from '../lib/format.js';
import type { AuditEntry, AuditVerification } from '../types.js';

const PAGE = 500;

function detailsText(details: AuditEntry['details']): string {
  return Object.entries(details)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(',') : String(v)}`)
    .join(' · ');
}

export function AuditScreen() {
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [more, setMore] = useState(false);
  const [members, setMembers] = useState<Map<string, string>>(new Map());
  const [verification, setVerification] = useState<AuditVerification | null>(null);
  const { busy, run } = useAction();

  const load = useCallback(
    async (afterSeq: number) => {
      const r = await run('entries', () => call('audit.entries', { afterSeq, limit: PAGE }));
      if (!r) return;
      setEntries((old) => (afterSeq === 0 ? r : [...old, ...r]));
      setMore(r.length === PAGE);
    },
    [run],
  );

  useEffect(() => {
    void load(0);
    void run('members', () => call('members.list', {})).then((r) => r && setMembers(new Map(r.map((m) => [m.id, m.name]))));
  }, [load, run]);

  const verify = async () => {
    const r = await run('verify', () => call('audit.verify', {}));
    if (!r) return;
    setVerification(r);
    await load(0);
  };

  const last = entries[entries.length - 1];
  return (
    <section aria-labelledby="audit-title" className="screen">
      <ScreenHeading>
        <span id="audit-title">Audit log</span>
      </ScreenHeading>
      <p className="lede">Every action on the vault, who did it and how it ended (Art. 5(2) accountability). Each entry holds the hash of the one before it.</p>
      <div className="actions">
        <button type="button" className="primary" data-testid="verify-audit" disabled={busy !== null} aria-busy={busy === 'verify'} onClick={() => void verify()}>
          Verify the chain
        </button>
      </div>
      <div aria-live="polite">
        {verification ? (
          verification.ok ? (
            <p className="callout success" data-testid="audit-result" data-ok="true">
              <span aria-hidden="true">✓ </span>
              <strong>Intact:</strong> all {verification.entries.toLocaleString('en-GB')} entries chain correctly. Head <span className="mono small">{verification.head.slice(0, 16)}…</span>
            </p>
          ) : (
            <p className="callout block" data-testid="audit-result" data-ok="false">
              <span aria-hidden="true">✗ </span>
              <strong>Broken at entry {verification.brokenAt}:</strong> {verification.problem} ({verification.entries.toLocaleString('en-GB')} entries checked)
            </p>
          )
        ) : null}
      </div>
      <ScrollRegion label="Table of audit entries" tall>
        <table className="data" data-testid="audit-table">
          <caption className="visually-hidden">Audit log entries</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Time</th>
              <th scope="col">Member</th>
              <th scope="col">Action</th>
              <th scope="col">Outcome</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.seq} data-testid="audit-row">
                <th scope="row" className="num">
                  {e.seq}
                </th>
                <td>{timestamp(e.at)}</td>
                <td>{e.member ? (members.get(e.member) ?? <span className="mono small">{e.member.slice(0, 8)}</span>) : 'unattended'}</td>
                <td>{e.action}</td>
                <td className={`outcome-${e.outcome}`}>
                  <span aria-hidden="true">{e.outcome === 'success' ? '✓ ' : e.outcome === 'refused' ? '⛔ ' : '✗ '}</span>
                  {e.outcome}
                </td>
                <td className="small">{detailsText(e.details)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {more && last ? (
        <button type="button" data-testid="audit-more" disabled={busy !== null} onClick={() => void load(last.seq)}>
          Load more entries
        </button>
      ) : null}
    </section>
  );
}
