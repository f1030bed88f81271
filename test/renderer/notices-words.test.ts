// The Notices & PECR screen's pure helpers: days in words, a person's notice in one sentence, each form's checks
// field by field, and a label for every word of the vocabularies the screen shows.
import { CHANNEL_LABELS } from '../../renderer/lib/labels.js';
import { describe, expect, it } from 'vitest';
import {
  ART14_EXEMPTIONS,
  CONTACT_CHANNELS,
  INFERRED_SUBSCRIBER_TYPES,
  PERSON_NOTICE_STATUSES,
  SOFT_OPT_IN_CONTEXTS,
  SUBSCRIBER_ENTITIES,
  TPS_LISTS,
} from '../../src/shared/vocabulary.js';
import {
  ART14_EXEMPTION_LABELS,
  INFERRED_SUBSCRIBER_LABELS,
  PERSON_NOTICE_STATUS_LABELS,
  SOFT_OPT_IN_CONTEXT_LABELS,
  SUBSCRIBER_ENTITY_LABELS,
  TPS_LIST_LABELS,
} from '../../renderer/lib/labels-notices.js';
import {
  confirmSubscriberProblems,
  exemptProblems,
  hasProblems,
  isDay,
  longDay,
  markSentProblems,
  nextDueWords,
  noticeFileName,
  personNoticeWords,
  softOptInProblems,
  tpsProblems,
  type NoticeSummary,
  type PersonNotice,
} from '../../renderer/screens/notices/notice-words.js';

const person = (over: Partial<PersonNotice>): PersonNotice => ({
  contactId: '00000000-0000-4000-8000-000000000001',
  status: 'due',
  dueBy: '2027-03-03',
  day: null,
  channel: null,
  version: null,
  exemption: null,
  ...over,
});
const summary = (over: Partial<NoticeSummary>): NoticeSummary => ({ groupId: null, label: 'Quarantine', due: 0, overdue: 0, sent: 0, exempt: 0, carriedOver: 0, nextDue: null, ...over });

describe('days in words', () => {
  it('writes a day as people read it, from a day or a timestamp', () => {
    expect(longDay('2027-03-03')).toBe('3 March 2027');
    expect(longDay('2026-12-31T23:00:00.000Z')).toBe('31 December 2026');
    expect(longDay(null)).toBe('—');
    expect(longDay('soon')).toBe('soon');
  });

  it('knows a real calendar day', () => {
    expect(isDay('2028-02-29')).toBe(true);
    expect(isDay('2027-02-29')).toBe(false);
    expect(isDay('3/3/2027')).toBe(false);
  });
});

describe('where a notice stands', () => {
  it('says each status in a sentence, with its day, channel, version or ground in words', () => {
    expect(personNoticeWords(person({}))).toBe('Due by 3 March 2027');
    expect(personNoticeWords(person({ status: 'overdue' }))).toMatch(/^Overdue since 3 March 2027/);
    expect(personNoticeWords(person({ status: 'sent', day: '2026-12-05', channel: 'email', version: 'v2' }))).toBe('Told on 5 December 2026 by email (version v2)');
    expect(personNoticeWords(person({ status: 'exempt', day: '2026-12-06', exemption: 'disproportionate-effort' }))).toMatch(/^Exempt since 6 December 2026: .*disproportionate effort — Art\. 14\(5\)\(b\)$/);
    expect(personNoticeWords(person({ status: 'carried-over', day: '2026-01-02' }))).toMatch(/confirms it$/);
    for (const status of PERSON_NOTICE_STATUSES) expect(personNoticeWords(person({ status }))).not.toMatch(/carried-over|disproportionate-effort/);
  });

  it('gives a group its next deadline, overdue first', () => {
    expect(nextDueWords(summary({ due: 2, nextDue: '2027-01-01' }))).toBe('Next due by 1 January 2027');
    expect(nextDueWords(summary({ due: 1, overdue: 1, nextDue: '2026-11-01' }))).toBe('Overdue since 1 November 2026');
    expect(nextDueWords(summary({ sent: 3 }))).toBe('Nobody waiting to be told');
  });

  it('names a saved notice after its group', () => {
    expect(noticeFileName('Work addresses', 'md')).toBe('privacy-notice-work-addresses.md');
    expect(noticeFileName('Zoë & Søn!', 'txt')).toBe('privacy-notice-zoe-s-n.txt');
    expect(noticeFileName('李华', 'md')).toBe('privacy-notice.md');
  });
});

describe('the forms’ checks, field by field', () => {
  it('marking sent needs a day, a version and a channel', () => {
    const problems = markSentProblems({ sentOn: '', version: ' ', channel: '' });
    expect(Object.keys(problems).filter((k) => problems[k as keyof typeof problems])).toEqual(['sentOn', 'version', 'channel']);
    expect(markSentProblems({ sentOn: '2026-13-01', version: 'v1', channel: 'email' }).sentOn).toMatch(/^Pick the day the notice was sent again: that is not a day of the calendar\.$/);
    expect(markSentProblems({ sentOn: '', version: 'v1', channel: 'email' }).sentOn).toBe('Pick the day the notice was sent.');
    expect(hasProblems(markSentProblems({ sentOn: '2026-12-05', version: 'v1', channel: 'email' }))).toBe(false);
  });

  it('an exemption needs a ground, a day and a reason; disproportionate effort its DPIA and where the notice is public', () => {
    const base = { ground: 'required-by-law' as const, decidedOn: '2026-12-06', reason: 'The regulator requires us to keep this list', dpiaReference: '', publishedAt: '' };
    expect(hasProblems(exemptProblems(base))).toBe(false);
    expect(exemptProblems({ ...base, reason: 'too short' }).reason).toMatch(/at least 20 characters/);
    const effort = exemptProblems({ ...base, ground: 'disproportionate-effort' });
    expect(effort.dpiaReference).toMatch(/DPIA/);
    expect(effort.publishedAt).toMatch(/made public/);
    expect(exemptProblems({ ...base, ground: '' }).ground).toMatch(/ground/);
  });

  it('a screening needs its day, list and list version; the provider is optional', () => {
    expect(hasProblems(tpsProblems({ screenedOn: '2026-12-08', list: 'both', listVersion: 'Dec 2026', provider: '' }))).toBe(false);
    expect(tpsProblems({ screenedOn: '2026-12-08', list: '', listVersion: '', provider: '' })).toMatchObject({ list: expect.any(String), listVersion: expect.any(String) });
  });

  it('a soft opt-in needs a channel, a day, its context, the products and how refusal was offered', () => {
    const problems = softOptInProblems({ channels: [], obtainedAt: '2026-12-01', context: '', products: '', refusalOffered: '' });
    expect(Object.entries(problems).filter(([, v]) => v).map(([k]) => k)).toEqual(['channels', 'context', 'products', 'refusalOffered']);
  });

  it('a subscriber type needs an entity, a well-formed Companies House number if one is given, and a company to confirm a company', () => {
    expect(confirmSubscriberProblems({ scope: 'contact', entity: 'company', companyNumber: 'sc123456', note: '' }, 'Acme Ltd')).toEqual({ scope: undefined, entity: undefined, companyNumber: undefined });
    expect(confirmSubscriberProblems({ scope: 'contact', entity: 'company', companyNumber: '1234', note: '' }, 'Acme Ltd').companyNumber).toMatch(/8 characters/);
    expect(confirmSubscriberProblems({ scope: 'company', entity: '', companyNumber: '', note: '' }, '')).toMatchObject({ scope: expect.stringMatching(/no company/), entity: expect.any(String) });
  });
});

describe('labels', () => {
  it('has words for every value the screen shows, none of them the raw key', () => {
    const maps: [readonly string[], Record<string, string>][] = [
      [PERSON_NOTICE_STATUSES, PERSON_NOTICE_STATUS_LABELS],
      [ART14_EXEMPTIONS, ART14_EXEMPTION_LABELS],
      [CONTACT_CHANNELS, CHANNEL_LABELS],
      [INFERRED_SUBSCRIBER_TYPES, INFERRED_SUBSCRIBER_LABELS],
      [SUBSCRIBER_ENTITIES, SUBSCRIBER_ENTITY_LABELS],
      [SOFT_OPT_IN_CONTEXTS, SOFT_OPT_IN_CONTEXT_LABELS],
      [TPS_LISTS, TPS_LIST_LABELS],
    ];
    for (const [words, labels] of maps) {
      for (const word of words) {
        expect(labels[word], word).toBeTruthy();
        expect(labels[word], word).not.toBe(word);
      }
    }
  });
});
