// The CRM export: purpose limitation, PECR for email marketing, HubSpot's legal-basis wording, requested fields
// only, and cells that arrive in a spreadsheet as text.
import { describe, expect, it } from 'vitest';
import { CRM_FIELDS, crmExport, EXCLUDED_LISTED, HUBSPOT_LEGAL_BASES, hubspotLegalBasis, type ExportableContact } from '../../src/export/crm-export.js';
import type { ContactFacts } from '../../src/policy/contact-facts.js';
import { LAWFUL_BASES, PURPOSES, type GroupPolicy, type LawfulBasis, type Purpose } from '../../src/policy/lawful-basis.js';
import type { StoredContact } from '../../src/vault/contacts-repo.js';
import { MARKETING_PURPOSES } from '../../src/shared/vocabulary.js';
import { EVIDENCE, policy } from '../policy/builders.js';
import { parseCsv, parseCsvRecords, storedContact } from './helpers.js';

let next = 0;
function exportable(
  p: GroupPolicy | null,
  options: {
    emailKind?: ExportableContact['emailKind'];
    soleTrader?: boolean;
    contact?: Partial<StoredContact>;
    facts?: Partial<ContactFacts>;
    person?: Pick<ExportableContact, 'consents' | 'noticeGiven' | 'suppressedPurposes'>;
  } = {},
): ExportableContact {
  next += 1;
  const id = `c${next}`;
  const emailKind = options.emailKind ?? 'corporate';
  const contact = storedContact({ soleTrader: options.soleTrader ?? false, ...options.contact });
  return {
    id,
    contact,
    groupLabel: 'Prospects',
    policy: p,
    emailKind,
    // By default the person was told (Art. 14) and, in a consent group, gave their own consent to the group's
    // purpose by email: the tests below that are about those rules say otherwise.
    consents: p?.basis === 'consent' ? [{ purpose: p.purpose, channels: ['email'] }] : [],
    noticeGiven: true,
    ...options.person,
    facts: {
      id,
      company: contact.company,
      position: contact.position,
      emailKind,
      connectedOn: contact.connectedOn,
      soleTrader: options.soleTrader ?? false,
      specialCategories: [],
      ...options.facts,
    },
  };
}

/** Today for every export: the builders' LIA (assessed 2025-01-10, signed off) is current until 2026-01-10. */
const NOW = new Date('2025-06-01T12:00:00Z');

const li = (purpose: Purpose = 'email-marketing') => policy('legitimate-interests', { purpose });
const consent = (purpose: Purpose = 'email-marketing') => policy('consent', { purpose });

const DEFAULT_HEADER = [
  'First Name',
  'Last Name',
  'Email',
  'Company',
  'Job Title',
  'LinkedIn URL',
  'Connected On',
  "Legal basis for processing contact's data",
  'Lawful basis',
  'Purpose',
];

describe('crmExport: who is exported', () => {
  it('excludes contacts without a lawful basis and those whose group has another purpose, with reasons', () => {
    const ok = exportable(li('prospecting'));
    const noBasis = exportable(null);
    const otherPurpose = exportable(li('recruitment'));
    const result = crmExport([noBasis, ok, otherPurpose], { now: NOW, channels: ['email'], purpose: 'prospecting' });
    expect(result.included).toBe(1);
    expect(result.excluded).toEqual([
      { id: noBasis.id, reason: 'no-lawful-basis' },
      { id: otherPurpose.id, reason: 'purpose-differs' },
    ]);
    const records = parseCsvRecords(result.csv);
    expect(records.map((r) => r['Last Name'])).toEqual([ok.contact.lastName]);
    expect(result.csv).not.toContain(noBasis.contact.lastName);
    expect(result.csv).not.toContain(otherPurpose.contact.lastName);
  });

  it('counts everyone left out by reason, and names only the first EXCLUDED_LISTED of them', () => {
    const left = EXCLUDED_LISTED + 150;
    const people = Array.from({ length: left }, (_, i) => (i % 3 === 0 ? { id: `u${i}`, excluded: 'suppressed' as const } : exportable(i % 3 === 1 ? null : li('recruitment'))));
    const ok = exportable(li('prospecting'));
    const result = crmExport([...people, ok], { now: NOW, channels: ['email'], purpose: 'prospecting' });
    expect(result.included).toBe(1);
    expect(result.excludedTotal).toBe(left);
    expect(result.excludedByReason).toEqual({ suppressed: 217, 'no-lawful-basis': 217, 'purpose-differs': 216 });
    expect(result.excluded).toHaveLength(EXCLUDED_LISTED);
    expect(result.excluded.map((e) => e.id)).toEqual(people.slice(0, EXCLUDED_LISTED).map((p) => p.id));
    expect(result.notes.join(' ')).toMatch(/217 people on the suppression list were left out/);
    expect(result.notes.join(' ')).toMatch(/216 contacts are in groups for another purpose/);
  });

  it('writes the default header and one parseable row per included contact', () => {
    const contacts = [exportable(li()), exportable(li()), exportable(consent())];
    const result = crmExport(contacts, { now: NOW, channels: ['email'], purpose: 'email-marketing' });
    const rows = parseCsv(result.csv);
    expect(rows[0]).toEqual(DEFAULT_HEADER);
    expect(rows).toHaveLength(4);
    expect(result.included).toBe(3);
  });

  it('writes every field in its column', () => {
    // Her own consent to LinkedIn messages keeps the LinkedIn URL in a direct-marketing file (PECR reg. 22; crm-channels).
    const c = exportable(li('prospecting'), { person: { consents: [{ purpose: 'prospecting', channels: ['email', 'linkedin'] }] } });
    const [record] = parseCsvRecords(crmExport([c], { now: NOW, channels: ['email'], purpose: 'prospecting' }).csv);
    expect(record).toEqual({
      'First Name': 'Zoë',
      'Last Name': c.contact.lastName,
      Email: c.contact.email,
      Company: 'Acme Ltd',
      'Job Title': 'Head of Sales',
      'LinkedIn URL': c.contact.profileUrl,
      'Connected On': '2020-06-15',
      "Legal basis for processing contact's data": 'Legitimate interest – prospect/lead',
      'Lawful basis': 'Legitimate interests (UK GDPR Art. 6(1)(f))',
      Purpose: 'Prospecting',
    });
  });

  it('writes missing values as empty cells', () => {
    const c = exportable(li('prospecting'), { emailKind: 'none', contact: { email: null, profileUrl: null, connectedOn: null } });
    const [record] = parseCsvRecords(crmExport([c], { now: NOW, channels: ['email'], purpose: 'prospecting' }).csv);
    expect(record).toMatchObject({ Email: '', 'LinkedIn URL': '', 'Connected On': '' });
  });
});

describe('crmExport: email marketing (PECR reg. 22)', () => {
  it('under legitimate interests, withholds the emails of personal mailboxes and sole traders and keeps the rest of their rows', () => {
    const corporate = exportable(li());
    const personal = exportable(li(), { emailKind: 'personal', contact: { email: 'zoe@gmail.com' } });
    const soleTrader = exportable(li(), { soleTrader: true });
    const result = crmExport([corporate, personal, soleTrader], { now: NOW, channels: ['email'], purpose: 'email-marketing' });
    expect(result.included).toBe(3);
    expect(result.emailsWithheld).toEqual([
      { id: personal.id, reason: 'individual-subscriber-without-consent' },
      { id: soleTrader.id, reason: 'individual-subscriber-without-consent' },
    ]);
    const records = parseCsvRecords(result.csv);
    expect(records.map((r) => r.Email)).toEqual([corporate.contact.email, '', '']);
    expect(records.map((r) => r['Last Name'])).toEqual([corporate, personal, soleTrader].map((c) => c.contact.lastName));
    expect(result.csv).not.toContain('zoe@gmail.com');
    expect(result.csv).not.toContain(soleTrader.contact.email);
    expect(result.notes.some((n) => n.includes('PECR reg. 22'))).toBe(true);
    // PECR reg. 22(2)-(3): consent or the soft opt-in, not consent alone.
    expect(result.notes.join(' ')).toContain('needs their consent to email or the soft opt-in (PECR reg. 22(2)-(3))');
  });

  it('under consent, keeps the emails of personal mailboxes and sole traders', () => {
    const personal = exportable(consent(), { emailKind: 'personal', contact: { email: 'zoe@gmail.com' } });
    const soleTrader = exportable(consent(), { soleTrader: true });
    const result = crmExport([personal, soleTrader], { now: NOW, channels: ['email'], purpose: 'email-marketing' });
    expect(result.emailsWithheld).toEqual([]);
    expect(parseCsvRecords(result.csv).map((r) => r.Email)).toEqual(['zoe@gmail.com', soleTrader.contact.email]);
  });

  it('withholds when any source says individual subscriber (the stricter reading wins)', () => {
    const kindOnRow = exportable(li(), { facts: { emailKind: 'corporate' }, emailKind: 'personal' });
    const soleTraderInContact = exportable(li(), { contact: { soleTrader: true } });
    const result = crmExport([kindOnRow, soleTraderInContact], { now: NOW, channels: ['email'], purpose: 'email-marketing' });
    expect(result.emailsWithheld.map((w) => w.id)).toEqual([kindOnRow.id, soleTraderInContact.id]);
  });

  it('lists nothing when there is no email to withhold, or the Email column is not exported', () => {
    const noEmail = exportable(li(), { emailKind: 'personal', contact: { email: null } });
    const personal = exportable(li(), { emailKind: 'personal' });
    expect(crmExport([noEmail], { now: NOW, channels: ['email'], purpose: 'email-marketing' }).emailsWithheld).toEqual([]);
    const namesOnly = crmExport([personal], { now: NOW, channels: ['email'], purpose: 'email-marketing', fields: ['firstName', 'lastName'] });
    expect(namesOnly.emailsWithheld).toEqual([]);
    expect(namesOnly.included).toBe(1);
  });

  it('does not apply the email rule to an export that is not direct marketing', () => {
    const personal = exportable(li('networking'), { emailKind: 'personal', contact: { email: 'zoe@gmail.com' } });
    const result = crmExport([personal], { now: NOW, channels: ['email'], directMarketing: false, purpose: 'networking' });
    expect(result.directMarketing).toBe(false);
    expect(result.emailsWithheld).toEqual([]);
    expect(parseCsvRecords(result.csv)[0]?.Email).toBe('zoe@gmail.com');
  });
});

describe('crmExport: what the law keeps per person', () => {
  it('a consent group exports only people with their own live consent for the purpose (Art. 6(1)(a), Art. 7(1))', () => {
    const own = exportable(consent());
    const none = exportable(consent(), { person: { consents: [] } });
    const otherPurpose = exportable(consent(), { person: { consents: [{ purpose: 'events', channels: ['email'] }] } });
    const result = crmExport([own, none, otherPurpose], { now: NOW, channels: ['email'], purpose: 'email-marketing' });
    expect(result.includedIds).toEqual([own.id]);
    expect(result.excluded).toEqual([
      { id: none.id, reason: 'no-consent-on-record' },
      { id: otherPurpose.id, reason: 'no-consent-on-record' },
    ]);
    expect(result.notes.some((n) => n.includes('no consent on record') && n.includes('Art. 7(1)'))).toBe(true);
  });

  it('a person who withdrew consent for the purpose is left out, whatever the basis (Art. 7(3)); other purposes still use them', () => {
    const withdrawn = exportable(li('prospecting'), { person: { suppressedPurposes: new Set(['prospecting']) } });
    expect(crmExport([withdrawn], { now: NOW, channels: ['email'], purpose: 'prospecting' }).excluded).toEqual([{ id: withdrawn.id, reason: 'consent-withdrawn' }]);
    const elsewhere = exportable(li('networking'), { person: { suppressedPurposes: new Set(['prospecting']) } });
    expect(crmExport([elsewhere], { now: NOW, channels: ['email'], directMarketing: false, purpose: 'networking' }).included).toBe(1);
  });

  it('a marketing export holds back people not yet told (Art. 14(3)); a notice run includes only them', () => {
    const told = exportable(li('prospecting'));
    const untold = exportable(li('prospecting'), { person: { noticeGiven: false } });
    const marketing = crmExport([told, untold], { now: NOW, channels: ['email'], purpose: 'prospecting' });
    expect(marketing.includedIds).toEqual([told.id]);
    expect(marketing.excluded).toEqual([{ id: untold.id, reason: 'notice-not-given' }]);
    const run = crmExport([told, untold], { now: NOW, channels: ['email'], purpose: 'prospecting', noticeRun: true });
    expect(run.includedIds).toEqual([untold.id]);
    expect(run.excluded).toEqual([{ id: told.id, reason: 'notice-already-given' }]);
  });

  it('a notice run writes only how to reach the person, for the notice: no marketing basis, no job or company', () => {
    const untold = exportable(li('prospecting'), { person: { noticeGiven: false } });
    const run = crmExport([untold], { now: NOW, channels: ['email'], purpose: 'prospecting', noticeRun: true, fields: ['company', 'position'] });
    expect(parseCsv(run.csv)[0]).toEqual(['First Name', 'Last Name', 'Email', 'LinkedIn URL', 'Purpose']);
    expect(parseCsvRecords(run.csv)[0]).toMatchObject({ Purpose: 'Privacy notice (UK GDPR Art. 14) only: not for marketing' });
    expect(run.csv).not.toContain(untold.contact.company);
    expect(run.csv).not.toMatch(/Legitimate interest/);
  });

  it('says why the others were left out: no lawful basis, another purpose', () => {
    const result = crmExport([exportable(null), exportable(li('networking'))], { now: NOW, channels: ['email'], purpose: 'prospecting' });
    expect(result.notes.join(' ')).toMatch(/1 contact has no lawful basis yet .*1 contact is in groups for another purpose/);
  });

  it('a notice run keeps the emails of individual subscribers: the notice is not marketing (PECR reg. 22 does not apply)', () => {
    const personal = exportable(li(), { emailKind: 'personal', contact: { email: 'zoe@gmail.com' }, person: { noticeGiven: false } });
    const run = crmExport([personal], { now: NOW, channels: ['email'], purpose: 'email-marketing', noticeRun: true });
    expect(run.emailsWithheld).toEqual([]);
    expect(run.csv).toContain('zoe@gmail.com');
  });

  it('a non-marketing export includes people not yet told, and says their notice is now due (Art. 14(3)(c))', () => {
    const untold = exportable(li('recruitment'), { person: { noticeGiven: false } });
    const result = crmExport([untold], { now: NOW, channels: ['email'], purpose: 'recruitment' });
    expect(result.includedIds).toEqual([untold.id]);
    expect(result.notes.some((n) => n.includes('Art. 14(3)(c)'))).toBe(true);
  });

  it("an individual subscriber's own consent to email lets their email be used under legitimate interests (PECR reg. 22)", () => {
    const consented = exportable(li(), { emailKind: 'personal', contact: { email: 'zoe@gmail.com' }, person: { consents: [{ purpose: 'email-marketing', channels: ['email'] }] } });
    const notByEmail = exportable(li(), { emailKind: 'personal', contact: { email: 'ann@gmail.com' }, person: { consents: [{ purpose: 'email-marketing', channels: ['phone'] }] } });
    const result = crmExport([consented, notByEmail], { now: NOW, channels: ['email'], purpose: 'email-marketing' });
    expect(result.emailsWithheld).toEqual([{ id: notByEmail.id, reason: 'individual-subscriber-without-consent' }]);
    expect(parseCsvRecords(result.csv).map((r) => r.Email)).toEqual(['zoe@gmail.com', '']);
  });

  it('a consent that does not cover email keeps the person but withholds the email (PECR reg. 22)', () => {
    const byPost = exportable(consent(), { person: { consents: [{ purpose: 'email-marketing', channels: ['post'] }] } });
    const result = crmExport([byPost], { now: NOW, channels: ['email'], purpose: 'email-marketing' });
    expect(result.included).toBe(1);
    expect(result.emailsWithheld).toEqual([{ id: byPost.id, reason: 'consent-does-not-cover-email' }]);
  });
});

describe('crmExport: the legitimate interests assessment must be current for marketing (UK GDPR Art. 5(2), Art. 6(1)(f))', () => {
  const unsigned = (purpose: Purpose) =>
    policy('legitimate-interests', { purpose, evidence: Object.fromEntries(Object.entries(EVIDENCE['legitimate-interests']).filter(([k]) => k !== 'signedOffBy' && k !== 'signedOffAt')) });
  const PAST_REVIEW = new Date('2026-01-11T09:00:00Z'); // the builders' LIA was due for review by 2026-01-10

  it.each(MARKETING_PURPOSES)('an expired LIA blocks a %s export: its group is left out with the reason and a note', (purpose) => {
    const expired = exportable(li(purpose));
    const result = crmExport([expired], { now: PAST_REVIEW, channels: ['email'], purpose });
    expect(result.included).toBe(0);
    expect(result.excluded).toEqual([{ id: expired.id, reason: 'lia-not-current' }]);
    expect(result.notes.join(' ')).toMatch(/1 person in a legitimate-interests group was left out of this marketing export: .*not signed off or is past its review date \(UK GDPR Art\. 5\(2\), Art\. 6\(1\)\(f\)\)/);
    // Not firing: on the review day itself the LIA is still current.
    expect(crmExport([expired], { now: new Date('2026-01-10T23:00:00Z'), channels: ['email'], purpose }).included).toBe(1);
  });

  it('an unsigned LIA blocks a marketing export; a signed one does not', () => {
    const notSigned = exportable(unsigned('prospecting'));
    const signed = exportable(li('prospecting'));
    const result = crmExport([notSigned, signed], { now: NOW, channels: ['email'], purpose: 'prospecting' });
    expect(result.includedIds).toEqual([signed.id]);
    expect(result.excluded).toEqual([{ id: notSigned.id, reason: 'lia-not-current' }]);
  });

  it('does not apply to exports that are not marketing, to a notice run, or to other bases', () => {
    expect(crmExport([exportable(unsigned('networking'))], { now: PAST_REVIEW, channels: ['email'], directMarketing: false, purpose: 'networking' }).included).toBe(1);
    const untold = exportable(unsigned('prospecting'), { person: { noticeGiven: false } });
    expect(crmExport([untold], { now: PAST_REVIEW, channels: ['email'], purpose: 'prospecting', noticeRun: true }).includedIds).toEqual([untold.id]);
    expect(crmExport([exportable(consent())], { now: PAST_REVIEW, channels: ['email'], purpose: 'email-marketing' }).included).toBe(1);
  });
});

describe('crmExport: a basis that cannot carry direct marketing (Art. 6(1)(b)-(e))', () => {
  it.each(['contract', 'legal-obligation', 'vital-interests', 'public-task'] as const)(
    'leaves out a %s group from an export declared direct marketing, whatever purpose the group was assigned for',
    (basis) => {
      const c = exportable(policy(basis, { purpose: 'account-management' }));
      const marketing = crmExport([c], { now: NOW, channels: ['email'], purpose: 'account-management', directMarketing: true });
      expect(marketing.excluded).toEqual([{ id: c.id, reason: 'basis-not-for-marketing' }]);
      expect(marketing.notes.join(' ')).toMatch(/cannot carry direct marketing \(UK GDPR Art\. 6\(1\)\(b\)-\(e\)\)/);
      // The same group, exported for what it was assigned for and not as marketing, is exported.
      expect(crmExport([c], { now: NOW, channels: ['email'], purpose: 'account-management', directMarketing: false }).included).toBe(1);
    },
  );

  it('leaves out a contract group saved for prospecting before contract was refused for marketing', () => {
    const c = exportable(policy('contract', { purpose: 'prospecting' }));
    expect(crmExport([c], { now: NOW, channels: ['email'], purpose: 'prospecting' }).excluded).toEqual([{ id: c.id, reason: 'basis-not-for-marketing' }]);
    expect(crmExport([exportable(li('prospecting'))], { now: NOW, channels: ['email'], purpose: 'prospecting' }).included).toBe(1);
  });
});

describe('hubspotLegalBasis', () => {
  const expected: [LawfulBasis, Purpose, string | null][] = [
    ['consent', 'email-marketing', 'Freely given consent from contact'],
    ['consent', 'account-management', 'Freely given consent from contact'],
    ['contract', 'account-management', 'Performance of a contract'],
    ['contract', 'other', 'Performance of a contract'],
    ['legitimate-interests', 'prospecting', 'Legitimate interest – prospect/lead'],
    ['legitimate-interests', 'email-marketing', 'Legitimate interest – prospect/lead'],
    ['legitimate-interests', 'events', 'Legitimate interest – prospect/lead'],
    ['legitimate-interests', 'account-management', 'Legitimate interest – existing customer'],
    ['legitimate-interests', 'recruitment', 'Legitimate interest - other'],
    ['legitimate-interests', 'networking', 'Legitimate interest - other'],
    ['legitimate-interests', 'other', 'Legitimate interest - other'],
    ['legal-obligation', 'account-management', null],
    ['vital-interests', 'events', null],
    ['public-task', 'other', null],
  ];
  it.each(expected)('%s for %s → %j', (basis, purpose, value) => {
    expect(hubspotLegalBasis(basis, purpose)).toBe(value);
  });

  it("uses HubSpot's own dashes: en dash in the first two options, hyphen in 'other'", () => {
    expect(HUBSPOT_LEGAL_BASES[0]).toBe('Legitimate interest \u2013 prospect/lead');
    expect(HUBSPOT_LEGAL_BASES[1]).toBe('Legitimate interest \u2013 existing customer');
    expect(HUBSPOT_LEGAL_BASES[2]).toBe('Legitimate interest - other');
  });

  it('only ever answers one of HubSpot’s options, never "Not applicable"', () => {
    for (const basis of LAWFUL_BASES) {
      for (const purpose of PURPOSES) {
        const value = hubspotLegalBasis(basis, purpose);
        if (value !== null) expect(HUBSPOT_LEGAL_BASES).toContain(value);
        expect(value).not.toBe('Not applicable');
      }
    }
  });

  it('leaves the HubSpot column empty for a basis HubSpot lacks, and says why', () => {
    const c = exportable(policy('legal-obligation', { purpose: 'account-management' }));
    const result = crmExport([c], { now: NOW, channels: ['email'], purpose: 'account-management' });
    const [record] = parseCsvRecords(result.csv);
    expect(record?.["Legal basis for processing contact's data"]).toBe('');
    expect(record?.['Lawful basis']).toBe('Legal obligation (UK GDPR Art. 6(1)(c))');
    expect(record?.Purpose).toBe('Account management');
    expect(result.notes).toEqual([expect.stringContaining('HubSpot has no legal basis option for Legal obligation')]);
  });

  it('writes the value per row in the export', () => {
    const result = crmExport([exportable(consent()), exportable(li())], { now: NOW, channels: ['email'], purpose: 'email-marketing' });
    expect(parseCsvRecords(result.csv).map((r) => r["Legal basis for processing contact's data"])).toEqual([
      'Freely given consent from contact',
      'Legitimate interest – prospect/lead',
    ]);
    expect(result.notes.filter((n) => n.includes('HubSpot'))).toEqual([]);
  });
});

describe('crmExport: requested fields only', () => {
  it('writes only the requested columns, in the standard order, then the basis columns', () => {
    const c = exportable(li('prospecting'), { contact: { company: 'Secret Co', position: 'Secret Role' } });
    const result = crmExport([c], { now: NOW, channels: ['email'], purpose: 'prospecting', fields: ['email', 'firstName'] });
    const rows = parseCsv(result.csv);
    expect(rows[0]).toEqual(['First Name', 'Email', "Legal basis for processing contact's data", 'Lawful basis', 'Purpose']);
    expect(rows[1]).toEqual(['Zoë', c.contact.email, 'Legitimate interest – prospect/lead', 'Legitimate interests (UK GDPR Art. 6(1)(f))', 'Prospecting']);
    for (const leaked of ['Secret Co', 'Secret Role', c.contact.lastName, c.contact.profileUrl ?? '?', '2020-06-15']) {
      expect(result.csv).not.toContain(leaked);
    }
  });

  it('writes every field when none are requested', () => {
    expect(CRM_FIELDS).toHaveLength(7);
    expect(parseCsv(crmExport([], { now: NOW, channels: ['email'], purpose: 'events' }).csv)).toEqual([DEFAULT_HEADER]);
  });
});

describe('crmExport: CSV injection', () => {
  it('exports a formula in Job Title (and elsewhere) as text', () => {
    const formula = '=HYPERLINK("http://evil.example","click")';
    const c = exportable(li('prospecting'), { contact: { position: formula, company: '-dash Ltd', firstName: '@SUM(A1:A9)', lastName: '+44 CEO' } });
    const [record] = parseCsvRecords(crmExport([c], { now: NOW, channels: ['email'], purpose: 'prospecting' }).csv);
    expect(record).toMatchObject({
      'Job Title': `'${formula}`,
      Company: "'-dash Ltd",
      'First Name': "'@SUM(A1:A9)",
      'Last Name': "'+44 CEO",
    });
  });
});
