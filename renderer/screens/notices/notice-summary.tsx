// Art. 14 notices per group (and quarantine): how many people are due, overdue, told, exempt or carried over, and the
// next deadline in words; a group is chosen here to see its people and act for them.
import { ScrollRegion } from '../../components/scroll-region.js';
import { PERSON_NOTICE_STATUS_HINTS, PERSON_NOTICE_STATUS_LABELS } from '../../lib/labels-notices.js';
import { PERSON_NOTICE_STATUSES } from '../../../src/shared/vocabulary.js';
import { nextDueWords, people, type NoticeSummary } from './notice-words.js';

/** The key of a summary row: its group id, or 'quarantine' for people in no group. */
export const keyOf = (s: NoticeSummary): string => s.groupId ?? 'quarantine';

const COUNTS: readonly (readonly [keyof NoticeSummary & ('due' | 'overdue' | 'sent' | 'exempt' | 'carriedOver'), (typeof PERSON_NOTICE_STATUSES)[number]])[] = [
  ['due', 'due'],
  ['overdue', 'overdue'],
  ['sent', 'sent'],
  ['exempt', 'exempt'],
  ['carriedOver', 'carried-over'],
];

export function NoticeSummaryTable({ groups, selected, onSelect }: { groups: readonly NoticeSummary[]; selected: string | null; onSelect(key: string): void }) {
  return (
    <section className="card" aria-labelledby="notice-summary-title">
      <h3 id="notice-summary-title" tabIndex={-1}>
        Who has been told (Art. 14)
      </h3>
      <p className="hint">
        Everyone whose data came from LinkedIn must be told about it within one month, or before their data is first disclosed if that is sooner (UK GDPR
        Art. 14(3)).
      </p>
      <ScrollRegion label="Art. 14 notices by group">
        <table className="data" data-testid="notice-summary">
          <caption className="visually-hidden">People per group by the state of their Art. 14 notice</caption>
          <thead>
            <tr>
              <th scope="col">Group</th>
              {COUNTS.map(([, status]) => (
                <th scope="col" className="num" key={status}>
                  {PERSON_NOTICE_STATUS_LABELS[status]}
                </th>
              ))}
              <th scope="col">Deadline</th>
              <th scope="col">People</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => {
              const key = keyOf(g);
              return (
                <tr key={key} data-testid="notice-group-row" data-group={g.label} data-key={key} className={selected === key ? 'selected' : undefined}>
                  <th scope="row">{g.label}</th>
                  {COUNTS.map(([field, status]) => (
                    <td className="num" key={status} data-testid={`notice-count-${status}`}>
                      {g[field].toLocaleString('en-GB')}
                    </td>
                  ))}
                  <td className={g.overdue > 0 ? 'warn-text' : undefined}>
                    {g.overdue > 0 ? <span aria-hidden="true">⚠ </span> : null}
                    {nextDueWords(g)}
                  </td>
                  <td>
                    {people(g) === 0 ? (
                      <span className="hint">Nobody in it</span>
                    ) : (
                      <button type="button" data-testid="notice-show-people" aria-pressed={selected === key} aria-label={`Show people of ${g.label}`} onClick={() => onSelect(key)}>
                        Show people
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
      <dl className="notices-key">
        {PERSON_NOTICE_STATUSES.map((s) => (
          <div key={s} className="notices-key-item">
            <dt>{PERSON_NOTICE_STATUS_LABELS[s]}</dt>
            <dd>{PERSON_NOTICE_STATUS_HINTS[s]}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
