// The people of one group (or of quarantine), a page at a time: their names from contacts.list, and where each one's
// Art. 14 notice stands from notices.list, in words ("Due by 3 March 2027").
import { useCallback, useEffect, useState } from 'react';
import { call } from '../../api.js';
import { useAction } from '../../app/use-action.js';
import { OffsetPager } from '../../components/pager.js';
import { ScrollRegion } from '../../components/scroll-region.js';
import { PERSON_NOTICE_STATUS_LABELS } from '../../lib/labels-notices.js';
import type { ContactsPage } from '../../types.js';
import { personNoticeWords, type NoticeSummary, type PersonNotice } from './notice-words.js';

export const PEOPLE_PAGE = 20;

export function GroupPeople({ summary, version, onShown }: { summary: NoticeSummary; version: number; onShown(contactIds: string[]): void }) {
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<ContactsPage | null>(null);
  const [notices, setNotices] = useState<Map<string, PersonNotice>>(new Map());
  const { busy, run } = useAction();
  const groupId = summary.groupId;

  const load = useCallback(async () => {
    const contacts = await run('people', () => call('contacts.list', { groupId, offset, limit: PEOPLE_PAGE, status: 'all' }));
    if (!contacts) return;
    // The notices of the people on this page only, in one answer (notices.list is paged too).
    const ids = contacts.contacts.map((c) => c.id);
    const answers = await run('notices', async () => (ids.length === 0 ? [] : (await call('notices.list', { contactIds: ids, limit: ids.length })).people));
    setPage(contacts);
    setNotices(new Map((answers ?? []).map((p) => [p.contactId, p])));
    onShown(contacts.contacts.map((c) => c.id));
  }, [run, groupId, offset, onShown]);

  useEffect(() => {
    void load();
  }, [load, version]);

  const rows = page?.contacts ?? [];
  const loading = busy !== null;
  return (
    <div data-testid="notice-people" aria-busy={loading}>
      <OffsetPager
        noun="People"
        testId="notice-people"
        offset={page?.offset ?? offset}
        pageSize={PEOPLE_PAGE}
        shown={rows.length}
        total={page?.total ?? 0}
        loading={loading}
        onOffset={setOffset}
      />
      <ScrollRegion label={`People of ${summary.label} and their notices`}>
        <table className="data" data-testid="notice-people-table">
          <caption className="visually-hidden">Each person of {summary.label} and where their Art. 14 notice stands</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Company</th>
              <th scope="col">Notice</th>
              <th scope="col">When</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => {
              const n = notices.get(c.id);
              const name = `${c.firstName} ${c.lastName}`.trim() || 'No name recorded';
              return (
                <tr key={c.id} data-testid="notice-person-row" data-status={n?.status ?? ''}>
                  <th scope="row">{name}</th>
                  <td>{c.company || '—'}</td>
                  <td>
                    {n ? <span className={`tag notices-status notices-status-${n.status}`}>{PERSON_NOTICE_STATUS_LABELS[n.status]}</span> : '—'}
                  </td>
                  <td data-testid="notice-person-when">{n ? personNoticeWords(n) : 'Not known'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}
