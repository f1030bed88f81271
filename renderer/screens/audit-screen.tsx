// Audit (admin): the hash-chained log of every use case (ids, counts and words, never personal data), and a
// check that the chain is intact.
import { useCallback, useEffect, useState } from 'react';
import { call } from '../api.js';
import { useAction } from '../app/use-action.js';
import { Pager } from '../components/pager.js';
import { ScreenHeading } from '../components/screen-heading.js';
import { ScrollRegion } from '../components/scroll-region.js';
import { timestamp } from '../lib/format.js';
import type { AuditEntry, AuditPage, AuditVerification } from '../types.js';

const PAGE = 100;

function detailsText(details: AuditEntry['details']): string {
  return Object.entries(details)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(',') : String(v)}`)
    .join(' · ');
}

export function AuditScreen() {
  const [page, setPage] = useState<AuditPage | null>(null);
  // The cursors of the pages before this one (the log is read oldest first, behind a cursor: contract.ts).
  const [cursors, setCursors] = useState<number[]>([0]);
  const [members, setMembers] = useState<Map<string, string>>(new Map());
  const [verification, setVerification] = useState<AuditVerification | null>(null);
  const { busy, run } = useAction();
  const afterSeq = cursors[cursors.length - 1]!;

  const load = useCallback(
    async (after: number) => {
      const r = await run('entries', () => call('audit.entries', { afterSeq: after, limit: PAGE }));
      if (r) setPage(r);
    },
    [run],
  );

  useEffect(() => {
    void load(afterSeq);
  }, [load, afterSeq]);
  useEffect(() => {
    void run('members', () => call('members.list', {})).then((r) => r && setMembers(new Map(r.map((m) => [m.id, m.name]))));
  }, [run]);

  const verify = async () => {
    const r = await run('verify', () => call('audit.verify', {}));
    if (!r) return;
    setVerification(r);
    await load(afterSeq);
  };

  const entries = page?.entries ?? [];
  const first = (cursors.length - 1) * PAGE;
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
      <Pager
        noun="Entries"
        testId="audit"
        first={first}
        shown={entries.length}
        total={page?.total ?? 0}
        loading={busy === 'entries'}
        hasPrevious={cursors.length > 1}
        hasNext={page?.next != null}
        onPrevious={() => setCursors((c) => c.slice(0, -1))}
        onNext={() => page?.next != null && setCursors((c) => [...c, page.next!])}
      />
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
    </section>
  );
}
