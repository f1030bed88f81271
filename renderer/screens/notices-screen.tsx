// Notices & PECR (a data owner's day): Art. 14 notices per group and per person (mark sent, record an exemption,
// confirm carried-over records, the privacy notice to view, save or print), then PECR's facts: subscriber types,
// soft opt-ins and TPS/CTPS screenings. What a member's roles cannot do is not shown (mayCall).
import { useCallback, useEffect, useState } from 'react';
import { call } from '../api.js';
import { useAction } from '../app/use-action.js';
import { useFocusAfter } from '../app/use-focus-after.js';
import { ScreenHeading } from '../components/screen-heading.js';
import { count } from '../lib/format.js';
import { mayCall, type ScreenProps } from '../lib/nav.js';
import type { GroupView } from '../types.js';
import { GroupPeople } from './notices/group-people.js';
import { NoticeActions } from './notices/notice-actions.js';
import { keyOf, NoticeSummaryTable } from './notices/notice-summary.js';
import { NoticeText } from './notices/notice-text.js';
import type { NoticeSummary, NoticeTarget } from './notices/notice-words.js';
import { Subscribers } from './notices/subscribers.js';
import { TpsScreenings } from './notices/tps-screenings.js';
import './notices/notices.css';

export function NoticesScreen({ roles }: ScreenProps) {
  const [summaries, setSummaries] = useState<NoticeSummary[] | null>(null);
  const [groups, setGroups] = useState<GroupView[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [shown, setShown] = useState<string[]>([]);
  // Bumped after a record is made, so the counts and the people reload.
  const [version, setVersion] = useState(0);
  const { busy, run } = useAction();
  const changed = useCallback(() => setVersion((v) => v + 1), []);
  // Closing a group's people gives focus back to the Show people button that opened them.
  const focus = useFocusAfter();
  const close = (key: string) => {
    setSelected(null);
    focus.to(`[data-testid="notice-group-row"][data-key="${key}"] [data-testid="notice-show-people"]`, '#notice-summary-title');
  };

  useEffect(() => {
    void run('load', async () => {
      const [notices, list] = await Promise.all([call('notices.list', {}), call('groups.list', {})]);
      setSummaries(notices.groups);
      setGroups(list.groups);
    });
  }, [run, version]);

  const summary = summaries?.find((s) => keyOf(s) === selected) ?? null;
  const group = summary?.groupId ? (groups.find((g) => g.id === summary.groupId) ?? null) : null;
  const mayRecord = mayCall('notices.markSent', roles);
  const target: NoticeTarget | null = summary === null ? null : summary.groupId !== null ? { groupId: summary.groupId } : shown.length ? { contactIds: shown } : null;
  const who = summary === null ? '' : summary.groupId !== null ? `everyone in ${summary.label}` : `the ${count(shown.length, 'person', 'people')} shown above`;

  return (
    <section aria-labelledby="notices-title" className="screen notices-screen">
      <ScreenHeading>
        <span id="notices-title">Notices & PECR</span>
      </ScreenHeading>
      <p className="lede notices-no-print">Tell people their data is held (Art. 14), and keep the records PECR asks for before marketing by email, text or phone.</p>
      {summaries === null && busy === 'load' ? <p className="hint">Loading…</p> : null}
      {summaries ? <NoticeSummaryTable groups={summaries} selected={selected} onSelect={setSelected} /> : null}
      {summary ? (
        <section className="card notices-group" aria-labelledby="notices-group-title" data-testid="notice-group">
          <div className="actions notices-no-print">
            <h3 id="notices-group-title" className="notices-group-title">
              People of {summary.label}
            </h3>
            <button type="button" className="link-button" data-testid="notice-group-close" onClick={() => close(keyOf(summary))}>
              Close
            </button>
          </div>
          {summary.groupId === null ? (
            <p className="hint notices-no-print">Quarantined people have no lawful basis yet. Records made here cover the people on the page shown.</p>
          ) : null}
          <div className="notices-no-print">
            <GroupPeople key={keyOf(summary)} summary={summary} version={version} onShown={setShown} />
          </div>
          {mayRecord && target ? (
            <div className="notices-no-print">
              <NoticeActions key={keyOf(summary)} target={target} who={who} carriedOver={summary.carriedOver} onChanged={changed} />
            </div>
          ) : null}
          {summary.groupId !== null ? <NoticeText key={summary.groupId} groupId={summary.groupId} label={summary.label} hasBasis={group?.policy != null} /> : null}
        </section>
      ) : null}
      <div className="notices-no-print notices-stack">
        <Subscribers groups={groups} mayConfirm={mayCall('subscribers.confirm', roles)} />
        <TpsScreenings mayRecord={mayCall('tps.record', roles)} />
      </div>
    </section>
  );
}
