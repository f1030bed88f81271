// Acceptance (issue 11, point 4): Art. 9 and Art. 10 for real, through the router every front end calls. For direct
// marketing only each person's explicit consent or data they made public (with where) will do; a DPA 2018 Sch. 1
// condition needs its appropriate policy document; and the check runs at every import into a group and at every
// export, not only when a basis is assigned. Each test cites its article and shows the rule firing and not firing.
import { describe, expect, it } from 'vitest';
import type { Response } from '../../src/api/contract.js';
import { allContacts } from '../support/contacts.js';
import { HEADER, scratch } from '../support/fixtures.js';
import { LIA } from '../support/policies.js';
import { routedClients } from '../support/router-vault.js';
import { auditLog } from '../support/audit.js';

const tmp = scratch();
const clients = routedClients();

const ADA = 'Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace-1815,ada@analytical-engines.example,Analytical Engines Ltd,Head of Computation,10 Dec 2019';
/** A trade-union hint in his job title. */
const CHARLES = 'Charles,Babbage,https://www.linkedin.com/in/charles-babbage-1791,charles@analytical-engines.example,Analytical Engines Ltd,Union rep and Inventor,11 Dec 2019';
/** A health hint in her job title. */
const MARY = 'Mary,Somerville,https://www.linkedin.com/in/mary-somerville-1780,mary@analytical-engines.example,Analytical Engines Ltd,Living with type 1 diabetes,12 Dec 2019';

const PROSPECTING = { basis: 'legitimate-interests', purpose: 'prospecting', purposeDescription: 'Offering our engines to the people we met.', evidence: LIA };
const MADE_PUBLIC = {
  art9Condition: 'made-public-by-data-subject',
  art9Justification: 'They state these roles themselves, in public, on their own profiles.',
  art9MadePublicWhere: 'The headlines of their own public LinkedIn profiles',
};
const EXPLICIT_POLICY = {
  basis: 'consent',
  purpose: 'prospecting',
  purposeDescription: 'Offering our engines to the people who asked us to.',
  evidence: { method: 'Sign-up form, unticked box', obtainedAt: '2026-10-01', wording: 'Tell me about your engines.', withdrawalRoute: 'Unsubscribe link' },
  art9Condition: 'explicit-consent',
  art9Justification: 'Each person ticked a separate box agreeing to our use of what their profile says about them.',
};
const consentFor = (explicit: boolean) => ({
  purpose: 'prospecting' as const,
  channels: ['email' as const],
  obtainedAt: '2026-10-15',
  method: 'form' as const,
  wording: explicit ? 'Tell me about your engines, and use what my profile says about my health and my union to do so.' : 'Tell me about your engines.',
  wordingVersion: explicit ? 'explicit-v1' : 'v1',
  proof: 'Form submission 7781',
  explicit,
});

/** A vault on an injected clock with one group (Analytical Engines Ltd), the people of `lines` imported into it. */
async function vault(lines: string[]) {
  const c = await clients.vault(tmp, () => new Date('2026-11-02T09:00:00Z'));
  const { id: groupId } = await c.call('groups.add', { label: 'Analytical Engines', rule: { type: 'company', companies: ['Analytical Engines Ltd'] }, confirm: true });
  const report = await c.call('import.commit', { path: tmp.write([HEADER, ...lines, ''].join('\n')), choices: {} });
  const { recipientId } = await c.call('recipients.add', { name: 'Engine CRM Ltd', role: 'processor', contractDate: '2026-10-01', hostingRegion: 'UK', transfer: 'none' });
  return { ...c, groupId, recipientId, report };
}
type Client = Awaited<ReturnType<typeof vault>>;

const people = async (c: Client) => Object.fromEntries((await allContacts(c.call)).map((x) => [x.firstName, x.id]));
const tellEveryone = async (c: Client) =>
  c.call('notices.markSent', { target: { contactIds: Object.values(await people(c)) }, sentOn: '2026-11-02', version: 'notice-v1', channel: 'email' });
const assign = (c: Client, policy: Record<string, unknown>) => c.call('policy.assign', { groupId: c.groupId, policy, acknowledgeWarnings: true, confirm: true });
const exported = (c: Client) => c.call('export.crm', { purpose: 'prospecting', recipientId: c.recipientId, channels: ['post'] });
/** Each exported person's job title, by last name. */
const jobTitles = (r: Response<'export.crm'>) =>
  Object.fromEntries(
    r.csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .slice(1)
      .map((line) => line.split('","').map((cell) => cell.replace(/^"|"$/g, '')))
      .map((cells) => [cells[1], cells[4]]),
  );

describe('Art. 9(2) conditions for direct marketing (UK GDPR Art. 9(2)(a), (e); DPA 2018 s.122(5))', () => {
  it('refuses vital interests for prospecting with a special-category hint in the group, with the reason', async () => {
    const c = await vault([ADA, CHARLES]);
    const vital = { ...PROSPECTING, art9Condition: 'vital-interests', art9Justification: 'To reach them quickly if something happens at our engine shows.' };
    const refused = await c.refusal('policy.assign', { groupId: c.groupId, policy: vital, acknowledgeWarnings: true, confirm: true });
    expect(refused.code).toBe('guardrail');
    expect(refused.message).toContain('Art. 9(2)(c) vital interests does not fit prospecting, which is direct marketing');
    expect(refused.message).toContain('marketing protects nobody’s life');
    expect((await c.call('groups.list', {})).groups[0]!.policy).toBeNull();
    // The same condition for networking, which is not marketing, is accepted.
    await assign(c, { ...vital, purpose: 'networking' });
    expect((await c.call('groups.list', {})).groups[0]!.policy?.policy.art9Condition).toBe('vital-interests');
  });

  it('accepts (e) with the evidence of where for prospecting, and writes the job title out; refuses it without where', async () => {
    const c = await vault([ADA, CHARLES]);
    const noWhere = await c.refusal('policy.assign', { groupId: c.groupId, policy: { ...PROSPECTING, ...MADE_PUBLIC, art9MadePublicWhere: '' }, acknowledgeWarnings: true, confirm: true });
    expect(noWhere).toMatchObject({ code: 'invalid', message: expect.stringContaining('art9MadePublicWhere: say where the person made this data manifestly public') });
    await assign(c, { ...PROSPECTING, ...MADE_PUBLIC });
    await tellEveryone(c);
    const result = await exported(c);
    expect(jobTitles(result)).toEqual({ Lovelace: 'Head of Computation', Babbage: 'Union rep and Inventor' });
    expect(result.fieldsWithheld).toEqual([]);
  });

  it('accepts (a) explicit consent for the people with an explicit consent record only: the others lose their job title', async () => {
    const c = await vault([CHARLES, MARY]);
    const { guardrails } = await assign(c, EXPLICIT_POLICY);
    // At assignment nobody has an explicit consent yet: a warning names both (Art. 9(2)(a) is each person's own).
    expect(guardrails.find((g) => g.id === 'special-category-needs-art9')).toMatchObject({ severity: 'warn', rule: 'UK GDPR Art. 9(2)(a)' });
    const ids = await people(c);
    await c.call('consent.add', { person: { contactId: ids.Charles! }, consent: consentFor(true) });
    await c.call('consent.add', { person: { contactId: ids.Mary! }, consent: consentFor(false) });
    await tellEveryone(c);
    const result = await exported(c);
    expect(jobTitles(result)).toEqual({ Babbage: 'Union rep and Inventor', Somerville: '' });
    expect(result.fieldsWithheld).toEqual([{ id: ids.Mary, field: 'position', reason: 'special-category-without-condition' }]);
    // Checked again now, the warning names Mary alone.
    const check = await c.call('policy.check', { groupId: c.groupId, policy: EXPLICIT_POLICY });
    expect(check.guardrails.find((g) => g.id === 'special-category-needs-art9')?.contactIds).toEqual([ids.Mary]);
  });
});

describe('DPA 2018 Sch. 1 conditions and the appropriate policy document (s.10(2)-(3); Sch. 1 para. 5(1), Part 4)', () => {
  it('refuses a Sch. 1 Part 2 condition without the appropriate policy document reference, and accepts it with one', async () => {
    const c = await vault([ADA, CHARLES]);
    const spi = {
      ...PROSPECTING,
      purpose: 'networking',
      art9Condition: 'substantial-public-interest',
      art9Justification: 'Equality of opportunity monitoring of the people at our meetups.',
      schedule1Condition: 'Sch. 1 para. 8 (equality of opportunity or treatment)',
    };
    const refused = await c.refusal('policy.assign', { groupId: c.groupId, policy: spi, acknowledgeWarnings: true, confirm: true });
    expect(refused.code).toBe('invalid');
    expect(refused.message).toContain('appropriatePolicyDocument: give the reference of your appropriate policy document (DPA 2018 Sch. 1 Part 4)');
    await assign(c, { ...spi, appropriatePolicyDocument: 'APD-2026-01, held by the DPO' });
    expect((await c.call('groups.list', {})).groups[0]!.policy?.policy).toMatchObject({ schedule1Condition: spi.schedule1Condition, appropriatePolicyDocument: 'APD-2026-01, held by the DPO' });
  });
});

describe('the check runs at every import into a group and at every export (UK GDPR Art. 9(1), Art. 10)', () => {
  it('a later import bringing a hint into an assigned group is reported by line and flags the group; the export withholds the job title or leaves the person out', async () => {
    const c = await vault([ADA]);
    await assign(c, PROSPECTING); // no hint in the group: no condition needed
    // Mary's hint sits in a column LinkedIn does not write: the export cannot withhold it field by field.
    const later = await c.call('import.commit', {
      path: tmp.write(
        [`${HEADER},Notes`, `${CHARLES},`, `${MARY.replace('Living with type 1 diabetes', 'Mathematician')},Diagnosed with diabetes in 2019`, ''].join('\n'),
      ),
      choices: {},
    });
    expect(later).toMatchObject({ added: 2, specialCategoryLines: [2, 3], specialCategoryGroups: [{ groupId: c.groupId, label: 'Analytical Engines', records: 2 }] });
    await tellEveryone(c);
    const ids = await people(c);
    const result = await exported(c);
    expect(jobTitles(result)).toEqual({ Lovelace: 'Head of Computation', Babbage: '' });
    expect(result.csv).not.toMatch(/union|diabetes/i);
    expect(result.fieldsWithheld).toEqual([{ id: ids.Charles, field: 'position', reason: 'special-category-without-condition' }]);
    expect(result.excluded).toEqual([{ id: ids.Mary, reason: 'special-category-without-condition' }]);
    expect(result.notes.join(' ')).toMatch(/1 job title was left empty.*1 person was left out because a hint/);
    // Audited with counts only.
    const entries = await auditLog(c);
    expect(entries.find((e) => e.action === 'import-commit' && e.details.specialCategory === 2)).toBeDefined();
    expect(entries.find((e) => e.action === 'export-crm')?.details).toMatchObject({ fieldsWithheld: 1, specialCategory: 1 });
    expect(JSON.stringify(entries)).not.toMatch(/union|diabetes/i);
  });

  it('does not fire for a hint stripped at import, nor in a group whose condition covers it; fires in quarantine (no basis, no condition)', async () => {
    const c = await vault([ADA]);
    await assign(c, PROSPECTING);
    const stripped = await c.call('import.commit', { path: tmp.write([HEADER, CHARLES, ''].join('\n')), choices: { strip: ['special-category'] } });
    expect(stripped).toMatchObject({ added: 1, specialCategoryLines: [], specialCategoryGroups: [] });
    await tellEveryone(c);
    const result = await exported(c);
    expect(result).toMatchObject({ fieldsWithheld: [], excluded: [] });
    expect(result.csv).not.toMatch(/union/i);

    const covered = await vault([ADA]);
    await assign(covered, { ...PROSPECTING, ...MADE_PUBLIC });
    expect(await covered.call('import.commit', { path: tmp.write([HEADER, CHARLES, ''].join('\n')), choices: {} })).toMatchObject({ specialCategoryLines: [] });

    // Quarantined, the kept hint is still special-category data held without a condition: counted (and checked again at assignment).
    const quarantined = await vault([CHARLES]);
    expect(quarantined.report).toMatchObject({ quarantined: 1, specialCategoryLines: [2], specialCategoryGroups: [{ groupId: quarantined.groupId, label: 'Analytical Engines', records: 1 }] });
  });

  it('under (a), a later import is caught for the newcomer without an explicit consent of their own', async () => {
    const c = await vault([ADA]);
    await assign(c, EXPLICIT_POLICY);
    const later = await c.call('import.commit', { path: tmp.write([HEADER, CHARLES, ''].join('\n')), choices: {} });
    expect(later.specialCategoryLines).toEqual([2]);
  });
});
