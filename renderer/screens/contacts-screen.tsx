// Contacts: every contact in a windowed table (smooth at 30,000 rows), filtered on the page as you type; a chart
// by lawful basis; and one contact's details, with subject access and erasure.
import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { call } from '../api.js';
import { useAction } from '../app/use-action.js';
import { SelectField, TextField } from '../components/fields.js';
import { ScreenHeading } from '../components/screen-heading.js';
import { VirtualTable, type Column } from '../components/virtual-table.js';
import { countsFromContacts } from '../lib/basis-counts.js';
import { day } from '../lib/format.js';
import { EMAIL_KIND_LABELS } from '../lib/labels.js';
import type { ContactView, GroupView } from '../types.js';
import { ContactDetail } from './contacts/contact-detail.js';
import { BasisChart } from './groups/basis-chart.js';

type StatusFilter = 'all' | 'usable' | 'quarantined' | 'held';

const fullName = (c: ContactView): string => `${c.firstName} ${c.lastName}`.trim() || '(no name)';

export function ContactsScreen({ canErase }: { canErase: boolean }) {
  const [contacts, setContacts] = useState<ContactView[] | null>(null);
  const [groups, setGroups] = useState<GroupView[]>([]);
  const [search, setSearch] = useState('');
  const [groupFilter, setGroupFilter] = useState<string>('all');
  const [statusFilter, setStatusFilter] = useState<StatusFilter>('all');
  const [selected, setSelected] = useState<string | null>(null);
  // Erased contacts leave the table at once; the detail panel stays to show the certificate.
  const [erased, setErased] = useState<ReadonlySet<string>>(new Set());
  const { busy, run } = useAction();
  const needle = useDeferredValue(search.trim().toLowerCase());

  const load = useCallback(async () => {
    const [list, g] = await Promise.all([run('contacts', () => call('contacts.list', {})), run('groups', () => call('groups.list', {}))]);
    if (list) setContacts(list);
    if (g) setGroups(g.groups);
  }, [run]);

  useEffect(() => {
    void load();
  }, [load]);

  const groupById = useMemo(() => new Map(groups.map((g) => [g.id, g])), [groups]);
  const basisOf = useMemo(() => new Map(groups.flatMap((g): [string, string][] => (g.policy ? [[g.id, g.policy.policy.basis]] : []))), [groups]);
  // Lower-cased search text, computed once per list rather than on every keystroke.
  const haystack = useMemo(
    () => new Map((contacts ?? []).map((c) => [c.id, [c.firstName, c.lastName, c.company, c.position, c.email ?? '', c.profileUrl ?? ''].join('\u0000').toLowerCase()])),
    [contacts],
  );
  const present = useMemo(() => (contacts ?? []).filter((c) => !erased.has(c.id)), [contacts, erased]);
  const basisCounts = useMemo(() => countsFromContacts(present, basisOf), [present, basisOf]);
  const rows = useMemo(() => {
    return present.filter(
      (c) =>
        (groupFilter === 'all' || (groupFilter === 'none' ? c.groupId === null : c.groupId === groupFilter)) &&
        (statusFilter === 'all' || (statusFilter === 'usable' ? c.usable : statusFilter === 'held' ? c.legalHold : !c.usable)) &&
        (!needle || (haystack.get(c.id) ?? '').includes(needle)),
    );
  }, [present, groupFilter, statusFilter, needle, haystack]);

  const columns: Column<ContactView>[] = useMemo(
    () => [
      { key: 'company', header: 'Company', render: (c) => c.company },
      { key: 'position', header: 'Position', render: (c) => c.position },
      { key: 'email', header: 'Email kind', width: '9rem', render: (c) => EMAIL_KIND_LABELS[c.emailKind] },
      { key: 'group', header: 'Group', width: '10rem', render: (c) => (c.groupId ? (groupById.get(c.groupId)?.label ?? '—') : <span className="hint">none</span>) },
      {
        key: 'status',
        header: 'Status',
        width: '9rem',
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
      { key: 'expires', header: 'Expires', width: '7.5rem', render: (c) => (c.legalHold ? 'on hold' : day(c.expiresAt)) },
    ],
    [groupById],
  );

  const current = selected ? (contacts ?? []).find((c) => c.id === selected) ?? null : null;

  return (
    <section aria-labelledby="contacts-title" className="screen">
      <ScreenHeading>
        <span id="contacts-title">Contacts</span>
      </ScreenHeading>
      {contacts === null && busy ? <p className="hint">Decrypting the contacts…</p> : null}
      {contacts ? <BasisChart counts={basisCounts} /> : null}
      <div className="filters" role="search">
        <TextField label="Search" type="search" testId="contacts-search" value={search} onChange={setSearch} hint="Name, company, position, email or profile address" />
        <SelectField
          label="Group"
          testId="contacts-group-filter"
          value={groupFilter}
          onChange={setGroupFilter}
          options={[{ value: 'all', label: 'All groups' }, ...groups.map((g) => ({ value: g.id, label: g.label })), { value: 'none', label: 'In no group' }]}
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
      <p className="hint" data-testid="contacts-count" aria-live="polite">
        Showing {rows.length.toLocaleString('en-GB')} of {present.length.toLocaleString('en-GB')} contacts
      </p>
      <div className={`contacts-layout ${current ? 'with-detail' : ''}`}>
        <VirtualTable
          rows={rows}
          columns={columns}
          rowKey={(c) => c.id}
          primary={fullName}
          primaryHeader="Name"
          primaryWidth="12rem"
          openLabel={(c) => `${fullName(c)}: open details`}
          onOpen={(c) => setSelected(c.id)}
          selectedKey={selected}
          caption="Contacts"
          testId="contacts-table"
          rowTestId="contact-row"
        />
        {current ? (
          <ContactDetail
            key={current.id}
            contact={current}
            group={current.groupId ? (groupById.get(current.groupId) ?? null) : null}
            canErase={canErase}
            onClose={() => setSelected(null)}
            onErased={() => setErased((ids) => new Set([...ids, current.id]))}
          />
        ) : null}
      </div>
    </section>
  );
}
