import { afterAll, describe, expect, it } from 'vitest';
import { commitImport } from '../../src/app/use-cases/commit-import.js';
import { getContact } from '../../src/app/use-cases/contacts.js';
import type { StoredContact } from '../../src/shared/domain.js';
import { allContactsOf } from '../support/contacts.js';
import { fixture, HEADER, scratch } from '../support/fixtures.js';
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
    const contacts = allContactsOf(session);
    expect(contacts).toHaveLength(12);
    const zoe = contacts.find((c) => c.firstName === 'Zoë')!;
    expect(zoe).toMatchObject({ profileUrl: 'https://www.linkedin.com/in/zoë-obrien', usable: false, groupId: null });
    expect(getContact(session, zoe.id).lastName).toBe("O'Brien-Ní Bhriain");
    const again = await commitImport(session, fixture('connections-tricky.csv'), {});
    // Ada is named twice: one person already in the vault, and her second record a repeat in the file.
    expect(again).toMatchObject({ added: 0, duplicatesSkipped: 12, duplicatesInFile: 1 });
  });

  it('applies minimisation before encryption: dropped columns and stripped fragments are not stored', async () => {
    const { vault, session } = await newVault(tmp.dir);
    opened.push(vault);
    const report = await commitImport(session, fixture('connections-tricky.csv'), { dropColumns: ['Email Address'], strip: ['phone-number', 'email-address', 'special-category'] });
    expect(report.columnsDropped).toEqual(['Email Address']);
    expect(report.fragmentsStripped).toBe(6);
    const contacts = allContactsOf(session);
    expect(contacts.every((c) => c.email === null && c.emailKind === 'none')).toBe(true);
    expect(contacts.find((c) => c.lastName === 'Franklin')!.position).toBe('Researcher | WhatsApp');
    expect(contacts.find((c) => c.lastName === 'Torvalds')!.position).toBe('Fellow');
    // The whole clause of a hint goes, and the contact says which category was stripped (never the words).
    expect(contacts.find((c) => c.lastName === 'Turing')!).toMatchObject({ position: '', specialCategories: [], strippedCategories: ['trade-union-membership'] });
    expect(contacts.find((c) => c.lastName === 'Johnson')!).toMatchObject({ position: '', strippedCategories: ['religious-or-philosophical-beliefs'] });
    expect(contacts.find((c) => c.lastName === 'Allen')!).toMatchObject({ position: 'accessibility advocate', strippedCategories: ['health'] });
    expect(contacts.find((c) => c.lastName === 'Lovelace')!.strippedCategories).toEqual([]);
  });

  it('an update import replaces what was stripped with what the new import stripped or kept', async () => {
    const { vault, session } = await newVault(tmp.dir);
    opened.push(vault);
    const file = tmp.write([HEADER, 'Frances,Allen,https://www.linkedin.com/in/frances-allen-ibm,,IBM,Living with multiple sclerosis | accessibility advocate,04 Aug 2020', ''].join('\n'));
    await commitImport(session, file, { strip: ['special-category'] });
    const [first] = allContactsOf(session);
    expect(first).toMatchObject({ position: 'accessibility advocate', specialCategories: [], strippedCategories: ['health'] });
    expect(await commitImport(session, file, { onDuplicate: 'update' })).toMatchObject({ updated: 1 });
    expect(getContact(session, first!.id)).toMatchObject({ position: 'Living with multiple sclerosis | accessibility advocate', specialCategories: ['health'], strippedCategories: [] });
    await commitImport(session, file, { onDuplicate: 'update', strip: ['special-category'] });
    expect(getContact(session, first!.id)).toMatchObject({ position: 'accessibility advocate', specialCategories: [], strippedCategories: ['health'] });
  });

  it('reads a contact stored before strippedCategories existed as having nothing stripped', async () => {
    const { vault, session } = await newVault(tmp.dir);
    opened.push(vault);
    await commitImport(session, fixture('connections-tricky.csv'), {});
    const row = [...session.contacts.all()][0]!;
    const { strippedCategories, ...before } = session.contacts.open(row);
    expect(strippedCategories).toEqual([]);
    // Written as an older version wrote it: the blob has no such field.
    session.contacts.update(row.id, { data: before as StoredContact, indexes: { url: row.url_index, email: row.email_index, name: row.name_index }, emailKind: row.email_kind, updatedAt: row.updated_at });
    expect(JSON.parse(session.records.decrypt(session.contacts.get(row.id)!.data_ct, row.id))).not.toHaveProperty('strippedCategories');
    expect(session.contacts.open(session.contacts.get(row.id)!).strippedCategories).toEqual([]);
    expect(getContact(session, row.id).strippedCategories).toEqual([]);
  });
});
