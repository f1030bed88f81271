// Audit (admin): the hash-chained log of every use case (ids, counts and words, never personal data) in words,
// filtered in the core by action, member, outcome and days, a page at a time; exported as JSON or CSV with the
// same filter; and a check that the chain is intact.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { call } from '../api.js';
import { useAction } from '../app/use-action.js';
import { saveText } from '../components/blob-url.js';
import { SelectField, TextField } from '../components/fields.js';
import { CopyId } from '../components/copy-id.js';
import { Pager } from '../components/pager.js';
import { ScreenHeading } from '../components/screen-heading.js';
import { ACTION_TEXT, actionText, detailPhrases, OUTCOME_TEXT } from '../lib/audit-text.js';
import { dayFieldProblem, isDay } from '../lib/date-field.js';
import { timestamp } from '../lib/format.js';
import { isKeyOf } from '../lib/guards.js';
import type { Request } from '../../src/api/contract.js';
import type { AuditEntry, AuditPage, AuditVerification } from '../types.js';
import './audit.css';

const PAGE = 100;

type Filter = Omit<Request<'audit.entries'>, 'afterSeq' | 'limit'>;

/** An id or a hash (a run of hex digits and dashes): shown whole in monospace, to be copied and quoted. */
const LONG_ID = /^[0-9a-f-]{16,}(, [0-9a-f-]{16,})*$/i;

/** '1 Dec 2026, 09:00 UTC' as two halves that each stay whole: in a narrow column the time goes under the day. */
function When({ at }: { at: string }) {
  const [day, time] = timestamp(at).split(', ');
  if (time === undefined) return <span className="nowrap">{day}</span>;
  return (
    <>
      <span className="nowrap">{day},</span> <span className="nowrap">{time}</span>
    </>
  );
}

/** The names the log's ids stand for, where this screen knows them: members and groups (never a contact's). */
interface Names {
  members: Map<string, string>;
  groups: Map<string, string>;
}

/** An id of the log in words: the member's or group's name where known, else what it identifies; the id to copy. */
function IdDetail({ keyName, label, id, names }: { keyName: string; label: string; id: string; names: Names }) {
  const known = keyName === 'memberId' ? names.members.get(id) : keyName === 'groupId' ? names.groups.get(id) : undefined;
  const what = label.replace(/ id$/, '');
  const shown = known ?? (keyName === 'groupId' ? 'a group since removed' : keyName === 'memberId' ? 'a member since removed' : null);
  return (
    <>
      {what}: {shown ? (keyName === 'groupId' && known ? `“${shown}”` : shown) : null} <CopyId id={id} what={label} />
    </>
  );
}

function Details({ details, names }: { details: AuditEntry['details']; names: Names }) {
  const phrases = detailPhrases(details);
  if (phrases.length === 0) return null;
  return (
    <ul className="audit-details">
      {phrases.map((p) => (
        <li key={p.label}>
          {p.id && typeof details[p.key] === 'string' ? (
            <IdDetail keyName={p.key} label={p.label} id={details[p.key] as string} names={names} />
          ) : (
            <>
              {/* A file's hash is read and compared, not copied blind: shown whole. */}
              {p.label}: {p.id || LONG_ID.test(p.value) ? <span className="mono small copyable">{p.value}</span> : p.value}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

export function AuditScreen() {
  const [page, setPage] = useState<AuditPage | null>(null);
  // The cursors of the pages before this one (the log is read behind a cursor: contract.ts); null: from the start.
  const [cursors, setCursors] = useState<(number | null)[]>([null]);
  const [order, setOrder] = useState<'newest' | 'oldest'>('newest');
  const [members, setMembers] = useState<Map<string, string>>(new Map());
  const [groups, setGroups] = useState<Map<string, string>>(new Map());
  const [verification, setVerification] = useState<AuditVerification | null>(null);
  const [action, setAction] = useState('');
  const [memberId, setMemberId] = useState('');
  const [outcome, setOutcome] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const { busy, run } = useAction();
  const cursor = cursors[cursors.length - 1] ?? null;

  // The days are date pickers, as every day field is (lib/date-field.ts): empty means no bound.
  const fromProblem = from === '' ? null : dayFieldProblem(from, 'the first day');
  const toProblem = (to === '' ? null : dayFieldProblem(to, 'the last day')) ?? (isDay(from) && isDay(to) && to < from ? 'The last day is before the first.' : null);
  const filter = useMemo<Filter | null>(() => {
    if (fromProblem || toProblem) return null;
    return {
      ...(action ? { action } : {}),
      ...(memberId ? { memberId } : {}),
      ...(outcome && isKeyOf(OUTCOME_TEXT, outcome) ? { outcome } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    };
  }, [action, memberId, outcome, from, to, fromProblem, toProblem]);

  const load = useCallback(
    async (at: number | null, kept: Filter) => {
      const place = order === 'newest' ? { newestFirst: true, ...(at === null ? {} : { beforeSeq: at }) } : { afterSeq: at ?? 0 };
      const r = await run('entries', () => call('audit.entries', { ...kept, ...place, limit: PAGE }));
      if (r) setPage(r);
    },
    [run, order],
  );

  // A new filter or order starts again at the first page.
  useEffect(() => setCursors([null]), [filter, order]);
  useEffect(() => {
    if (filter) void load(cursor, filter);
  }, [load, cursor, filter]);
  useEffect(() => {
    void run('members', () => call('members.list', {})).then((r) => r && setMembers(new Map(r.map((m) => [m.id, m.name]))));
    // Group names are not personal data: the log keeps ids, the screen says which group (a reader of groups only).
    void call('groups.list', {})
      .then((r) => setGroups(new Map(r.groups.map((g) => [g.id, g.label]))))
      .catch(() => setGroups(new Map()));
  }, [run]);

  const verify = async () => {
    const r = await run('verify', () => call('audit.verify', {}));
    if (!r) return;
    setVerification(r);
    if (filter) await load(cursor, filter);
  };

  const exportLog = async (format: 'json' | 'csv') => {
    if (!filter) return;
    const r = await run(`export-${format}`, () => call('audit.export', { ...filter, format }), (x) => `Saved ${x.entries.toLocaleString('en-GB')} audit entries as ${format.toUpperCase()}.`);
    if (r) saveText(`audit-log.${format}`, r.text, format === 'json' ? 'application/json' : 'text/csv');
  };

  const entries = page?.entries ?? [];
  const first = (cursors.length - 1) * PAGE;
  const actions = useMemo(() => Object.entries(ACTION_TEXT).sort(([, a], [, b]) => a.localeCompare(b)), []);
  return (
    <section aria-labelledby="audit-title" className="screen">
      <ScreenHeading>
        <span id="audit-title">Audit log</span>
      </ScreenHeading>
      <p className="lede">Every action on the vault, who did it and how it ended (Art. 5(2) accountability). Each entry holds the hash of the one before it, and no personal data.</p>
      <div className="actions">
        <button type="button" className="primary" data-testid="verify-audit" disabled={busy !== null} aria-busy={busy === 'verify'} onClick={() => void verify()}>
          Verify the chain
        </button>
        <button type="button" data-testid="audit-export-csv" disabled={busy !== null || !filter || page?.total === 0} onClick={() => void exportLog('csv')}>
          Save as CSV
        </button>
        <button type="button" data-testid="audit-export-json" disabled={busy !== null || !filter || page?.total === 0} onClick={() => void exportLog('json')}>
          Save as JSON
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
      <div className="filters audit-filters" role="search" aria-label="Filter the audit log">
        <SelectField className="audit-filter-wide" label="Action" testId="audit-filter-action" value={action} onChange={setAction} options={[{ value: '', label: 'Any action' }, ...actions.map(([value, label]) => ({ value, label }))]} />
        <SelectField
          label="Member"
          testId="audit-filter-member"
          value={memberId}
          onChange={setMemberId}
          options={[{ value: '', label: 'Anyone' }, ...[...members].map(([value, label]) => ({ value, label }))]}
        />
        <SelectField
          className="audit-filter-narrow"
          label="Outcome"
          testId="audit-filter-outcome"
          value={outcome}
          onChange={setOutcome}
          options={[{ value: '', label: 'Any outcome' }, ...Object.entries(OUTCOME_TEXT).map(([value, label]) => ({ value, label }))]}
        />
        <SelectField
          className="audit-filter-narrow"
          label="Order"
          testId="audit-order"
          value={order}
          onChange={setOrder}
          options={[
            { value: 'newest', label: 'Newest first' },
            { value: 'oldest', label: 'Oldest first' },
          ]}
        />
        <TextField className="audit-filter-narrow" label="From" type="date" testId="audit-filter-from" value={from} onChange={setFrom} error={fromProblem} />
        <TextField className="audit-filter-narrow" label="To" type="date" testId="audit-filter-to" value={to} onChange={setTo} error={toProblem} />
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
      {page?.total === 0 ? (
        <p className="hint" data-testid="audit-none">
          No entry matches these filters.
        </p>
      ) : (
        // Not a scroll box of its own: the screen scrolls, and the headings stay at its top (audit.css).
        <table className="data audit-table" data-testid="audit-table">
          <caption className="visually-hidden">Audit log entries</caption>
          <colgroup>
            <col className="audit-col-seq" />
            <col className="audit-col-time" />
            <col className="audit-col-member" />
            <col className="audit-col-action" />
            <col className="audit-col-outcome" />
            <col />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Time</th>
              <th scope="col">Member</th>
              <th scope="col">What happened</th>
              <th scope="col">Outcome</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.seq} data-testid="audit-row" data-action={e.action}>
                <th scope="row" className="num">
                  {e.seq}
                </th>
                <td>
                  <When at={e.at} />
                </td>
                <td>
                  {e.member ? (members.get(e.member) ?? (
                    <>
                      A member since removed <CopyId id={e.member} what="member id" />
                    </>
                  )) : 'Unattended (token or refused sign-in)'}
                </td>
                <td>{actionText(e.action)}</td>
                <td className={`outcome-${e.outcome}`}>
                  <span aria-hidden="true">{e.outcome === 'success' ? '✓ ' : e.outcome === 'refused' ? '⛔ ' : '✗ '}</span>
                  {OUTCOME_TEXT[e.outcome]}
                </td>
                <td className="small audit-details-cell">
                  <Details details={e.details} names={{ members, groups }} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
