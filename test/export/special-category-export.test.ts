// Art. 9 and Art. 10 at every CRM export (issue 11, point 4): a hint at special-category or criminal-offence data
// that the group's basis has no condition for never leaves in the file. The job title holding it is withheld (the row
// kept), or, where the hint sits elsewhere, the person is left out; both are reported. Firing and not firing.
import { describe, expect, it } from 'vitest';
import { crmExport, type ExportableContact } from '../../src/export/crm-export.js';
import { specialCategoryFate } from '../../src/export/special-category-export.js';
import type { GroupPolicy } from '../../src/policy/lawful-basis.js';
import type { StoredContact } from '../../src/vault/contacts-repo.js';
import { policy } from '../policy/builders.js';
import { parseCsvRecords, storedContact } from './helpers.js';

const NOW = new Date('2025-06-01T12:00:00Z');
const MADE_PUBLIC = {
  art9Condition: 'made-public-by-data-subject',
  art9Justification: 'They describe these roles themselves in public, on their own profiles.',
  art9MadePublicWhere: 'The headline of their own LinkedIn profile',
};
const EXPLICIT = { art9Condition: 'explicit-consent', art9Justification: 'Each person ticked a separate box agreeing to this use of their health data.' };

let next = 0;
function person(p: GroupPolicy, contact: Partial<StoredContact>, extra: Partial<ExportableContact> = {}): ExportableContact {
  next += 1;
  const stored = storedContact(contact);
  return {
    id: `s${next}`,
    contact: stored,
    groupLabel: 'Prospects',
    policy: p,
    emailKind: 'corporate',
    noticeGiven: true,
    facts: { id: `s${next}`, company: stored.company, position: stored.position, emailKind: 'corporate', connectedOn: stored.connectedOn, soleTrader: false, specialCategories: stored.specialCategories },
    ...extra,
  };
}

/** A trade-union rep whose hint sits in the job title alone, as the vault finds it (hintsFound). */
const REP = { position: 'Unite union rep and Head of Sales', specialCategories: ['trade-union-membership'] };
const inTitle = { hintsFound: { position: ['trade-union-membership'], elsewhere: [] } };
const li = (overrides: Record<string, unknown> = {}) => policy('legitimate-interests', { purpose: 'prospecting', ...overrides });
const exported = (contacts: ExportableContact[], options: { noticeRun?: boolean; fields?: ('firstName' | 'lastName' | 'position' | 'company')[] } = {}) =>
  crmExport(contacts, { purpose: 'prospecting', channels: ['email'], now: NOW, ...options });

describe('the CRM export withholds a revealing job title without a valid condition (UK GDPR Art. 9(1)-(2))', () => {
  it('withholds the job title and keeps the row, reporting it, when the hint sits in the job title alone', () => {
    const rep = person(li(), REP, inTitle);
    const plain = person(li(), {});
    const result = exported([rep, plain]);
    const rows = parseCsvRecords(result.csv);
    expect(rows.map((r) => r['Job Title'])).toEqual(['', 'Head of Sales']);
    expect(result.csv).not.toMatch(/union/i);
    expect(result.fieldsWithheld).toEqual([{ id: rep.id, field: 'position', reason: 'special-category-without-condition' }]);
    expect(result.excluded).toEqual([]);
    expect(result.notes.some((n) => /^1 job title was left empty because it hints at special-category/.test(n))).toBe(true);
  });

  it('leaves the person out, reporting it, when the hint sits in the company or another column, or cannot be found again', () => {
    const company = person(li(), { company: 'Unite the Union', specialCategories: ['trade-union-membership'] }, { hintsFound: { position: [], elsewhere: ['trade-union-membership'] } });
    const both = person(li(), { ...REP, company: 'Unite the Union' }, { hintsFound: { position: ['trade-union-membership'], elsewhere: ['trade-union-membership'] } });
    const lost = person(li(), { specialCategories: ['health'] }); // no hintsFound: the lexicon no longer finds it
    const result = exported([company, both, lost]);
    expect(result.excluded).toEqual([company, both, lost].map((c) => ({ id: c.id, reason: 'special-category-without-condition' })));
    expect(result.included).toBe(0);
    expect(result.notes.some((n) => /^3 people were left out because a hint at special-category or criminal-offence data sits outside the job title/.test(n))).toBe(true);
  });

  it('writes the job title out under (e) with its evidence, and does not touch a contact whose hint was stripped at import', () => {
    const rep = person(li(MADE_PUBLIC), REP, inTitle);
    const stripped = person(li(), { position: 'Head of Sales', specialCategories: [] });
    const result = exported([rep, stripped]);
    expect(parseCsvRecords(result.csv).map((r) => r['Job Title'])).toEqual(['Unite union rep and Head of Sales', 'Head of Sales']);
    expect(result.fieldsWithheld).toEqual([]);
  });

  it('under (a), writes the job title out only for the people with their own explicit consent (Art. 9(2)(a))', () => {
    const p = policy('consent', { purpose: 'prospecting', ...EXPLICIT });
    const health = { position: 'Living with type 1 diabetes', specialCategories: ['health'] };
    const hints = { hintsFound: { position: ['health'], elsewhere: [] } };
    const withExplicit = person(p, health, { ...hints, consents: [{ purpose: 'prospecting', channels: ['email'], explicit: true }] });
    const ordinary = person(p, health, { ...hints, consents: [{ purpose: 'prospecting', channels: ['email'] }] });
    const otherPurpose = person(p, health, { ...hints, consents: [{ purpose: 'prospecting', channels: ['email'] }, { purpose: 'events', channels: ['email'], explicit: true }] });
    const result = exported([withExplicit, ordinary, otherPurpose]);
    expect(parseCsvRecords(result.csv).map((r) => r['Job Title'])).toEqual(['Living with type 1 diabetes', '', '']);
    expect(result.fieldsWithheld.map((f) => f.id)).toEqual([ordinary.id, otherPurpose.id]);
  });

  it('withholds under a condition that does not fit marketing, even one saved before the rules (vital interests)', () => {
    const saved = { ...li(), art9Condition: 'vital-interests', art9Justification: 'Allergy details for first aid at our site visits only.' } as GroupPolicy;
    expect(exported([person(saved, REP, inTitle)]).fieldsWithheld).toHaveLength(1);
    // Outside marketing the same condition holds: nothing is withheld.
    const networking = policy('legitimate-interests', { purpose: 'networking', art9Condition: 'vital-interests', art9Justification: 'Allergy details for first aid at our site visits only.' });
    const result = crmExport([person(networking, REP, inTitle)], { purpose: 'networking', channels: ['email'], now: NOW });
    expect(result.fieldsWithheld).toEqual([]);
    expect(parseCsvRecords(result.csv)[0]!['Job Title']).toBe('Unite union rep and Head of Sales');
  });

  it('reports nothing when the job title is not exported, and leaves a notice run alone (it writes no field a hint sits in)', () => {
    const rep = person(li(), REP, inTitle);
    expect(exported([rep], { fields: ['firstName', 'lastName'] })).toMatchObject({ included: 1, fieldsWithheld: [], excluded: [] });
    const untold = person(li(), { company: 'Unite the Union', specialCategories: ['trade-union-membership'] }, { noticeGiven: false });
    expect(exported([untold], { noticeRun: true })).toMatchObject({ included: 1, excluded: [] });
  });
});

describe('data made public by the person (UK GDPR Art. 9(2)(e)) is their own profile, not an uploaded address book', () => {
  it('keeps the job title of a connection under (e), and withholds that of someone from an address book a member uploaded', () => {
    const connection = person(li(MADE_PUBLIC), REP, inTitle);
    const addressBook = person(li(MADE_PUBLIC), REP, { ...inTitle, ownProfile: false });
    const result = exported([connection, addressBook]);
    expect(parseCsvRecords(result.csv).map((r) => r['Job Title'])).toEqual([REP.position, '']);
    expect(result.fieldsWithheld).toEqual([{ id: addressBook.id, field: 'position', reason: 'special-category-without-condition' }]);
  });
});

describe('the CRM export and criminal-offence data (UK GDPR Art. 10)', () => {
  const crime = { position: 'Ex-offender mentor', specialCategories: ['criminal-offences'] };
  const hints = { hintsFound: { position: ['criminal-offences'], elsewhere: [] } };
  const authority = { art10Authority: 'DPA 2018 Sch. 1 para. 10 (preventing or detecting unlawful acts)', appropriatePolicyDocument: 'APD-2025-01' };

  it('withholds it from a marketing export whatever authority is recorded', () => {
    expect(specialCategoryFate(person(li(authority), crime, hints), li(authority), 'prospecting', true)).toBe('withhold-position');
  });

  it('withholds it from an export declared direct marketing, whatever the group was assigned for (Art. 10)', () => {
    const p = policy('contract', authority);
    expect(specialCategoryFate(person(p, crime, hints), p, 'account-management', true)).toBe('withhold-position');
  });

  it('writes it out of a non-marketing export with the authority and its policy document, and not without', () => {
    const p = policy('contract', authority);
    expect(specialCategoryFate(person(p, crime, hints), p, 'account-management', false)).toBe('ok');
    const without = policy('contract');
    expect(specialCategoryFate(person(without, crime, hints), without, 'account-management', false)).toBe('withhold-position');
  });
});
