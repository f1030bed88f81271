// Art. 14 per person: each person's notice is due one month after their data was obtained (Art. 14(3)(a)), or on
// their first disclosure if sooner (Art. 14(3)(c)); a record that does not count (a carry-over not yet confirmed)
// leaves them untold.
import { describe, expect, it } from 'vitest';
import { personNoticeDue, personNoticeLate, personNoticeStatus, type PersonNoticeRecord } from '../../src/policy/art14.js';

const SENT: PersonNoticeRecord = { status: 'sent', counts: true };
const EXEMPT: PersonNoticeRecord = { status: 'exempt', counts: true };
const CARRIED: PersonNoticeRecord = { status: 'sent', counts: false };

describe('personNoticeDue (Art. 14(3))', () => {
  it('is one calendar month after the data was obtained when nothing was disclosed (Art. 14(3)(a))', () => {
    expect(personNoticeDue('2026-01-31T10:00:00.000Z', null)).toBe('2026-02-28');
    expect(personNoticeDue('2026-03-03', null)).toBe('2026-04-03');
  });

  it('is the day of the first disclosure when that comes sooner (Art. 14(3)(c))', () => {
    expect(personNoticeDue('2026-03-03T09:00:00Z', '2026-03-10')).toBe('2026-03-10');
    expect(personNoticeDue('2026-03-03T09:00:00Z', '2026-03-10T16:30:00.000Z')).toBe('2026-03-10');
  });

  it('stays at one month when the first disclosure comes later (Art. 14(3)(a) is the outer limit)', () => {
    expect(personNoticeDue('2026-03-03', '2026-05-01')).toBe('2026-04-03');
  });
});

describe('personNoticeStatus (Art. 14(3), Art. 14(5))', () => {
  it('is due until the due day, and overdue the day after (Art. 14(3)(a))', () => {
    expect(personNoticeStatus(null, '2026-04-03', '2026-04-03')).toBe('due');
    expect(personNoticeStatus(null, '2026-04-03', '2026-04-04')).toBe('overdue');
  });

  it('is overdue once the data was disclosed to a recipient before the person was told (Art. 14(3)(c))', () => {
    expect(personNoticeStatus(null, '2026-03-10', '2026-03-10', '2026-03-10')).toBe('overdue');
    expect(personNoticeStatus(null, '2026-03-10', '2026-03-09', null)).toBe('due');
  });

  it('says sent or exempt for a record that counts, whatever the dates (Art. 14(5))', () => {
    expect(personNoticeStatus(SENT, '2026-01-01', '2026-12-31', '2026-01-01')).toBe('sent');
    expect(personNoticeStatus(EXEMPT, '2026-01-01', '2026-12-31')).toBe('exempt');
    expect(personNoticeLate(SENT, '2026-01-01', '2026-12-31', '2026-01-01')).toBe(false);
  });

  it('says carried-over for an unconfirmed carry-over, and treats the person as not told', () => {
    expect(personNoticeStatus(CARRIED, '2026-04-03', '2026-04-01')).toBe('carried-over');
    expect(personNoticeStatus({ status: 'exempt', counts: false }, '2026-04-03', '2026-05-01')).toBe('carried-over');
    expect(personNoticeLate(CARRIED, '2026-04-03', '2026-05-01')).toBe(true);
    expect(personNoticeLate(CARRIED, '2026-04-03', '2026-04-01')).toBe(false);
  });
});
