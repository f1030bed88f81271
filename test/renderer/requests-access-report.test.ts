// A subject access report read for a person (renderer/screens/requests/access-report.ts): the core's own JSON
// (src/export/subject-access.ts) in sections, vocabulary words in plain English, and anything odd shown as "not
// recorded" rather than thrown.
import { describe, expect, it } from 'vitest';
import { subjectAccessJson, type SubjectAccessData } from '../../src/export/subject-access.js';
import { accessFileName, readAccessReport, type AccessReport } from '../../renderer/screens/requests/access-report.js';
import { policy } from '../policy/builders.js';
import { storedContact } from '../export/helpers.js';

function data(overrides: Partial<SubjectAccessData> = {}): SubjectAccessData {
  return {
    contactId: 'f8db379e-a71e-46f8-b807-0dccd8274298',
    contact: storedContact({ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@analytical-engines.example', specialCategories: ['health'], strippedCategories: ['trade-union-membership'], extra: { Phone: '+44 20 7946 0000' } }),
    groupLabel: 'Prospects',
    policy: policy('legitimate-interests'),
    createdAt: '2025-01-10T09:00:00.000Z',
    updatedAt: '2025-01-12T10:00:00.000Z',
    expiresAt: '2027-01-10T09:00:00.000Z',
    legalHold: false,
    retentionExplanation: 'Kept 24 months after import.',
    recipients: ['HubSpot (CRM), when exported'],
    source: 'LinkedIn connections export',
    consents: [
      { purpose: 'email-marketing', channels: ['email', 'linkedin'], obtainedAt: '2026-01-01', method: 'form', wording: 'Yes please', wordingVersion: 'v1', withdrawnAt: null, unconfirmed: false },
      { purpose: 'events', channels: ['post'], obtainedAt: '2025-03-01', method: 'in-person', wording: 'Invite me', wordingVersion: 'v2', withdrawnAt: '2026-02-01', unconfirmed: false },
    ],
    notice: { status: 'sent', day: '2025-01-20', channel: 'email', version: 'n1', exemption: null, confirmed: true },
    suppressions: [{ reason: 'consent-withdrawn', purpose: 'events', createdAt: '2026-02-01T10:00:00.000Z', liftedAt: null }],
    ...overrides,
  };
}

const section = (r: AccessReport | null, id: string) => r?.sections.find((s) => s.id === id);
const fact = (r: AccessReport | null, id: string, label: string) => section(r, id)?.facts.find((f) => f.label === label)?.value;

describe('readAccessReport', () => {
  it('reads the core’s report into sections in Art. 15(1)’s order', () => {
    const r = readAccessReport(subjectAccessJson(data()));
    expect(r?.name).toBe('Ada Lovelace');
    expect(r?.contactId).toBe('f8db379e-a71e-46f8-b807-0dccd8274298');
    expect(r?.sections.map((s) => s.id)).toEqual(['personal', 'basis', 'consents', 'marketing', 'notice', 'recipients', 'suppression', 'retention', 'source', 'rights']);
    expect(fact(r, 'personal', 'Email')).toBe('ada@analytical-engines.example');
    expect(fact(r, 'personal', 'Special-category hints')).toBe('health; stripped (trade union membership)');
    expect(fact(r, 'personal', 'Other: Phone')).toBe('+44 20 7946 0000');
    expect(fact(r, 'basis', 'Group')).toBe('Prospects');
    expect(fact(r, 'basis', 'Lawful basis')).toMatch(/Art\. 6\(1\)\(f\)/);
    expect(section(r, 'basis')?.facts.some((f) => f.label.startsWith('Evidence: '))).toBe(true);
    expect(fact(r, 'notice', 'Notice')).toMatch(/^Sent on 2025-01-20/);
    expect(section(r, 'recipients')?.list).toEqual(['HubSpot (CRM), when exported']);
    expect(fact(r, 'retention', 'Destroyed on')).toBe('2027-01-10');
    expect(section(r, 'source')?.facts.find((f) => f.label === 'Import id')?.mono).toBe(true);
    expect(section(r, 'rights')?.list.length).toBeGreaterThan(3);
  });

  it('says consents and suppressions in words, never vocabulary keys', () => {
    const r = readAccessReport(subjectAccessJson(data()));
    expect(section(r, 'consents')?.list).toEqual([
      'Email marketing by Email, LinkedIn message: “Yes please” (version v1), given on 2026-01-01 by a form (web or paper); in force.',
      'Events and invitations by Post: “Invite me” (version v2), given on 2025-03-01 in person; withdrawn on 2026-02-01.',
    ]);
    expect(section(r, 'suppression')?.list).toEqual(['Withdrew consent (Art. 7(3)) for events and invitations, since 2026-02-01; in force.']);
    const text = JSON.stringify(r);
    for (const key of ['email-marketing', 'consent-withdrawn', 'in-person', '"linkedin"']) expect(text).not.toContain(key);
  });

  it('reads a quarantined person with nothing recorded', () => {
    const r = readAccessReport(subjectAccessJson(data({ groupLabel: null, policy: null, consents: [], suppressions: [], recipients: [], notice: null, expiresAt: null })));
    expect(fact(r, 'basis', 'Group')).toBe('none: the contact is in quarantine');
    expect(fact(r, 'basis', 'Purpose')).toBe('none recorded');
    expect(section(r, 'consents')?.list).toEqual([]);
    expect(section(r, 'consents')?.empty).toMatch(/No consent/);
    expect(fact(r, 'retention', 'Destroyed on')).toBe('no date set');
  });

  it('shows odd or missing fields as not recorded, and refuses what is no report', () => {
    expect(readAccessReport('not json')).toBeNull();
    expect(readAccessReport('[1,2]')).toBeNull();
    expect(readAccessReport('{"contactId":"x"}')).toBeNull();
    const odd = readAccessReport(JSON.stringify({ personalData: { firstName: 7, email: '' }, consents: 'nope', rights: [1, 'Access'] }));
    expect(odd?.name).toBe('This person (no name held)');
    expect(fact(odd, 'personal', 'First name')).toBe('7');
    expect(fact(odd, 'personal', 'Email')).toBe('none held');
    expect(fact(odd, 'retention', 'Why')).toBe('not recorded');
    expect(section(odd, 'rights')?.list).toEqual(['Access']);
  });
});

describe('accessFileName', () => {
  it('names the file by the start of the contact id and the day, not by the person', () => {
    expect(accessFileName('f8db379e-a71e-46f8-b807-0dccd8274298', '2026-11-29', 'json')).toBe('subject-access-f8db379e-2026-11-29.json');
    expect(accessFileName('', '2026-11-29', 'csv')).toBe('subject-access-person-2026-11-29.csv');
  });
});
