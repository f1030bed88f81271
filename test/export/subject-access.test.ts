// Subject access (Art. 15): every field held about the person, with purposes, basis, recipients, retention,
// source and rights, as JSON and as a two-column CSV.
import { describe, expect, it } from 'vitest';
import { privacyNotice } from '../../src/export/privacy-notice.js';
import { rightsFor } from '../../src/export/rights.js';
import { rightsOf, subjectAccessCsv, subjectAccessJson, type SubjectAccessData } from '../../src/export/subject-access.js';
import { LAWFUL_BASES, type GroupPolicy } from '../../src/policy/lawful-basis.js';
import type { StoredContact } from '../../src/vault/contacts-repo.js';
import { EVIDENCE, policy } from '../policy/builders.js';
import { parseCsv, storedContact } from './helpers.js';

const RETENTION = 'Kept until 2027-01-10: 24 months after import under the group "Prospects", then destroyed.';

function data(overrides: Partial<SubjectAccessData> = {}, contact: Partial<StoredContact> = {}): SubjectAccessData {
  return {
    contactId: 'c-42',
    contact: storedContact({
      email: 'zoe@acme.example',
      specialCategories: ['health'],
      extra: { Phone: '+44 20 7946 0000', Notes: '=HYPERLINK("http://evil.example","click")' },
      ...contact,
    }),
    groupLabel: 'Prospects',
    policy: policy('legitimate-interests'),
    createdAt: '2025-01-10T09:00:00.000Z',
    updatedAt: '2025-01-12T10:00:00.000Z',
    expiresAt: '2027-01-10',
    legalHold: false,
    retentionExplanation: RETENTION,
    recipients: ['HubSpot (CRM), when exported'],
    source: 'LinkedIn connections export',
    consents: [],
    notice: null,
    suppressions: [],
    ...overrides,
  };
}

const json = (d: SubjectAccessData) => JSON.parse(subjectAccessJson(d)) as Record<string, unknown> & {
  personalData: Record<string, unknown>;
  lawfulBasis: { basis: string; evidence: Record<string, string>; art9Condition?: string };
  retention: Record<string, unknown>;
  source: Record<string, unknown>;
  rights: string[];
  purposes: { purpose: string; description: string }[];
  recipients: string[];
};

describe('subjectAccessJson', () => {
  it('is pretty-printed JSON with the Art. 15 sections', () => {
    const text = subjectAccessJson(data());
    expect(text).toContain('\n  "personalData": {');
    expect(Object.keys(JSON.parse(text) as object)).toEqual([
      'contactId',
      'personalData',
      'purposes',
      'lawfulBasis',
      'consents',
      'privacyNotice',
      'suppressionList',
      'recipients',
      'retention',
      'source',
      'automatedDecisionMaking',
      'rights',
    ]);
  });

  it('contains every field held about the person', () => {
    const d = data();
    const report = json(d);
    const { source, ...held } = d.contact;
    expect(report.personalData).toEqual({ ...held, group: 'Prospects' });
    expect(report.source).toEqual({ description: 'LinkedIn connections export', importId: source.importId, line: source.line });
    expect(report.contactId).toBe('c-42');
  });

  it('gives the purpose, the basis with its evidence (not who assessed it), recipients, retention and rights', () => {
    const report = json(data());
    const li = EVIDENCE['legitimate-interests'];
    expect(report.purposes).toEqual([{ purpose: 'Email marketing', description: 'Monthly product news to the people in this group.' }]);
    expect(report.lawfulBasis.basis).toBe('Legitimate interests (UK GDPR Art. 6(1)(f))');
    expect(Object.values(report.lawfulBasis.evidence)).toEqual([li.purposeTest, li.necessityTest, li.balancingTest, li.optOut, li.assessedAt, li.version, li.signedOffAt, '2026-01-10']);
    expect(JSON.stringify(report)).not.toContain(li.assessedBy);
    expect(JSON.stringify(report)).not.toContain(li.signedOffBy);
    expect(report.recipients).toEqual(['HubSpot (CRM), when exported']);
    expect(report.retention).toEqual({
      createdAt: '2025-01-10T09:00:00.000Z',
      updatedAt: '2025-01-12T10:00:00.000Z',
      expiresAt: '2027-01-10',
      legalHold: false,
      explanation: RETENTION,
    });
    for (const right of ['Access', 'Rectification', 'Erasure', 'Restriction', 'Objection', 'Complaint']) {
      expect(report.rights.some((r) => r.startsWith(right))).toBe(true);
    }
    expect(report.rights.join(' ')).toContain('ico.org.uk');
  });

  const OWN_CONSENT = {
    purpose: 'email-marketing' as const,
    channels: ['email'],
    obtainedAt: '2025-01-05',
    method: 'form',
    wording: 'Yes, send me your newsletter by email.',
    wordingVersion: 'v2',
    withdrawnAt: null,
    unconfirmed: false,
  };

  it('adds the way to withdraw consent when the person gave it, and an Art. 9(2) condition when the group has one', () => {
    const p: GroupPolicy = policy('consent', { art9Condition: 'explicit-consent', art9Justification: 'They ticked a separate box for health data.' });
    const report = json(data({ policy: p, consents: [OWN_CONSENT] }));
    expect(report.rights).toContainEqual(expect.stringContaining(String(EVIDENCE.consent.withdrawalRoute)));
    expect(report.consents).toEqual([OWN_CONSENT]);
    expect(report.lawfulBasis.art9Condition).toBe('explicit-consent: They ticked a separate box for health data.');
  });

  it("never presents the group's consent record as the person's own (Art. 7(1)): without their own record it says so", () => {
    const report = json(data({ policy: policy('consent') }));
    expect(JSON.stringify(report)).not.toContain(String(EVIDENCE.consent.wording));
    expect(JSON.stringify(report)).not.toContain(String(EVIDENCE.consent.obtainedAt));
    expect(report.lawfulBasis).toMatchObject({ yourConsent: expect.stringMatching(/^No consent of yours is on record/) });
    expect(report.rights.join(' ')).not.toMatch(/Withdrawing consent/);
    // A withdrawn or unconfirmed record does not count either, but is shown.
    const withdrawn = json(data({ policy: policy('consent'), consents: [{ ...OWN_CONSENT, withdrawnAt: '2025-02-01' }, { ...OWN_CONSENT, unconfirmed: true }] }));
    expect(withdrawn.lawfulBasis).toMatchObject({ yourConsent: expect.any(String) });
    expect(subjectAccessCsv(data({ policy: policy('consent'), consents: [{ ...OWN_CONSENT, withdrawnAt: '2025-02-01' }] }))).toContain('withdrawn on 2025-02-01');
  });

  it('says whether and how the person was told (Art. 14), and lists their suppression entries', () => {
    expect(json(data()).privacyNotice).toBe('Not yet sent');
    const told = json(data({ notice: { status: 'sent', day: '2025-01-20', channel: 'email', version: 'v3', exemption: null, confirmed: true }, suppressions: [{ reason: 'objection', purpose: null, createdAt: '2025-03-01T10:00:00.000Z', liftedAt: null }] }));
    expect(told.privacyNotice).toBe('Sent on 2025-01-20 by email, version v3');
    expect(told.suppressionList).toEqual([expect.objectContaining({ reason: 'objection' })]);
  });

  it('says so when there is no group, no basis and no recipients', () => {
    const report = json(data({ policy: null, groupLabel: null, recipients: [], expiresAt: null, legalHold: true }));
    expect(report.purposes).toEqual([]);
    expect(report.lawfulBasis).toEqual({ basis: expect.stringContaining('quarantine'), evidence: {} });
    expect(report.recipients).toEqual(['None outside the controller']);
    expect(report.personalData.group).toBeNull();
    expect(report.retention).toMatchObject({ expiresAt: null, legalHold: true, explanation: RETENTION });
  });

  it('falls back to the LinkedIn source words when none are given', () => {
    expect(json(data({ source: '' })).source.description).toBe('LinkedIn connections export');
  });
});

describe('subjectAccessCsv', () => {
  it('has the columns Item and Value and parses back', () => {
    const rows = parseCsv(subjectAccessCsv(data()));
    expect(rows[0]).toEqual(['Item', 'Value']);
    expect(rows.length).toBeGreaterThan(20);
  });

  it('contains every field held, the basis, the retention explanation and the rights', () => {
    const d = data();
    const items = new Map<string, string[]>();
    for (const [item = '', value = ''] of parseCsv(subjectAccessCsv(d)).slice(1)) items.set(item, [...(items.get(item) ?? []), value]);
    const one = (item: string) => items.get(item)?.[0];
    const c = d.contact;
    expect(one('Contact id')).toBe('c-42');
    expect(one('First name')).toBe(c.firstName);
    expect(one('Last name')).toBe(c.lastName);
    expect(one('Email')).toBe(c.email);
    expect(one('Company')).toBe(c.company);
    expect(one('Position')).toBe(c.position);
    expect(one('LinkedIn profile URL')).toBe(c.profileUrl);
    expect(one('Connected on')).toBe(c.connectedOn);
    expect(one('Self-employed or sole trader')).toBe('no');
    expect(one('Possible special-category hints in the data kept')).toBe('health');
    expect(one('Other: Phone')).toBe("'+44 20 7946 0000");
    expect(one('Other: Notes')).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(one('Group')).toBe('Prospects');
    expect(one('Lawful basis')).toBe('Legitimate interests (UK GDPR Art. 6(1)(f))');
    expect(one('Evidence: The legitimate interest pursued')).toBe(EVIDENCE['legitimate-interests'].purposeTest);
    expect(one('Recipients')).toBe('HubSpot (CRM), when exported');
    expect(one('Created')).toBe(d.createdAt);
    expect(one('Last updated')).toBe(d.updatedAt);
    expect(one('Expires')).toBe('2027-01-10');
    expect(one('Legal hold')).toBe('no');
    expect(one('Retention')).toBe(RETENTION);
    expect(one('Source')).toBe('LinkedIn connections export');
    expect(one('Source import id')).toBe(c.source.importId);
    expect(one('Source line')).toBe(String(c.source.line));
    // Legitimate interests: access, rectification, erasure, restriction, the Art. 21(1) objection, the objection to
    // direct marketing and complaints; no portability (Art. 20 does not apply to this basis).
    expect(items.get('Right')).toHaveLength(7);
  });

  it('says which hints were stripped at import, by category only, beside those in the data kept', () => {
    const hints = (contact: Partial<StoredContact>) => {
      const rows = parseCsv(subjectAccessCsv(data({}, contact)));
      return rows.find(([item]) => item === 'Possible special-category hints in the data kept')?.[1];
    };
    expect(hints({ specialCategories: ['political-opinions'], strippedCategories: ['health'] })).toBe('political opinions; stripped (health)');
    expect(hints({ specialCategories: [], strippedCategories: ['criminal-offences', 'health'] })).toBe('stripped (criminal offences, health)');
    expect(hints({ specialCategories: [], strippedCategories: [] })).toBe('none');
    expect(json(data({}, { specialCategories: [], strippedCategories: ['health'] })).personalData).toMatchObject({ specialCategories: [], strippedCategories: ['health'] });
  });
});

describe('rights by lawful basis, the same list as the privacy notice gives (src/export/rights.ts)', () => {
  const rights = (p: GroupPolicy | null) => rightsOf(p).join('\n');

  it('offers portability only under consent or contract (Art. 20(1)(a))', () => {
    expect(rights(policy('consent'))).toContain('Portability');
    expect(rights(policy('contract'))).toContain('Portability');
    for (const basis of ['legitimate-interests', 'legal-obligation', 'vital-interests', 'public-task'] as const) expect(rights(policy(basis))).not.toContain('Portability');
    expect(rights(null)).not.toContain('Portability');
  });

  it('offers the Art. 21(1) objection only under legitimate interests or public task', () => {
    expect(rights(policy('legitimate-interests'))).toContain('based on legitimate interests');
    expect(rights(policy('public-task'))).toContain('based on a task in the public interest');
    for (const basis of ['consent', 'contract', 'legal-obligation', 'vital-interests'] as const) expect(rights(policy(basis))).not.toContain('Art. 21(1)');
  });

  it('always states the absolute right to object to direct marketing (Art. 21(2)-(3)), on every basis and in quarantine', () => {
    for (const p of [...LAWFUL_BASES.map((b) => policy(b)), null]) expect(rights(p)).toContain('Objection to direct marketing: to object at any time to the use of your data for direct marketing, which then stops (Art. 21(2)-(3))');
  });

  it('offers complaints to us (DPA 2018 s.164A) and the right to complain to the ICO (Art. 77), not only once we have answered', () => {
    const complaint = rightsOf(policy('consent')).find((r) => r.startsWith('Complaint'))!;
    expect(complaint).toContain('you can complain to us, the controller');
    expect(complaint).toContain('Data Protection Act 2018 s.164A, as inserted by the Data (Use and Access) Act 2025');
    expect(complaint).toContain("you also have the right to complain to the Information Commissioner's Office (ICO), https://ico.org.uk/make-a-complaint/ (Art. 77), which usually expects you to raise it with us first");
    // The right to complain to the ICO is not made conditional on our answer (Art. 77).
    expect(complaint).not.toMatch(/controller first|if you are not satisfied/);
  });

  it('is the list the privacy notice gives, less the sections it shows apart (the Art. 21(4) objection, complaints)', () => {
    for (const basis of LAWFUL_BASES) {
      const notice = privacyNotice({
        controller: { name: 'Acme Payroll Ltd', contact: 'privacy@acme.example' },
        policy: policy(basis),
        categories: [],
        specialCategories: [],
        source: 'linkedin-connections',
        recipients: [],
        retention: null,
      }).text;
      const list = notice.slice(notice.indexOf('YOUR RIGHTS'), notice.indexOf('COMPLAINTS'));
      for (const right of rightsFor(policy(basis))) {
        if (right.id === 'object-direct-marketing' || right.id === 'complaint') expect(list).not.toContain(right.text);
        else expect(list).toContain(right.text);
      }
    }
  });
});
