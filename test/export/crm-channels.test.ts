// PECR follows the channel, not the purpose's name (issue 11, point 1): any promotion is direct marketing (DPA 2018
// s.122(5)); email, SMS and LinkedIn messages are electronic mail (PECR reg. 22), and for SMS and LinkedIn only a
// subscriber type confirmed by a person makes someone corporate; phone needs a TPS/CTPS screening
// within 28 days (reg. 21(1)(b), 21(4)). Each rule is shown firing and not firing.
import { describe, expect, it } from 'vitest';
import { crmExport, type CrmExportOptions, type ExportableContact } from '../../src/export/crm-export.js';
import type { GroupPolicy, Purpose } from '../../src/policy/lawful-basis.js';
import type { StoredContact } from '../../src/vault/contacts-repo.js';
import { ServiceError } from '../../src/shared/errors.js';
import type { ContactChannel } from '../../src/shared/vocabulary.js';
import { policy } from '../policy/builders.js';
import { parseCsvRecords, storedContact } from './helpers.js';

const NOW = new Date('2025-06-01T12:00:00Z');
const li = (purpose: Purpose = 'prospecting') => policy('legitimate-interests', { purpose });

let next = 0;
/** A told person in a group, with the facts the vault would pass; `emailKind` follows the address. */
function person(p: GroupPolicy, contact: Partial<StoredContact> = {}, extra: Partial<ExportableContact> = {}): ExportableContact {
  next += 1;
  const c = storedContact(contact);
  const emailKind = c.email === null ? 'none' : /@(gmail|hotmail)\.com$/.test(c.email) ? 'personal' : 'corporate';
  return {
    id: `p${next}`,
    contact: c,
    groupLabel: 'Prospects',
    policy: p,
    emailKind,
    noticeGiven: true,
    facts: { id: `p${next}`, company: c.company, position: c.position, emailKind, connectedOn: c.connectedOn, soleTrader: c.soleTrader, specialCategories: [] },
    ...extra,
  };
}

const run = (people: ExportableContact[], channels: ContactChannel[], options: Partial<CrmExportOptions> = {}) =>
  crmExport(people, { now: NOW, purpose: 'prospecting', channels, ...options });
const emails = (csv: string) => parseCsvRecords(csv).map((r) => r.Email);

// Acme Ltd with its own domain: likely corporate. The others are likely individual or unknown.
const corporate = () => person(li(), { company: 'Acme Ltd', email: 'ann@acme.example' });
const freeMail = () => person(li(), { company: 'Acme Ltd', email: 'bob@gmail.com' });
const owner = () => person(li(), { company: 'Brown Plumbing', position: 'Owner', email: 'jo@brownplumbing.example' });
const partner = () => person(li(), { company: 'Dee & Co', position: 'Partner', email: 'al@dee.example' });
const noCompany = () => person(li(), { company: '', position: 'Consultant', email: 'kim@kim-consulting.example' });
/** Acme Ltd, and a person confirmed it a company (subscriber confirm). */
const confirmedCorporate = () => ({ ...corporate(), subscriberConfirmed: { type: 'corporate', entity: 'company', by: 'company' } as const });

describe('a prospecting export by email is direct marketing (DPA 2018 s.122(5); PECR reg. 22)', () => {
  it("withholds likely-individual subscribers' addresses and keeps the likely-corporate one", () => {
    const people = [corporate(), freeMail(), owner(), partner()];
    const result = run(people, ['email']);
    expect(result.directMarketing).toBe(true);
    expect(emails(result.csv)).toEqual(['ann@acme.example', '', '', '']);
    expect(result.emailsWithheld).toEqual(people.slice(1).map((p) => ({ id: p.id, reason: 'individual-subscriber-without-consent' })));
    expect(result.included).toBe(4); // the rows stay, without the address
    expect(result.notes.join(' ')).toContain('needs their consent to email or the soft opt-in (PECR reg. 22(2)-(3))');
  });

  it('treats an unknown subscriber as individual; a confirmation decides either way', () => {
    const unknown = noCompany();
    expect(run([unknown], ['email']).emailsWithheld).toEqual([{ id: unknown.id, reason: 'individual-subscriber-without-consent' }]);
    // Not firing: confirmed corporate (a company), the same person keeps their address.
    const confirmed = { ...unknown, subscriberConfirmed: { type: 'corporate', entity: 'company', by: 'contact' } as const };
    expect(emails(run([confirmed], ['email']).csv)).toEqual([unknown.contact.email]);
    // And a likely-corporate contact confirmed a sole trader loses it.
    const soleTrader = { ...corporate(), subscriberConfirmed: { type: 'individual', entity: 'sole-trader', by: 'company' } as const };
    expect(run([soleTrader], ['email']).emailsWithheld).toHaveLength(1);
  });

  it("an individual's own consent to email, or a soft opt-in covering email, lets the address be used", () => {
    const consented = { ...freeMail(), consents: [{ purpose: 'prospecting' as const, channels: ['email' as const] }] };
    const softOptIn = { ...owner(), softOptIns: ['email' as const] };
    const smsOnly = { ...partner(), softOptIns: ['sms' as const] };
    const result = run([consented, softOptIn, smsOnly], ['email']);
    expect(result.emailsWithheld.map((w) => w.id)).toEqual([smsOnly.id]);
    expect(result.notes.join(' ')).toMatch(/1 person is included on a soft opt-in \(PECR reg\. 22\(3\)\): market to them only products and services similar/);
  });

  it('applies to events, and to any purpose declared direct marketing; not to networking left undeclared', () => {
    const events = person(li('events'), { email: 'eve@gmail.com' });
    expect(crmExport([events], { now: NOW, purpose: 'events', channels: ['email'] }).emailsWithheld).toHaveLength(1);
    const networking = person(li('networking'), { email: 'net@gmail.com' });
    expect(crmExport([networking], { now: NOW, purpose: 'networking', channels: ['email'], directMarketing: true }).emailsWithheld).toHaveLength(1);
    expect(crmExport([networking], { now: NOW, purpose: 'networking', channels: ['email'] }).emailsWithheld).toEqual([]);
  });

  it('a direct-marketing export declared for networking holds back people not yet told (Art. 14(3)(b)), as marketing does', () => {
    const untold = person(li('networking'), {}, { noticeGiven: false });
    expect(crmExport([untold], { now: NOW, purpose: 'networking', channels: ['post'], directMarketing: true }).excluded).toEqual([{ id: untold.id, reason: 'notice-not-given' }]);
    expect(crmExport([untold], { now: NOW, purpose: 'networking', channels: ['post'] }).included).toBe(1);
  });

  it('withholds an address in the Email column even when email is not a channel: a CRM that holds it can send marketing email', () => {
    const individual = freeMail();
    expect(run([individual], ['post']).emailsWithheld).toHaveLength(1);
    expect(run([individual], ['post'], { fields: ['firstName', 'lastName'] }).emailsWithheld).toEqual([]);
  });

  it('reminds on every direct-marketing export that can carry electronic mail, whoever is in it, that each message must identify the sender and offer an opt-out (PECR reg. 23)', () => {
    const reminder = 'to anyone in this file, individual or corporate subscriber, must say who sent it and give a valid address to opt out (PECR reg. 23)';
    expect(run([corporate()], ['email']).notes.join(' ')).toContain(reminder);
    const consented = { ...freeMail(), consents: [{ purpose: 'prospecting' as const, channels: ['email' as const, 'sms' as const] }] };
    expect(run([consented], ['email']).notes.join(' ')).toContain(reminder);
    expect(run([consented], ['sms'], { fields: ['firstName'] }).notes.join(' ')).toContain(reminder);
    expect(run([corporate()], ['post'], { fields: ['firstName', 'profileUrl'] }).notes.join(' ')).toContain(reminder); // a URL can carry LinkedIn messages
    // Not firing: no electronic mail in the file, or not direct marketing.
    expect(run([corporate()], ['post'], { fields: ['firstName', 'company'] }).notes.join(' ')).not.toContain('PECR reg. 23');
    const networking = person(li('networking'), { email: 'net@acme.example', company: 'Acme Ltd' });
    expect(crmExport([networking], { now: NOW, purpose: 'networking', channels: ['email'] }).notes.join(' ')).not.toContain('PECR reg. 23');
  });

  it('says when a work address alone made someone a corporate subscriber for email; not once a person confirmed it', () => {
    const inferred = /1 person is included for email as likely corporate subscribers.*a work address only suggests a corporate subscriber/;
    expect(run([corporate()], ['email']).notes.join(' ')).toMatch(inferred);
    expect(run([confirmedCorporate()], ['email']).notes.join(' ')).not.toMatch(/likely corporate subscribers/);
  });
});

describe('SMS: electronic mail, and the vault holds no number to withhold (PECR reg. 22)', () => {
  it('leaves out individual subscribers without consent or a soft opt-in for SMS, and likely-corporate ones not confirmed by a person, and says so', () => {
    const people = [corporate(), freeMail(), { ...owner(), softOptIns: ['sms' as const] }, { ...partner(), consents: [{ purpose: 'prospecting' as const, channels: ['sms' as const] }] }, confirmedCorporate()];
    const result = run(people, ['sms']);
    // Acme Ltd's work address says nothing about whose the phone is: only the confirmed one counts as corporate.
    expect(result.excluded).toEqual([people[0]!, people[1]!].map((p) => ({ id: p.id, reason: 'channel-not-allowed' })));
    expect(result.includedIds).toEqual([people[2]!.id, people[3]!.id, people[4]!.id]);
    const notes = result.notes.join(' ');
    expect(notes).toMatch(/2 people without their own consent to SMS, a soft opt-in covering it, or a corporate subscriber type confirmed by a person were left out of this SMS export \(PECR reg\. 22\(2\)-\(3\)\)/);
    // What the rule checked, and what it could not: no assurance about the numbers.
    expect(notes).toContain('The vault holds no phone numbers, so the numbers themselves could not be checked');
    expect(notes).not.toMatch(/may be sent a marketing SMS/);
  });

  it('does not apply when the export is not direct marketing, or not by SMS', () => {
    const individual = person(li('networking'), { email: 'sam@gmail.com' });
    expect(crmExport([individual], { now: NOW, purpose: 'networking', channels: ['sms'] }).included).toBe(1);
    expect(run([freeMail()], ['post'], { fields: ['firstName'] }).included).toBe(1);
  });
});

describe('LinkedIn messages that market are electronic mail (PECR reg. 22)', () => {
  it("withholds an individual subscriber's profile URL without consent to LinkedIn messages, and a likely-corporate one's; keeps it with consent, or once a person confirmed them corporate", () => {
    const individual = freeMail();
    const consented = { ...owner(), consents: [{ purpose: 'prospecting' as const, channels: ['linkedin' as const] }] };
    const likely = corporate();
    const company = confirmedCorporate();
    const result = run([individual, consented, likely, company], ['linkedin'], { fields: ['firstName', 'profileUrl'] });
    // A LinkedIn account belongs to the person: a work email address does not make it a corporate subscriber's.
    expect(result.profilesWithheld).toEqual([individual, likely].map((p) => ({ id: p.id, reason: 'individual-subscriber-without-consent' })));
    expect(parseCsvRecords(result.csv).map((r) => r['LinkedIn URL'])).toEqual(['', consented.contact.profileUrl, '', company.contact.profileUrl]);
    expect(result.notes.join(' ')).toMatch(/2 LinkedIn profiles were left out: a LinkedIn account belongs to the person/);
  });

  it('withholds a profile URL in the LinkedIn URL column even when LinkedIn is not a channel: a CRM that holds it can send LinkedIn messages', () => {
    const individual = freeMail();
    expect(run([individual], ['post'], { fields: ['firstName', 'profileUrl'] }).profilesWithheld).toEqual([{ id: individual.id, reason: 'individual-subscriber-without-consent' }]);
    expect(run([individual], ['email'], { fields: ['firstName', 'email', 'profileUrl'] }).profilesWithheld).toHaveLength(1);
    // Not firing: the column is not exported, or the export is not direct marketing.
    expect(run([individual], ['post'], { fields: ['firstName', 'lastName'] }).profilesWithheld).toEqual([]);
    const networking = person(li('networking'), { email: 'net@gmail.com' });
    expect(crmExport([networking], { now: NOW, purpose: 'networking', channels: ['post'], fields: ['firstName', 'profileUrl'] }).profilesWithheld).toEqual([]);
  });
});

describe('phone: a TPS/CTPS screening within the 28 days before the export (PECR reg. 21(1)(b), 21(4))', () => {
  const refusal = (f: () => unknown) => {
    try {
      f();
    } catch (err) {
      return err instanceof ServiceError ? `${err.code}: ${err.message}` : String(err);
    }
    return null;
  };

  it('refuses a phone export without a screening, with one sentence', () => {
    expect(refusal(() => run([freeMail()], ['phone']))).toMatch(/^guardrail: Phone marketing needs the numbers screened against the TPS \(for individual subscribers\) within the 28 days before the calls .*no screening is recorded/);
  });

  it('always needs the TPS, even when everyone is corporate: the vault holds no number, and a number may be an individual subscriber’s', () => {
    expect(refusal(() => run([confirmedCorporate()], ['phone'], { tpsScreenings: [{ screenedOn: '2025-05-30', list: 'ctps' }] }))).toMatch(/screened against the TPS \(for individual subscribers\)/);
    expect(run([confirmedCorporate()], ['phone'], { tpsScreenings: [{ screenedOn: '2025-05-30', list: 'both' }] }).included).toBe(1);
  });

  it('says what it checked and what it could not, and that automated calls need every subscriber’s consent (PECR reg. 19)', () => {
    const notes = run([freeMail()], ['phone'], { tpsScreenings: [{ screenedOn: '2025-05-30', list: 'tps' }] }).notes.join(' ');
    expect(notes).toContain('this export checked only that a TPS/CTPS screening is recorded (the newest on 2025-05-30)');
    expect(notes).toContain('automated calls need the consent of every subscriber, individual or corporate (PECR reg. 19)');
    // Not firing: not a phone export.
    expect(run([freeMail()], ['post'], { fields: ['firstName'] }).notes.join(' ')).not.toContain('reg. 19');
  });

  it('accepts a screening 28 days old, and refuses one 29 days old', () => {
    expect(run([freeMail()], ['phone'], { tpsScreenings: [{ screenedOn: '2025-05-04', list: 'tps' }] }).included).toBe(1);
    expect(refusal(() => run([freeMail()], ['phone'], { tpsScreenings: [{ screenedOn: '2025-05-03', list: 'tps' }] }))).toMatch(/the last screening recorded was on 2025-05-03/);
  });

  it('needs the CTPS for corporate subscribers: a TPS-only screening is refused, "both" is accepted', () => {
    expect(refusal(() => run([corporate()], ['phone'], { tpsScreenings: [{ screenedOn: '2025-05-30', list: 'tps' }] }))).toMatch(/the CTPS \(for corporate subscribers\)/);
    const ok = run([corporate(), freeMail()], ['phone'], { tpsScreenings: [{ screenedOn: '2025-05-30', list: 'both' }] });
    expect(ok.included).toBe(2);
    expect(ok.notes.join(' ')).toContain('screening is recorded (the newest on 2025-05-30)');
  });

  it('does not apply to an export that is not direct marketing, or to a notice run', () => {
    const individual = person(li('networking'), { email: 'pat@gmail.com' });
    expect(crmExport([individual], { now: NOW, purpose: 'networking', channels: ['phone'] }).included).toBe(1);
    const untold = { ...freeMail(), noticeGiven: false };
    expect(run([untold], ['phone'], { noticeRun: true }).included).toBe(1);
  });
});
