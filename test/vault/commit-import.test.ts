import { afterAll, describe, expect, it } from 'vitest';
import { commitImport } from '../../src/app/use-cases/commit-import.js';
import { listContacts, getContact } from '../../src/app/use-cases/contacts.js';
import { fixture, scratch } from '../support/fixtures.js';
import { newVault } from '../support/vault.js';

const tmp = scratch();
const opened: { close(): void }[] = [];
afterAll(() => opened.forEach((v) => v.close()));

describe('committing an import', () => {
  it('stores the tricky export: duplicates and empty records resolved and reported', async () => {
    const { vault, session } = await newVault(tmp.dir);
    opened.push(vault);
    const report = await commitImport(session, fixture('connections-tricky.csv'), {});
    expect(report).toMatchObject({ records: 14, added: 12, duplicatesInFile: 1, emptySkipped: 1, suppressedLines: [], errors: [], quarantined: 12 });
    const contacts = listContacts(session);
    expect(contacts).toHaveLength(12);
    const zoe = contacts.find((c) => c.firstName === 'Zoë')!;
    expect(zoe).toMatchObject({ profileUrl: 'https://www.linkedin.com/in/zoë-obrien', usable: false, groupId: null });
    expect(getContact(session, zoe.id).lastName).toBe("O'Brien-Ní Bhriain");
    const again = await commitImport(session, fixture('connections-tricky.csv'), {});
    expect(again).toMatchObject({ added: 0, duplicatesSkipped: 13, duplicatesInFile: 0 });
  });

  it('applies minimisation before encryption: dropped columns and stripped fragments are not stored', async () => {
    const { vault, session } = await newVault(tmp.dir);
    opened.push(vault);
    const report = await commitImport(session, fixture('connections-tricky.csv'), { dropColumns: ['Email Address'], strip: ['phone-number', 'email-address', 'special-category'] });
    expect(report.columnsDropped).toEqual(['Email Address']);
    expect(report.fragmentsStripped).toBe(6);
    const contacts = listContacts(session);
    expect(contacts.every((c) => c.email === null && c.emailKind === 'none')).toBe(true);
    expect(contacts.find((c) => c.lastName === 'Franklin')!.position).toBe('Researcher | WhatsApp');
    expect(contacts.find((c) => c.lastName === 'Torvalds')!.position).toBe('Fellow');
    expect(contacts.find((c) => c.lastName === 'Turing')!).toMatchObject({ position: 'Representative', specialCategories: [] });
  });
});
