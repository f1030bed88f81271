// `contact-sanitizer contacts [list|show <id>]`: read contacts back; `review`: mark them reviewed (data owners and
// admins).
import type { Command } from 'commander';
import type { Response } from '../api/contract.js';
import { ServiceError } from '../shared/errors.js';
import { specialCategoryHintsText } from '../shared/special-category-hints.js';
import { CONTACT_STATUSES, MAX_PAGE, type ContactStatus } from '../shared/vocabulary.js';
import { listOption } from './list-option.js';
import { wholeNumber } from './pages.js';
import { writeOut } from './write-out.js';
import { command, print, withVault, type VaultOptions } from './vault-context.js';

export function registerContacts(program: Command): void {
  const contacts = program.command('contacts').description('Read the contacts in the vault (data owners and admins).');
  command(contacts, 'list', ['contacts.list'], { isDefault: true })
    .description('List contacts, optionally of one group, of one status or matching a search: every one, a page at a time, or one page.')
    .option('--group <id>', 'only this group ("none" for unassigned)')
    .option('--search <text>', 'name, company, position, email or profile URL contains this')
    .option('--status <status>', `only these: ${CONTACT_STATUSES.join(', ')}`, 'all')
    .option('--offset <n>', 'skip this many (with --limit: one page)', wholeNumber, 0)
    .option('--limit <n>', `one page of at most ${MAX_PAGE}; without it, every contact`, wholeNumber)
    .action(async (opts: VaultOptions & { group?: string; search?: string; status: string; offset: number; limit?: number }) => {
      if (!(CONTACT_STATUSES as readonly string[]).includes(opts.status)) throw new ServiceError('invalid', `--status is one of ${CONTACT_STATUSES.join(', ')}.`);
      const filter = {
        ...(opts.group ? { groupId: opts.group === 'none' ? null : opts.group } : {}),
        ...(opts.search ? { search: opts.search } : {}),
        status: opts.status as ContactStatus,
      };
      await withVault(opts, async (call) => {
        const page = (offset: number, limit: number, after?: number) => call('contacts.list', { ...filter, offset, limit, ...(after === undefined ? {} : { after }) });
        if (opts.limit !== undefined) {
          const one = await page(opts.offset, Math.min(opts.limit, MAX_PAGE));
          return print(opts, one, () => [...one.contacts.map(line), `${rangeText(one.offset, one.contacts.length, one.total)}`].join('\n'));
        }
        // Every contact, a page at a time behind a cursor: memory stays at one page however large the vault, and a
        // contact erased or added meanwhile neither hides nor repeats another.
        let after: number | undefined;
        let first = true;
        for (;;) {
          const one = await page(opts.offset, MAX_PAGE, after);
          const items = one.contacts.map((c) => (opts.json ? JSON.stringify(c) : line(c)));
          if (opts.json) await writeOut(`${first ? `{"total":${one.total},"contacts":[` : items.length ? ',' : ''}${items.join(',')}`);
          else if (items.length) await writeOut(`${items.join('\n')}\n`);
          else if (first) await writeOut('No contacts.\n');
          first = false;
          if (one.next === null) break;
          after = one.next;
        }
        if (opts.json) await writeOut(']}\n');
      });
    });
  command(contacts, 'show <id>', ['contacts.show'])
    .description('Show everything held about one contact.')
    .action(async (id: string, opts: VaultOptions) => {
      const c = await withVault(opts, (call) => call('contacts.show', { contactId: id }));
      await print(opts, c, () => contactText(c));
    });

  command(program, 'review', ['contacts.review'])
    .description('Mark contacts reviewed now: retention counted from the last review starts again from today.')
    .option('--contacts <ids>', 'these contacts (comma-separated ids)')
    .option('--group <id>', 'or every contact of this group')
    .action(async (opts: VaultOptions & { contacts?: string; group?: string }) => {
      if (Boolean(opts.contacts) === Boolean(opts.group)) throw new ServiceError('invalid', 'Name either --contacts <id,id> or --group <id>.');
      const target = opts.group ? { groupId: opts.group } : { contactIds: listOption(opts.contacts) };
      const result = await withVault(opts, (call) => call('contacts.review', target));
      await print(opts, result, () => `Marked ${result.reviewed} contact(s) reviewed at ${result.reviewedAt}; their due dates were computed again.`);
    });
}

/** One field a line, as the text of an imported cell allows: a line break reads as " / ", no control character is printed. */
// eslint-disable-next-line no-control-regex
const oneLine = (value: string): string => value.replace(/\s*(?:\r\n|\r|\n)\s*/g, ' / ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '\ufffd');

/** Everything held about one contact, "Label: value" a line, in the order of the desktop's contact detail. */
function contactText(c: Response<'contacts.show'>): string {
  const lines: [string, string][] = [
    ['Contact id', c.id],
    ['First name', c.firstName || '—'],
    ['Last name', c.lastName || '—'],
    ['Email', c.email ? `${c.email} (${c.emailKind})` : '—'],
    ['Profile', c.profileUrl ?? '—'],
    ['Company', c.company || '—'],
    ['Position', c.position || '—'],
    ['Connected on', c.connectedOn ?? '—'],
    ['Sole trader', c.soleTrader ? 'yes (an individual subscriber under PECR)' : 'no'],
    ['Special-category hints', specialCategoryHintsText(c)],
    ...Object.entries(c.extra).map(([column, value]): [string, string] => [`Other (${column})`, value || '—']),
    ['Group', c.groupId ?? 'none'],
    ['Status', c.usable ? 'usable' : 'quarantined: may not be used or exported'],
    ['Legal hold', c.legalHold ? 'yes' : 'no'],
    ['Due for destruction', c.legalHold ? 'not while under legal hold' : (c.expiresAt ?? 'no date recorded yet')],
    ['Source', c.sourceImport ? `line ${c.source.line} of import ${c.sourceImport.number}, on ${c.sourceImport.importedAt.slice(0, 10)} (id ${c.source.importId})` : `line ${c.source.line} of import ${c.source.importId}`],
    ['Added', c.createdAt],
    ['Updated', c.updatedAt],
  ];
  return lines.map(([label, value]) => `${oneLine(label)}: ${oneLine(value)}`).join('\n');
}

/** One contact a line: id, name, company, and quarantine. */
function line(c: Response<'contacts.show'>): string {
  return `${c.id}  ${oneLine([c.firstName, c.lastName].join(' ').trim() || '(no name)')}  ${oneLine(c.company)}${c.usable ? '' : `  [quarantined until ${c.expiresAt?.slice(0, 10)}]`}`;
}

const rangeText = (offset: number, shown: number, total: number): string =>
  shown === 0 ? `No contacts here (${total} in all).` : `Contacts ${offset + 1}–${offset + shown} of ${total}.`;
