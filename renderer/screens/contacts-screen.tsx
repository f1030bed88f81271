// Contacts: one page at a time, searched and filtered in the core (the renderer never holds more than a page, issue
// 13), in a windowed table; a chart by lawful basis from the groups' counts; and one contact's details, with subject
// access and erasure. The table fits 1024 px with the sidebar (issue 14): narrow fixed columns, the email kind only
// in the details, long values cut short in their cell (hover shows them; the details, opened from the row by keyboard
// too, show them whole).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { call } from '../api.js';
import { useAction } from '../app/use-action.js';
import { useDebounced } from '../app/use-debounced.js';
import { SelectField, TextField } from '../components/fields.js';
import { OffsetPager } from '../components/pager.js';
import { ScreenHeading } from '../components/screen-heading.js';
import { VirtualTable, type Column } from '../components/virtual-table.js';
import { countsFromGroups } from '../lib/basis-counts.js';
import { day, pageRange } from '../lib/format.js';
import type { ContactStatusFilter, ContactView, ContactsPage, GroupsList } from '../types.js';
import { ContactDetail } from './contacts/contact-detail.js';
import { BasisChart } from './groups/basis-chart.js';
import './contacts/contacts.css';

/** Rows a page shows: a screenful or two, decrypted and sent by the core on demand. */
const CONTACTS_PAGE = 100;
/** How long typing must pause before the core is asked. */
const SEARCH_PAUSE_MS = 250;

const fullName = (c: ContactView): string => `${c.firstName} ${c.lastName}`.trim() || '(no name)';

/** A value that may be cut short in its cell, whole on hover. */
const cut = (text: string) => <span title={text}>{text}</span>;
/** The row's button: the name (defined once, so the memoised rows do not render again). */
const nameCell = (c: ContactView) => cut(fullName(c));

export function ContactsScreen({ canErase }: { canErase: boolean }) {
  // The page shown, with the request it answers (filter and offset), so a page still on its way shows as loading.
  const [page, setPage] = useState<(ContactsPage & { key: string }) | null>(null);
  const [groups, setGroups] = useState<GroupsList | null>(null);
  const [search, setSearch] = useState('');
  const [groupFilter, setGroupFilter] = useState<string>('all');
  const [statusFilter, setStatusFilter] = useState<ContactStatusFilter>('all');
  const [offset, setOffset] = useState(0);
  // Kept whole, so the detail stays open (to show an erasure's certificate) when its row leaves the page.
  const [selected, setSelected] = useState<ContactView | null>(null);
  const [reloads, setReloads] = useState(0);
  const { run } = useAction();
  const needle = useDebounced(search.trim(), SEARCH_PAUSE_MS);

  const filter = useMemo(
    () => ({
      ...(needle ? { search: needle } : {}),
      ...(groupFilter === 'all' ? {} : { groupId: groupFilter === 'none' ? null : groupFilter }),
      status: statusFilter,
    }),
    [needle, groupFilter, statusFilter],
  );
  // A new filter starts at its first page.
  const filterKey = JSON.stringify(filter);
  const [filtered, setFiltered] = useState(filterKey);
  if (filtered !== filterKey) {
    setFiltered(filterKey);
    setOffset(0);
  }
  const requestKey = `${filterKey}@${offset}@${reloads}`;

  // The groups (for the filter, the labels and the chart by basis): counts kept by the core, no contact loaded.
  const loadGroups = useCallback(async () => {
    const g = await run('groups', () => call('groups.list', {}));
    if (g) setGroups(g);
  }, [run]);

  useEffect(() => {
    void loadGroups();
  }, [loadGroups]);

  // One page of the current filter; an answer that arrives after a newer request is dropped.
  const latest = useRef(0);
  useEffect(() => {
    const ask = ++latest.current;
    void run('contacts', () => call('contacts.list', { ...filter, offset, limit: CONTACTS_PAGE })).then((p) => {
      if (!p || ask !== latest.current) return;
      // Past the end (the last rows of the last page were erased): step back to the page that now ends the list.
      if (p.contacts.length === 0 && p.total > 0 && offset > 0) setOffset(Math.floor((p.total - 1) / CONTACTS_PAGE) * CONTACTS_PAGE);
      else setPage({ ...p, key: requestKey });
    });
  }, [run, filter, offset, requestKey]);

  const groupById = useMemo(() => new Map((groups?.groups ?? []).map((g) => [g.id, g])), [groups]);
  const basisCounts = useMemo(() => (groups ? countsFromGroups(groups.groups, groups.unassigned) : null), [groups]);

  const columns: Column<ContactView>[] = useMemo(
    () => [
      // Company and Position share what the fixed columns leave: at least 7.5rem each (contacts.css).
      { key: 'company', header: 'Company', render: (c) => cut(c.company) },
      { key: 'position', header: 'Position', render: (c) => cut(c.position) },
      { key: 'group', header: 'Group', width: '7.5rem', render: (c) => (c.groupId ? cut(groupById.get(c.groupId)?.label ?? '—') : <span className="hint">none</span>) },
      {
        key: 'status',
        header: 'Status',
        width: '8.5rem',
        render: (c) =>
          c.usable ? (
            <span className="ok-text">
              <span aria-hidden="true">✓ </span>Usable
            </span>
          ) : (
            <span className="warn-text">
              <span aria-hidden="true">⚠ </span>Quarantined
            </span>
          ),
      },
      { key: 'expires', header: 'Due for destruction', width: '7.75rem', render: (c) => (c.legalHold ? 'on hold' : day(c.expiresAt)) },
    ],
    [groupById],
  );

  const rows = page?.contacts ?? [];
  const total = page?.total ?? 0;
  const first = page?.offset ?? offset;
  // Busy while typing has not yet paused, or while the page asked for is on its way.
  const loading = search.trim() !== needle || page?.key !== requestKey;

  return (
    <section aria-labelledby="contacts-title" className="screen">
      <ScreenHeading>
        <span id="contacts-title">Contacts</span>
      </ScreenHeading>
      {page === null ? <p className="hint">Decrypting the contacts…</p> : null}
      {basisCounts ? <BasisChart counts={basisCounts} /> : null}
      <div className="filters" role="search">
        <TextField label="Search" type="search" testId="contacts-search" value={search} onChange={setSearch} hint="Name, company, position, email or profile address (any case, accents optional)" />
        <SelectField
          label="Group"
          testId="contacts-group-filter"
          value={groupFilter}
          onChange={setGroupFilter}
          options={[{ value: 'all', label: 'All groups' }, ...(groups?.groups ?? []).map((g) => ({ value: g.id, label: g.label })), { value: 'none', label: 'In no group' }]}
        />
        <SelectField
          label="Status"
          testId="contacts-status-filter"
          value={statusFilter}
          onChange={setStatusFilter}
          options={[
            { value: 'all', label: 'All' },
            { value: 'usable', label: 'Usable' },
            { value: 'quarantined', label: 'Quarantined' },
            { value: 'held', label: 'Under legal hold' },
          ]}
        />
      </div>
      <OffsetPager
        noun="Contacts"
        testId="contacts"
        offset={first}
        pageSize={CONTACTS_PAGE}
        shown={rows.length}
        total={total}
        loading={loading}
        onOffset={setOffset}
      />
      <div className={`contacts-layout ${selected ? 'with-detail' : ''}`} aria-busy={loading} data-testid="contacts-results">
        <VirtualTable
          key={first}
          rows={rows}
          columns={columns}
          rowKey={(c) => c.id}
          primary={nameCell}
          primaryHeader="Name"
          primaryWidth="10rem"
          openLabel={(c) => `${fullName(c)}: open details`}
          onOpen={(c) => setSelected(c)}
          selectedKey={selected?.id ?? null}
          caption={page ? pageRange('Contacts', first, rows.length, total) : 'Contacts'}
          testId="contacts-table"
          rowTestId="contact-row"
        />
        {selected ? (
          <ContactDetail
            key={selected.id}
            contact={selected}
            group={selected.groupId ? (groupById.get(selected.groupId) ?? null) : null}
            canErase={canErase}
            onClose={() => setSelected(null)}
            onErased={() => {
              // The row leaves the page at once: the page and the counts are asked for again.
              setReloads((n) => n + 1);
              void loadGroups();
            }}
          />
        ) : null}
      </div>
    </section>
  );
}
