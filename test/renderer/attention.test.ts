// What the home screen says needs attention (renderer/screens/home/attention.ts): the quarantined contacts past their
// date are among those destruction takes, so they are said once, not in two items; every item links to where it is
// acted on, or to the nearest screen the member's roles open.
import { describe, expect, it } from 'vitest';
import { attentionItems, type HomeSummary } from '../../renderer/screens/home/attention.js';
import type { Role } from '../../src/shared/vocabulary.js';

const NONE = { overdue: 0, overdueHeld: 0, dueSoon: 0, next: null };
function summary(parts: Partial<HomeSummary> = {}): HomeSummary {
  return {
    now: '2027-01-05T09:00:00.000Z',
    soonDays: 30,
    setup: { contacts: 20, controllerRecorded: true },
    destruction: NONE,
    quarantine: { contacts: 0, days: 30, overdue: 0, next: null },
    notices: { due: 0, overdue: 0, unconfirmed: 0, nextDue: null },
    liaReviews: { groups: 0, overdue: 0, dueSoon: 0, nextReview: null },
    ...parts,
  };
}
const ADMIN: Role[] = ['admin'];
const OWNER: Role[] = ['data-owner'];

describe('attention items', () => {
  it('says the 9 quarantined contacts past their date once, with a link, when they are all that is due', () => {
    const items = attentionItems(summary({ destruction: { ...NONE, overdue: 9 }, quarantine: { contacts: 9, days: 30, overdue: 9, next: null } }), ADMIN);
    expect(items).toEqual([
      {
        key: 'overdue',
        tone: 'urgent',
        text: '9 contacts are past the 30-day quarantine (in no group with a lawful basis) and will be destroyed at the next run.',
        link: { screen: 'retention', label: 'Open Retention' },
      },
    ]);
  });

  it('splits what is due between retention and quarantine, and counts only the rest in the quarantine item', () => {
    const s = summary({
      destruction: { ...NONE, overdue: 9 },
      quarantine: { contacts: 7, days: 30, overdue: 4, next: { at: '2027-01-20T10:00:00.000Z', contacts: 3 } },
    });
    const items = attentionItems(s, ADMIN);
    expect(items.map((i) => i.text)).toEqual([
      '9 contacts will be destroyed at the next run: 5 past their retention date and 4 past the 30-day quarantine (in no group with a lawful basis).',
      '3 more contacts are in quarantine: in no group with a lawful basis, so destroyed 30 days after import. The next 3 go on 20 January 2027.',
    ]);
    expect(items[1]).toMatchObject({ tone: 'soon', link: { screen: 'retention' } });
  });

  it('keeps the plain wording when nothing due is quarantined, and says when the quarantine is what falls due soon', () => {
    expect(attentionItems(summary({ destruction: { ...NONE, overdue: 2 } }), ADMIN)[0]?.text).toBe('2 contacts are past their retention date and will be destroyed at the next run.');
    const next = { at: '2026-12-31T10:00:00.000Z', contacts: 9 };
    const soon = attentionItems(summary({ now: '2026-12-10T09:00:00.000Z', destruction: { ...NONE, dueSoon: 9, next }, quarantine: { contacts: 9, days: 30, overdue: 0, next } }), ADMIN);
    expect(soon.find((i) => i.key === 'quarantine')?.text).toBe(
      '9 contacts are in quarantine: in no group with a lawful basis, so destroyed 30 days after import. The next 9 go on 31 December 2026 (among those due then, above).',
    );
  });

  it('gives every item a link for an admin and for a data owner', () => {
    const s = summary({
      destruction: { overdue: 9, overdueHeld: 1, dueSoon: 2, next: { at: '2027-01-20T10:00:00.000Z', contacts: 2 } },
      quarantine: { contacts: 12, days: 30, overdue: 4, next: { at: '2027-01-20T10:00:00.000Z', contacts: 2 } },
      notices: { due: 1, overdue: 1, unconfirmed: 1, nextDue: '2027-01-30' },
      liaReviews: { groups: 2, overdue: 1, dueSoon: 1, nextReview: '2027-01-25' },
    });
    for (const roles of [ADMIN, OWNER, ['admin', 'data-owner'] as Role[]]) {
      const items = attentionItems(s, roles);
      expect(items.length).toBeGreaterThanOrEqual(8);
      for (const item of items) expect(item.link, `${roles.join('+')}: ${item.key}`).not.toBeNull();
    }
    // A data owner cannot run destruction, but can give the quarantined a basis first; an admin sees who reviews an LIA.
    expect(attentionItems(s, OWNER).find((i) => i.key === 'overdue')?.link).toEqual({ screen: 'groups', label: 'Assign a lawful basis' });
    expect(attentionItems(s, ADMIN).find((i) => i.key === 'lia-overdue')?.link).toEqual({ screen: 'members', label: 'See who the data owners are' });
  });
});
