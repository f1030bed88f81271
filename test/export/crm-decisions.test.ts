// The export's preview decides as the export does (crmDecisions, no file written): for people left out for every reason
// the export knows, across a marketing export by email, one by SMS and a notice run, its report is the export's
// report without the file, field for field.
import { describe, expect, it } from 'vitest';
import { CRM_EXCLUSIONS, crmDecisions, crmExport, type CrmExportOptions, type ExportableContact, type UnreadContact } from '../../src/export/crm-export.js';
import type { GroupPolicy } from '../../src/policy/lawful-basis.js';
import type { StoredContact } from '../../src/vault/contacts-repo.js';
import { policy, withEvidence } from '../policy/builders.js';
import { storedContact } from './helpers.js';

const NOW = new Date('2025-06-01T12:00:00Z');

let next = 0;
function person(p: GroupPolicy | null, contact: Partial<StoredContact> = {}, extra: Partial<ExportableContact> = {}): ExportableContact {
  next += 1;
  const stored = storedContact(contact);
  const emailKind = stored.email?.endsWith('@gmail.com') ? 'personal' : 'corporate';
  return {
    id: `d${next}`,
    contact: stored,
    groupLabel: 'Prospects',
    policy: p,
    emailKind,
    noticeGiven: true,
    consents: p?.basis === 'consent' ? [{ purpose: p.purpose, channels: ['email'] }] : [],
    facts: { id: `d${next}`, company: stored.company, position: stored.position, emailKind, connectedOn: stored.connectedOn, soleTrader: stored.soleTrader, specialCategories: stored.specialCategories },
    ...extra,
  };
}

const li = policy('legitimate-interests', { purpose: 'prospecting' });
const consent = policy('consent', { purpose: 'prospecting' });
/** Assessed and signed two years before today: past its review date. */
const staleLia = withEvidence('legitimate-interests', { assessedAt: '2023-01-10', signedOffAt: '2023-01-12' }, { purpose: 'prospecting' });

/** Someone left out for each reason, someone with each cell withheld, and people who go in. */
const roster: (ExportableContact | UnreadContact)[] = [
  person(li),
  person(li, { email: 'jo@gmail.com' }), // a personal mailbox without consent: the email withheld (PECR reg. 22)
  person(li, { position: 'Unite union rep', specialCategories: ['trade-union-membership'] }, { hintsFound: { position: ['trade-union-membership'], elsewhere: [] } }),
  person(li, {}, { suppressed: true }),
  person(null),
  person(policy('legitimate-interests', { purpose: 'events' })),
  person(policy('contract', { purpose: 'prospecting' })),
  person(staleLia),
  person(li, {}, { suppressedPurposes: new Set(['prospecting'] as const) }),
  person(consent, {}, { consents: [] }),
  person(li, { company: 'Unite the Union', specialCategories: ['trade-union-membership'] }, { hintsFound: { position: [], elsewhere: ['trade-union-membership'] } }),
  person(li, {}, { noticeGiven: false }),
  person(consent),
  { id: 'unread', excluded: 'no-lawful-basis' }, // left out before it is decrypted
];

const RUNS: Omit<CrmExportOptions, 'now'>[] = [
  { purpose: 'prospecting', channels: ['email'] },
  { purpose: 'prospecting', channels: ['sms'] },
  { purpose: 'prospecting', channels: ['email'], fields: ['firstName', 'email', 'position'] },
  { purpose: 'prospecting', channels: ['email'], noticeRun: true },
];

describe('crmDecisions: the export without its file', () => {
  it('reports exactly what crmExport reports, for people left out for every reason', () => {
    const reasons = new Set<string>();
    for (const run of RUNS) {
      const options = { ...run, now: NOW };
      const { csv, ...made } = crmExport(roster, options);
      expect(csv.length).toBeGreaterThan(0);
      expect(crmDecisions(roster, options), JSON.stringify(run)).toEqual(made);
      for (const reason of Object.keys(made.excludedByReason)) reasons.add(reason);
    }
    expect([...reasons].sort()).toEqual([...CRM_EXCLUSIONS].sort());
  });

  it('reads the contacts once, in order, as the export does (a generator decrypting one at a time)', () => {
    const read: string[] = [];
    function* contacts() {
      for (const c of roster) {
        read.push(c.id);
        yield c;
      }
    }
    crmDecisions(contacts(), { purpose: 'prospecting', channels: ['email'], now: NOW });
    expect(read).toEqual(roster.map((c) => c.id));
  });
});
