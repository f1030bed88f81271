// PECR subscriber types (reg. 2, reg. 22): per person the type the data suggests and why, any confirmation, and the
// type the export rules apply (unknown is treated as individual). A data owner chooses a person to confirm their
// type (or their company's) and to record a soft opt-in.
import { Fragment, useCallback, useEffect, useId, useState } from 'react';
import { call } from '../../api.js';
import { useAction } from '../../app/use-action.js';
import { useFocusAfter } from '../../app/use-focus-after.js';
import { SelectField } from '../../components/fields.js';
import { OffsetPager } from '../../components/pager.js';
import { ScrollRegion } from '../../components/scroll-region.js';
import { INFERRED_SUBSCRIBER_LABELS, SUBSCRIBER_ENTITY_LABELS, SUBSCRIBER_TYPE_LABELS } from '../../lib/labels-notices.js';
import { CHANNEL_LABELS } from '../../lib/labels.js';
import type { GroupView } from '../../types.js';
import type { SubscriberView } from './notice-words.js';
import { SubscriberForms } from './subscriber-forms.js';

const PAGE = 20;

function confirmedWords(s: SubscriberView): string {
  if (!s.confirmed) return 'Not confirmed';
  return `${SUBSCRIBER_ENTITY_LABELS[s.confirmed.entity]}, confirmed for ${s.confirmed.by === 'contact' ? 'this person' : 'their company'}`;
}

export function Subscribers({ groups, mayConfirm }: { groups: readonly GroupView[]; mayConfirm: boolean }) {
  const [groupId, setGroupId] = useState<string>('all');
  const [list, setList] = useState<{ total: number; subscribers: SubscriberView[] } | null>(null);
  const [offset, setOffset] = useState(0);
  const [chosen, setChosen] = useState<string | null>(null);
  const { busy, run } = useAction();
  // Closing a person's forms gives focus back to their Choose button.
  const focus = useFocusAfter();

  const load = useCallback(async () => {
    // One page from the core (subscribers.list is paged): the screen never holds more than it shows.
    const r = await run('list', () => call('subscribers.list', { ...(groupId === 'all' ? {} : { groupId }), offset, limit: PAGE }));
    if (r) setList(r);
  }, [run, groupId, offset]);
  useEffect(() => {
    void load();
  }, [load]);

  const rows = list?.subscribers ?? [];
  const total = list?.total ?? 0;
  const person = rows.find((s) => s.contactId === chosen) ?? null;
  // A person takes two rows: their types, then why the data suggests one, across the table (one narrow column of it
  // made each explanation eight lines tall at 1024 px). The explanation names its headings: the person and the column.
  const ids = useId();
  const columns = mayConfirm ? 7 : 6;
  return (
    <section className="card" aria-labelledby="subscribers-title">
      <h3 id="subscribers-title" tabIndex={-1}>
        Subscriber types (PECR)
      </h3>
      <p className="hint">
        Marketing by email, text or LinkedIn message to an individual subscriber (a private person, a sole trader, most partnerships) needs their consent or
        a soft opt-in; to a corporate subscriber (a company, an LLP, a Scottish partnership) it is allowed. The data only suggests which: confirm it where
        you know.
      </p>
      <SelectField
        label="Show the people of"
        testId="subscribers-group"
        value={groupId}
        onChange={(v) => {
          setGroupId(v);
          setOffset(0);
          setChosen(null);
        }}
        options={[{ value: 'all', label: 'Every group and quarantine' }, ...groups.map((g) => ({ value: g.id, label: g.label }))]}
      />
      <OffsetPager
        noun="Subscribers"
        testId="subscribers"
        offset={offset}
        pageSize={PAGE}
        shown={rows.length}
        total={total}
        loading={busy === 'list'}
        onOffset={setOffset}
      />
      <ScrollRegion label="Subscriber types">
        <table className="data subscribers-table" data-testid="subscribers-table">
          <caption className="visually-hidden">Each person’s subscriber type: suggested, confirmed, and as the rules treat them</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Company</th>
              <th scope="col" id={`${ids}-suggests`}>
                The data suggests
              </th>
              <th scope="col">Confirmed</th>
              <th scope="col">Treated as</th>
              <th scope="col">
                Soft <span className="nowrap">opt-in</span>
              </th>
              {mayConfirm ? <th scope="col">Action</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => {
              const selected = chosen === s.contactId ? ' selected' : '';
              const nameId = `${ids}-${s.contactId}`;
              return (
                <Fragment key={s.contactId}>
                  <tr data-testid="subscriber-row" data-name={s.name} data-contact-id={s.contactId} className={`subscriber-main${selected}`}>
                    <th scope="row" id={nameId}>
                      {s.name || 'No name recorded'}
                    </th>
                    <td>{s.company || '—'}</td>
                    <td data-testid="subscriber-suggested">
                      <strong>{INFERRED_SUBSCRIBER_LABELS[s.inferred]}</strong>
                    </td>
                    <td data-testid="subscriber-confirmed">{confirmedWords(s)}</td>
                    <td data-testid="subscriber-treated">{SUBSCRIBER_TYPE_LABELS[s.treatedAs]}</td>
                    <td data-testid="subscriber-soft-opt-in">{s.softOptIn.length ? s.softOptIn.map((c) => CHANNEL_LABELS[c]).join(', ') : 'None'}</td>
                    {mayConfirm ? (
                      <td>
                        <button type="button" data-testid="subscriber-choose" aria-pressed={chosen === s.contactId} aria-label={`Choose ${s.name || 'this person'}`} onClick={() => setChosen(s.contactId)}>
                          Choose
                        </button>
                      </td>
                    ) : null}
                  </tr>
                  <tr data-testid="subscriber-reason-row" data-contact-id={s.contactId} className={`subscriber-why${selected}`}>
                    <td colSpan={columns} headers={`${nameId} ${ids}-suggests`} className="hint">
                      <span className="notices-reason">{s.reason}</span>
                    </td>
                  </tr>
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
      {mayConfirm && person ? <SubscriberForms key={person.contactId} person={person} onChanged={() => void load()} onClose={() => {
            setChosen(null);
            focus.to(`[data-testid="subscriber-row"][data-contact-id="${person.contactId}"] [data-testid="subscriber-choose"]`, '#subscribers-title');
          }} /> : null}
    </section>
  );
}
