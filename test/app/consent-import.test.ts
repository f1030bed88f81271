// Importing consent records from a CSV (issue 10, point 1), through the router every front end calls. Art. 7(1): each
// line is one person's consent, matched by the blind index of their email or profile URL; lines that match nobody,
// and lines with values consent.add would refuse, are reported by the file's own line numbers and the rest added.
// Art. 7(3): a line with a withdrawal is kept as withdrawn and suppresses that purpose.
import { truncateSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture, scratch } from '../support/fixtures.js';
import { routedClients, withPeople } from '../support/router-vault.js';
import { auditLog } from '../support/audit.js';

const tmp = scratch();
const NOW = new Date('2027-03-01T10:00:00Z');
const clients = routedClients();

/** A new vault holding the people of connections-tricky.csv, on the injected clock. */
const vault = async () => withPeople(await clients.vault(tmp, () => NOW), fixture('connections-tricky.csv'));

const HEADER = 'Email,Profile URL,purpose,channels,obtained_at,method,wording,wording_version,proof';
/** Line numbers are the file's: the header is line 1, a quoted wording spans lines 3-4, line 6 is blank. */
const MIXED = [
  HEADER,
  'ada@analytical-engines.example,,email-marketing,email,2027-02-10,form,"Yes, send me the newsletter.",v3,form 4471', // 2: added
  ',https://uk.linkedin.com/in/alan-turing-1912/,events,email;post,2027-01-05,in-person,"I would like invitations', // 3: added
  'to your events.",v1,paper form 12', // 4
  'nobody@elsewhere.example,,email-marketing,email,2027-02-10,form,Yes,v3,form 1', // 5: unmatched
  '', // 6
  'k.johnson@nasa.example,,newsletters,email,2027-02-10,form,Yes,v3,form 2', // 7: unknown purpose
  'frances@ibm.example,,email-marketing,,2027-13-01,form,Yes,v3,form 3', // 8: no channel, no such day
  'grace.hopper1906@gmail.com,,email-marketing,"email,sms",2027-02-11,reply,Yes please,v3,email of 11 Feb', // 9: added
  ',,email-marketing,email,2027-02-10,form,Yes,v3,form 9', // 10: names nobody
  'ada@analytical-engines.example,,email-marketing,email,2027-03-05,form,Yes,v3,form 5', // 11: after today
  'k.johnson@nasa.example,,events,email', // 12: too few fields
  '',
].join('\n');

describe('consent.import (Art. 7(1))', () => {
  it('Art. 7(1): matches lines by email or profile URL, adds them, and reports unmatched and invalid lines by their line number', async () => {
    const c = await vault();
    const result = await c.call('consent.import', { path: tmp.write(MIXED), dryRun: false });
    expect(result).toMatchObject({ applied: true, lines: 9, added: 3, unmatched: [5] });
    expect(result.invalid.map((i) => i.line)).toEqual([7, 8, 10, 11, 12]);
    const message = (line: number) => result.invalid.find((i) => i.line === line)!.message;
    expect(message(7)).toMatch(/^purpose: the purpose must be one of /);
    expect(message(8)).toMatch(/channels: name at least one channel; obtained_at: a date written yyyy-mm-dd/);
    expect(message(10)).toMatch(/names nobody/);
    expect(message(11)).toMatch(/obtained_at is after today/);
    expect(message(12)).toMatch(/4 fields where the header has 9/);

    expect(await c.call('consent.list', { contactId: c.id('Ada') })).toMatchObject([{ purpose: 'email-marketing', wording: 'Yes, send me the newsletter.', proof: 'form 4471', live: true }]);
    expect(await c.call('consent.list', { contactId: c.id('Alan') })).toMatchObject([{ purpose: 'events', channels: ['email', 'post'], wording: 'I would like invitations\nto your events.' }]);
    expect(await c.call('consent.list', { contactId: c.id('Grace') })).toMatchObject([{ channels: ['email', 'sms'], method: 'reply' }]);
    expect(await c.call('consent.list', { contactId: c.id('Katherine') })).toEqual([]);
    expect(await c.call('consent.list', { contactId: c.id('Frances') })).toEqual([]);
  });

  it('a dry run reports the same counts and changes nothing; importing the same file twice adds nothing the second time', async () => {
    const c = await vault();
    const file = tmp.write(MIXED);
    const dry = await c.call('consent.import', { path: file, dryRun: true });
    expect(await c.call('consent.list', {})).toEqual([]);
    const real = await c.call('consent.import', { path: file, dryRun: false });
    expect({ ...dry, applied: true }).toEqual(real);
    expect(dry.applied).toBe(false);

    const again = await c.call('consent.import', { path: file, dryRun: false });
    expect(again).toMatchObject({ added: 0, unmatched: [5] });
    expect(again.invalid.filter((i) => /already recorded/.test(i.message)).map((i) => i.line)).toEqual([2, 3, 9]);
    expect(await c.call('consent.list', {})).toHaveLength(3);
  });

  it('a header missing a required column, or naming an unknown one, is refused as a whole with one sentence', async () => {
    const c = await vault();
    const line = 'ada@analytical-engines.example,email-marketing,email,2027-02-10,form,Yes,v3';
    const missing = await c.refusal('consent.import', { path: tmp.write(`email,purpose,channels,obtained_at,method,wording,wording_version\n${line}\n`), dryRun: false });
    expect(missing).toEqual({ code: 'invalid', message: 'The header lacks the columns proof: nothing was imported.' });
    const nobody = await c.refusal('consent.import', { path: tmp.write('purpose,channels,obtained_at,method,wording,wording_version,proof\n'), dryRun: false });
    expect(nobody.message).toMatch(/lacks the columns email or profile_url/);
    // A misspelt withdrawal column must not let a withdrawn consent in as live.
    const unknown = await c.refusal('consent.import', { path: tmp.write(`${HEADER},withdrawn_on\n`), dryRun: false });
    expect(unknown).toMatchObject({ code: 'invalid', message: expect.stringMatching(/does not know \(withdrawn_on\)/) });
    expect(await c.call('consent.list', {})).toEqual([]);
  });

  it('refuses a missing file, an empty one and one over 50 MB, each with one sentence', async () => {
    const c = await vault();
    expect(await c.refusal('consent.import', { path: tmp.path('no-such.csv'), dryRun: false })).toMatchObject({ code: 'unreadable', message: expect.stringMatching(/There is no file at/) });
    expect(await c.refusal('consent.import', { path: tmp.write(''), dryRun: false })).toMatchObject({ code: 'empty-file' });
    const big = tmp.write(`${HEADER}\n`);
    truncateSync(big, 50 * 1024 * 1024 + 1);
    expect(await c.refusal('consent.import', { path: big, dryRun: true })).toMatchObject({ code: 'too-large', message: expect.stringMatching(/50 MB/) });
  });

  it('counts lines in a CRLF file, and reports a quote never closed on the line it opens', async () => {
    const c = await vault();
    const text = [HEADER, 'ada@analytical-engines.example,,events,email,2027-02-10,form,Yes,v1,form 1', '', 'frances@ibm.example,,events,email,2027-02-10,form,"Yes,v1,form 2', 'grace.hopper1906@gmail.com,,events,email,2027-02-10,form,Yes,v1,form 3', ''].join('\r\n');
    const result = await c.call('consent.import', { path: tmp.write(text), dryRun: false });
    expect(result).toMatchObject({ added: 1, unmatched: [], invalid: [{ line: 4, message: expect.stringMatching(/never closed/) }] });
  });

  it('reads a file saved by Excel in Windows-1252 with semicolons between fields', async () => {
    const c = await vault();
    const text = `${HEADER.replaceAll(',', ';')}\nada@analytical-engines.example;;events;email,post;2027-02-10;form;Oui, j'accepte les invitations à vos événements.;v1;form 7\n`;
    expect(await c.call('consent.import', { path: tmp.write(Buffer.from(text, 'latin1')), dryRun: false })).toMatchObject({ added: 1, invalid: [] });
    expect(await c.call('consent.list', {})).toMatchObject([{ channels: ['email', 'post'], wording: "Oui, j'accepte les invitations à vos événements." }]);
  });
});

describe('consent.import of withdrawals and suppressed people (Art. 7(3), Art. 21)', () => {
  const W_HEADER = `${HEADER},withdrawn_at,withdrawal_method`;

  it('Art. 7(3): a line with withdrawn_at is kept as withdrawn and suppresses that purpose; a later live consent for it is refused', async () => {
    const c = await vault();
    const file = tmp.write(
      [
        W_HEADER,
        'ada@analytical-engines.example,,email-marketing,email,2027-01-10,form,Yes,v3,form 1,2027-02-20,unsubscribe-link', // 2: added, withdrawn
        'ada@analytical-engines.example,,email-marketing,email,2027-02-25,form,Yes,v4,form 2,,', // 3: refused
        'ada@analytical-engines.example,,events,email,2027-02-25,form,Yes,v1,form 3,,', // 4: another purpose: added
        'grace.hopper1906@gmail.com,,email-marketing,email,2027-01-10,form,Yes,v3,form 4,2027-02-20,', // 5: no method
        'frances@ibm.example,,email-marketing,email,2027-01-10,form,Yes,v3,form 5,2027-01-09,reply', // 6: before obtained
      ].join('\n'),
    );
    const dry = await c.call('consent.import', { path: file, dryRun: true });
    const result = await c.call('consent.import', { path: file, dryRun: false });
    expect({ ...dry, applied: true }).toEqual(result);
    expect(result).toMatchObject({ lines: 5, added: 2, unmatched: [] });
    expect(result.invalid.map((i) => [i.line, i.message])).toEqual([
      [3, expect.stringMatching(/withdrew this consent on an earlier line/)],
      [5, expect.stringMatching(/^withdrawal_method: one of /)],
      [6, 'withdrawn_at is before obtained_at'],
    ]);
    const records = await c.call('consent.list', { contactId: c.id('Ada') });
    expect(records.find((r) => r.purpose === 'email-marketing')).toMatchObject({ withdrawnAt: '2027-02-20', withdrawalMethod: 'unsubscribe-link', live: false });
    expect(records.find((r) => r.purpose === 'events')).toMatchObject({ live: true });
    expect(await c.call('suppression.list', {})).toMatchObject([{ reason: 'consent-withdrawn', purpose: 'email-marketing', byEmail: true }]);
    // The suppression holds for the next import too.
    const later = await c.call('consent.import', { path: tmp.write(`${HEADER}\nada@analytical-engines.example,,email-marketing,email,2027-02-26,reply,Yes,v4,email\n`), dryRun: false });
    expect(later.invalid).toEqual([{ line: 2, message: expect.stringMatching(/withdrew their consent for email-marketing/) }]);
  });

  it('Art. 21: a line for a person who objected is reported, the other lines are added', async () => {
    const c = await vault();
    await c.call('suppression.add', { email: 'grace.hopper1906@gmail.com' });
    const result = await c.call('consent.import', {
      path: tmp.write(
        [HEADER, 'grace.hopper1906@gmail.com,,events,email,2027-02-10,form,Yes,v1,form 1', 'ada@analytical-engines.example,,events,email,2027-02-10,form,Yes,v1,form 2'].join('\n'),
      ),
      dryRun: false,
    });
    expect(result).toMatchObject({ added: 1, invalid: [{ line: 2, message: expect.stringMatching(/suppression list.*admin lifts the suppression/) }] });
    expect(await c.call('consent.list', { contactId: c.id('Grace') })).toEqual([]);
  });

  it('Art. 9(2)(a): the optional explicit column marks a consent explicit with yes; no or empty leaves it ordinary; anything else is reported', async () => {
    const c = await vault();
    const result = await c.call('consent.import', {
      path: tmp.write(
        [
          `${HEADER},explicit`,
          'ada@analytical-engines.example,,events,email,2027-02-10,form,Yes including my access needs,v1,form 1,Yes', // 2: explicit
          'grace.hopper1906@gmail.com,,events,email,2027-02-10,form,Yes,v1,form 2,no', // 3: not explicit
          'frances@ibm.example,,events,email,2027-02-10,form,Yes,v1,form 3,', // 4: not explicit
          'k.johnson@nasa.example,,events,email,2027-02-10,form,Yes,v1,form 4,maybe', // 5: refused
        ].join('\n'),
      ),
      dryRun: false,
    });
    expect(result).toMatchObject({ added: 3, invalid: [{ line: 5, message: 'explicit: yes or no (left empty: no)' }] });
    expect(await c.call('consent.list', { contactId: c.id('Ada') })).toMatchObject([{ explicit: true }]);
    expect(await c.call('consent.list', { contactId: c.id('Grace') })).toMatchObject([{ explicit: false }]);
    expect(await c.call('consent.list', { contactId: c.id('Frances') })).toMatchObject([{ explicit: false }]);
  });

  it('Art. 5(2): the import is audited with counts only, never the file\'s content', async () => {
    const c = await vault();
    await c.call('consent.import', { path: tmp.write(MIXED), dryRun: true });
    await c.call('consent.import', { path: tmp.write(MIXED), dryRun: false });
    await c.refusal('consent.import', { path: tmp.write('email,purpose\n'), dryRun: false });
    const entries = (await auditLog(c)).filter((e) => e.action === 'consent-import');
    expect(entries).toMatchObject([
      { outcome: 'success', details: { records: 9, added: 3, unmatched: 1, errors: 5, dryRun: true } },
      { outcome: 'success', details: { records: 9, added: 3, unmatched: 1, errors: 5, dryRun: false } },
      { outcome: 'refused', details: { reason: 'invalid' } },
    ]);
    const text = JSON.stringify(await auditLog(c));
    for (const secret of ['newsletter', 'form 4471', 'invitations', 'analytical-engines', 'nasa.example']) expect(text).not.toContain(secret);
  });
});
