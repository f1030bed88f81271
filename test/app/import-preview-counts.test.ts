// The import preview predicts the commit (issue 14, point 5): for every fixture, both duplicate choices, an empty vault
// and one already holding people (some suppressed, one held, a group with a basis), the preview's predicted counts are
// exactly what import.commit then reports. Also: a per-line keep or strip of a special-category hint is honoured by the
// commit and refused for a line without one, and each finding's line comes with the person and the cell, masked.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Request, Response } from '../../src/api/contract.js';
import { maskCell, maskEmail, maskPhone } from '../../src/app/use-cases/preview-lines.js';
import { allContacts } from '../support/contacts.js';
import { fixture, HEADER, scratch } from '../support/fixtures.js';
import { LI_POLICY } from '../support/policies.js';
import { routedClients } from '../support/router-vault.js';

const tmp = scratch();
const clients = routedClients();
type Client = Awaited<ReturnType<typeof clients.vault>>;

const ZIP = 'Basic_LinkedInDataExport_11-29-2026.zip';
const FILES: { name: string; entry?: string }[] = [
  { name: 'connections-tricky.csv' },
  { name: 'connections-current.csv' },
  { name: 'connections-legacy.csv' },
  { name: 'connections-2022-no-url.csv' },
  { name: 'connections-bom-crlf.csv' },
  { name: 'connections-broken-quote.csv' },
  { name: 'connections-excel-semicolon-cp1252.csv' },
  { name: 'connections-excel-unicode-text.txt' },
  { name: 'connections-header-only.csv' },
  { name: ZIP },
  { name: ZIP, entry: 'ImportedContacts.csv' },
];

type Choices = NonNullable<Request<'import.preview'>['choices']>;

/** Preview, then commit the same file with the same choices: the commit's report and what the preview predicted. */
async function previewThenCommit(c: Client, path: string, onDuplicate: 'skip' | 'update', choices: Choices = {}, entry?: string) {
  const preview = await c.call('import.preview', { path, choices, ...(entry ? { entry } : {}) });
  const report = await c.call('import.commit', {
    path,
    choices: { dropColumns: [], strip: [], lineChoices: [], ...choices, onDuplicate, expectedSha256: preview.sha256, ...(entry ? { entry } : {}) },
  });
  return { preview, report };
}

const predictedOf = (report: Response<'import.commit'>) => {
  const { importId: _id, sha256: _hash, ...rest } = report;
  return rest;
};

/** A vault already holding people: two other files, one person suppressed, one held, a group with a basis. */
async function peopleAlready(c: Client, file: string): Promise<void> {
  // Assigned while empty: hints imported later into it are flagged (Art. 9(2)), as the commit reports.
  const group = await c.call('groups.add', { label: 'Since 1990', rule: { type: 'connected-year', from: 1990 } });
  await c.call('policy.assign', { groupId: group.id, policy: LI_POLICY, acknowledgeWarnings: true });
  await c.call('import.commit', { path: fixture('connections-tricky.csv'), choices: { onDuplicate: 'skip', dropColumns: [], strip: [], lineChoices: [] } });
  await c.call('import.commit', { path: fixture(ZIP), choices: { onDuplicate: 'skip', dropColumns: [], strip: [], lineChoices: [] } });
  // Someone in the file itself is on the suppression list: their profile (or, without one, their email).
  const text = readFileSync(fixture(file)).toString('latin1');
  const url = /https:\/\/www\.linkedin\.com\/in\/[^,"\s]+/.exec(text)?.[0];
  const email = /,([\w.+-]+@[\w-]+\.[\w.-]+),/.exec(text)?.[1];
  if (url) await c.call('suppression.add', { profileUrl: url });
  else if (email) await c.call('suppression.add', { email });
  const held = (await allContacts(c.call)).find((x) => x.firstName === 'Ada');
  if (held) await c.call('holds.place', { contactId: held.id, reason: 'A claim about her contract' });
}

describe('the import preview predicts the commit', { timeout: 60_000 }, () => {
  for (const { name, entry } of FILES) {
    for (const onDuplicate of ['skip', 'update'] as const) {
      it(`${name}${entry ? ` (${entry})` : ''}, ${onDuplicate}: into an empty vault`, async () => {
        const c = await clients.vault(tmp);
        const { preview, report } = await previewThenCommit(c, fixture(name), onDuplicate, {}, entry);
        expect(preview.predicted[onDuplicate]).toEqual(predictedOf(report));
      });
      it(`${name}${entry ? ` (${entry})` : ''}, ${onDuplicate}: into a vault with people, one suppressed, one held`, async () => {
        const c = await clients.vault(tmp);
        await peopleAlready(c, name);
        const { preview, report } = await previewThenCommit(c, fixture(name), onDuplicate, { strip: ['phone-number'] }, entry);
        expect(preview.predicted[onDuplicate]).toEqual(predictedOf(report));
      });
    }
  }

  it('counts what the new user saw disagree: the tricky export into a vault that holds it already', async () => {
    const c = await clients.vault(tmp);
    await c.call('import.commit', { path: fixture('connections-tricky.csv'), choices: { onDuplicate: 'skip', dropColumns: [], strip: [], lineChoices: [] } });
    await c.call('suppression.add', { profileUrl: 'https://www.linkedin.com/in/grace-hopper-1906' });
    const preview = await c.call('import.preview', { path: fixture('connections-tricky.csv') });
    // Every record is known, one is suppressed, one is empty: nothing would be added. Ada is in the file twice: she is
    // one person already in the vault, and her second record a repeat in the file.
    expect(preview.predicted.skip).toMatchObject({ records: 14, added: 0, emptySkipped: 1, suppressedLines: [6], duplicatesSkipped: 11, duplicatesInFile: 1 });
    // Updating: the one stored Ada is updated once; her second record is the repeat.
    expect(preview.predicted.update).toMatchObject({ added: 0, updated: 11, duplicatesInFile: 1 });
    const report = await c.call('import.commit', { path: fixture('connections-tricky.csv'), choices: { onDuplicate: 'update', dropColumns: [], strip: [], lineChoices: [] } });
    expect(predictedOf(report)).toEqual(preview.predicted.update);
  });

  it('counts a person already in the vault whom the file names twice once: one update (or skip), the repeat a duplicate in the file', async () => {
    const first = tmp.write([HEADER, 'Ada,Lovelace,https://www.linkedin.com/in/ada,ada@old.example,Analytical Engines Ltd,Head,10 Dec 2019', 'Bob,Smith,,bob@acme.example,Acme,,', ''].join('\n'), 'first.csv');
    const again = tmp.write(
      [
        HEADER,
        'Ada,Lovelace,https://www.linkedin.com/in/ada,ada@old.example,Analytical Engines Ltd,Head,10 Dec 2019',
        'Bob,Smith,,bob@acme.example,Acme,,',
        'Carol,Jones,,carol@new.example,Newco,,',
        'Ada,Lovelace,https://www.linkedin.com/in/ada,ada@old.example,Analytical Engines Ltd,Head of Computation,10 Dec 2019',
        '',
      ].join('\n'),
      'again.csv',
    );
    const expected = {
      skip: { records: 4, added: 1, updated: 0, duplicatesSkipped: 2, duplicatesInFile: 1 },
      update: { records: 4, added: 1, updated: 2, duplicatesSkipped: 0, duplicatesInFile: 1 },
    };
    for (const onDuplicate of ['skip', 'update'] as const) {
      const c = await clients.vault(tmp);
      await c.call('import.commit', { path: first, choices: { onDuplicate: 'skip', dropColumns: [], strip: [], lineChoices: [] } });
      const { preview, report } = await previewThenCommit(c, again, onDuplicate);
      expect(preview.predicted[onDuplicate], onDuplicate).toMatchObject(expected[onDuplicate]);
      expect(predictedOf(report), onDuplicate).toEqual(preview.predicted[onDuplicate]);
      // One Ada, one Bob, one Carol: and with update, Ada as her later record has her.
      const people = await allContacts(c.call);
      expect(people.map((p) => p.firstName).sort()).toEqual(['Ada', 'Bob', 'Carol']);
      expect(people.find((p) => p.firstName === 'Ada')?.position).toBe(onDuplicate === 'update' ? 'Head of Computation' : 'Head');
    }
  });

  it('counts each stored copy once when the vault holds a person twice (by profile, by email) and the file names them by both', async () => {
    const byProfile = tmp.write([HEADER, 'Ada,Lovelace,https://www.linkedin.com/in/ada,,Analytical Engines Ltd,Head,10 Dec 2019', ''].join('\n'), 'by-profile.csv');
    const byEmail = tmp.write([HEADER, 'Ada,Lovelace,,ada@engines.example,Analytical Engines Ltd,Head,10 Dec 2019', ''].join('\n'), 'by-email.csv');
    const both = tmp.write(
      [
        HEADER,
        'Ada,Lovelace,https://www.linkedin.com/in/ada,,Analytical Engines Ltd,Head,10 Dec 2019',
        'Ada,Lovelace,,ada@engines.example,Analytical Engines Ltd,Head,10 Dec 2019',
        'Ada,Lovelace,https://www.linkedin.com/in/ada,,Analytical Engines Ltd,Head of Computation,10 Dec 2019',
        'Ada,Lovelace,,ada@engines.example,Analytical Engines Ltd,Head of Computation,10 Dec 2019',
        '',
      ].join('\n'),
      'both.csv',
    );
    const expected = {
      skip: { records: 4, added: 0, updated: 0, duplicatesSkipped: 2, duplicatesInFile: 2 },
      update: { records: 4, added: 0, updated: 2, duplicatesSkipped: 0, duplicatesInFile: 2 },
    };
    for (const onDuplicate of ['skip', 'update'] as const) {
      const c = await clients.vault(tmp);
      for (const path of [byProfile, byEmail]) await c.call('import.commit', { path, choices: { onDuplicate: 'skip', dropColumns: [], strip: [], lineChoices: [] } });
      expect(await allContacts(c.call)).toHaveLength(2);
      const { preview, report } = await previewThenCommit(c, both, onDuplicate);
      expect(preview.predicted[onDuplicate], onDuplicate).toMatchObject(expected[onDuplicate]);
      expect(predictedOf(report), onDuplicate).toEqual(preview.predicted[onDuplicate]);
      expect(await allContacts(c.call)).toHaveLength(2);
    }
  });

  it('counts a kept special-category hint in quarantine as held without a condition, once a person', async () => {
    const union = 'Charles,Babbage,https://www.linkedin.com/in/charles,,Analytical Engines Ltd,Union rep and Inventor,11 Dec 2019';
    const file = tmp.write([HEADER, union, 'Ada,Lovelace,https://www.linkedin.com/in/ada,,Analytical Engines Ltd,Head,10 Dec 2019', union, ''].join('\n'), 'quarantine.csv');
    for (const onDuplicate of ['skip', 'update'] as const) {
      const c = await clients.vault(tmp);
      const { preview, report } = await previewThenCommit(c, file, onDuplicate);
      // No group has a basis: both are quarantined, and Charles's union hint is held with no Art. 9(2) condition (in no
      // group, so no group is flagged). His repeat is counted once: the line kept is the record of him that was stored.
      expect(report, onDuplicate).toMatchObject({ added: 2, duplicatesInFile: 1, quarantined: 2, specialCategoryLines: [onDuplicate === 'update' ? 4 : 2], specialCategoryGroups: [] });
      expect(preview.predicted[onDuplicate], onDuplicate).toEqual(predictedOf(report));
    }
  });

  it('counts a person quarantined by their first record and given a basis by their repeat once, as the repeat left them', async () => {
    const file = tmp.write(
      [
        HEADER,
        'Charles,Babbage,https://www.linkedin.com/in/charles,,Analytical Engines Ltd,Inventor,11 Dec 2019',
        'Charles,Babbage,https://www.linkedin.com/in/charles,,Acme,Inventor,11 Dec 2019',
        'Ada,Lovelace,https://www.linkedin.com/in/ada,,Analytical Engines Ltd,Head,10 Dec 2019',
        '',
      ].join('\n'),
      'moved.csv',
    );
    for (const onDuplicate of ['skip', 'update'] as const) {
      const c = await clients.vault(tmp);
      const group = await c.call('groups.add', { label: 'Acme', rule: { type: 'company', companies: ['Acme'] } });
      await c.call('policy.assign', { groupId: group.id, policy: LI_POLICY, acknowledgeWarnings: true });
      const { preview, report } = await previewThenCommit(c, file, onDuplicate);
      // Skip keeps Charles's first record (quarantined, with Ada); update keeps his second, in Acme: only Ada is.
      expect(report, onDuplicate).toMatchObject({ added: 2, duplicatesInFile: 1, quarantined: onDuplicate === 'update' ? 1 : 2 });
      expect(preview.predicted[onDuplicate], onDuplicate).toEqual(predictedOf(report));
    }
  });

  it('predicts with columns left out, and the same person twice in the file after an update changed their email', async () => {
    const c = await clients.vault(tmp);
    const first = tmp.write([HEADER, 'Ada,Lovelace,,ada@old.example,Analytical Engines Ltd,Head,10 Dec 2019', ''].join('\n'), 'first.csv');
    await c.call('import.commit', { path: first, choices: { onDuplicate: 'skip', dropColumns: [], strip: [], lineChoices: [] } });
    const second = tmp.write(
      [
        HEADER,
        'Ada,Lovelace,https://www.linkedin.com/in/ada,ada@old.example,Analytical Engines Ltd,Head,10 Dec 2019',
        'Ada,Lovelace,https://www.linkedin.com/in/ada,ada@new.example,Analytical Engines Ltd,Head,10 Dec 2019',
        ',,,ada@old.example,,,',
        'Bob,Smith,,,Acme,,',
        'Bob,Smith,,,Acme,,',
        '',
      ].join('\n'),
      'second.csv',
    );
    for (const choices of [{}, { dropColumns: ['Email Address'] }, { dropColumns: ['URL', 'Email Address'] }] as Choices[]) {
      for (const onDuplicate of ['skip', 'update'] as const) {
        const copy = await clients.vault(tmp);
        await copy.call('import.commit', { path: first, choices: { onDuplicate: 'skip', dropColumns: [], strip: [], lineChoices: [] } });
        const { preview, report } = await previewThenCommit(copy, second, onDuplicate, choices);
        expect(preview.predicted[onDuplicate], `${JSON.stringify(choices)} ${onDuplicate}`).toEqual(predictedOf(report));
      }
    }
  });
});

describe('per-line decisions on special-category hints', () => {
  it('keeps the hint of one line and strips another, as chosen; the default for the rest is the choice for all', async () => {
    const c = await clients.vault(tmp);
    const path = fixture('connections-tricky.csv');
    const preview = await c.call('import.preview', { path });
    const hintLines = [...new Set(preview.report.findings.filter((f) => f.kind === 'special-category').map((f) => f.line))];
    expect(hintLines).toEqual([7, 12, 18, 19]);
    // Alan Turing (line 7) keeps his; Frances Allen (line 19) is stripped; the others follow `strip` (special-category).
    const lineChoices = [
      { line: 7, specialCategory: 'keep' as const },
      { line: 19, specialCategory: 'strip' as const },
    ];
    const predicted = await c.call('import.preview', { path, choices: { strip: ['special-category'], lineChoices } });
    const report = await c.call('import.commit', { path, choices: { onDuplicate: 'skip', dropColumns: [], strip: ['special-category'], lineChoices, expectedSha256: preview.sha256 } });
    expect(predictedOf(report)).toEqual(predicted.predicted.skip);
    const people = await allContacts(c.call);
    const show = async (first: string) => c.call('contacts.show', { contactId: people.find((p) => p.firstName === first)!.id });
    expect(await show('Alan')).toMatchObject({ position: 'Trade Union Representative', specialCategories: ['trade-union-membership'] });
    expect(await show('Frances')).toMatchObject({ specialCategories: [], strippedCategories: ['health'] });
    expect((await show('Katherine')).specialCategories).toEqual([]);
  });

  it('keeps every hint but one when the choice for all is to keep', async () => {
    const c = await clients.vault(tmp);
    const path = fixture('connections-tricky.csv');
    await c.call('import.commit', { path, choices: { onDuplicate: 'skip', dropColumns: [], strip: [], lineChoices: [{ line: 7, specialCategory: 'strip' }] } });
    const people = await allContacts(c.call);
    const show = async (first: string) => c.call('contacts.show', { contactId: people.find((p) => p.firstName === first)!.id });
    expect(await show('Alan')).toMatchObject({ specialCategories: [], strippedCategories: ['trade-union-membership'] });
    expect((await show('Frances')).specialCategories).toEqual(['health']);
  });

  it('refuses a decision for a line without a hint, in the preview and in the commit (nothing stored)', async () => {
    const c = await clients.vault(tmp);
    const path = fixture('connections-tricky.csv');
    const lineChoices = [{ line: 5, specialCategory: 'keep' as const }];
    expect(await c.refusal('import.preview', { path, choices: { lineChoices } })).toMatchObject({ code: 'invalid', message: expect.stringMatching(/Line 5 .*no special-category hint/) });
    expect(await c.refusal('import.commit', { path, choices: { onDuplicate: 'skip', dropColumns: [], strip: [], lineChoices } })).toMatchObject({ code: 'invalid' });
    expect(await allContacts(c.call)).toEqual([]);
    // Two decisions for one line contradict each other: refused, not settled by whichever comes last.
    const twice = [
      { line: 3, specialCategory: 'keep' as const },
      { line: 3, specialCategory: 'strip' as const },
    ];
    expect(await c.refusal('import.commit', { path, choices: { onDuplicate: 'skip', dropColumns: [], strip: [], lineChoices: twice } })).toMatchObject({
      code: 'invalid',
      message: expect.stringMatching(/a line is named twice/),
    });
    expect(await allContacts(c.call)).toEqual([]);
  });
});

describe('who and which cell each finding is about', () => {
  it('gives each line with findings its name as in the file and its flagged cells, emails and phones masked', async () => {
    const c = await clients.vault(tmp);
    const preview = await c.call('import.preview', { path: fixture('connections-tricky.csv') });
    const line = (n: number) => preview.lines.find((l) => l.line === n);
    expect(line(6)).toEqual({ line: 6, name: 'Grace Hopper', cells: { 'Email Address': 'g•••@g•••.com', Company: 'Self-employed' } });
    expect(line(8)?.cells.Position).toBe('Researcher | WhatsApp +44 •••• •••123');
    expect(line(13)?.cells.Position).toBe('Fellow (contact: l•••@o•••.com)');
    expect(line(7)).toEqual({ line: 7, name: 'Alan Turing', cells: { Position: 'Trade Union Representative' } });
    // The duplicate (a whole-record finding) still says who it is.
    expect(line(14)).toMatchObject({ name: 'Ada Lovelace' });
    expect(JSON.stringify(preview.lines)).not.toMatch(/grace\.hopper1906|900123|linus\.t@/);
  });

  it('masks addresses and numbers, keeping only what tells them apart', () => {
    expect(maskEmail('jane.doe@gmail.com')).toBe('j•••@g•••.com');
    expect(maskPhone('+44 7700 900123')).toBe('+44 •••• •••123');
    expect(maskPhone('07700 900123')).toBe('••••• •••123');
    expect(maskCell('a@b.example; c@d.example', [{ column: 'Email Address', kind: 'personal-mailbox' }])).toBe('a•••@b•••.example; c•••@d•••.example');
    expect(maskCell('Call 020 7946 0000 or x@y.com', [
      { column: 'P', kind: 'phone-number', start: 5, end: 18 },
      { column: 'P', kind: 'email-address', start: 22, end: 29 },
      { column: 'P', kind: 'personal-mailbox', start: 22, end: 29 },
    ])).toBe('Call ••• •••• •000 or x•••@y•••.com');
  });
});
