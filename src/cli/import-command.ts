// `contact-sanitizer import <file>`: commit an export into the vault, applying the minimisation choices; with
// --preview, show what the file holds, what the commit would do with the same choices (added, updated, skipped,
// refused) and its SHA-256 (to pin the commit to it) without storing anything.
import type { Command } from 'commander';
import { formatReport } from '../report/format-report.js';
import type { Strippable } from '../shared/vocabulary.js';
import { listOption } from './list-option.js';
import { terminalProgress } from './progress.js';
import { command, print, withVault, type VaultOptions } from './vault-context.js';

const list = (value: string, previous: string[] = []) => [...previous, ...listOption(value)];

type ImportOptions = VaultOptions & {
  drop: string[];
  strip: string[];
  keepSpecialCategory: string[];
  stripSpecialCategory: string[];
  updateDuplicates?: boolean;
  expectSha256?: string;
  entry?: string;
  preview?: boolean;
};

/** Line numbers given on the command line; a word that is not one is refused by the core's schema (a non-positive line). */
const lineNumbers = (values: string[]) => values.map((v) => (/^\d+$/.test(v.trim()) ? Number(v.trim()) : 0));

/** Per-line decisions on special-category hints, from --keep-special-category and --strip-special-category. */
function lineChoices(opts: ImportOptions) {
  return [
    ...lineNumbers(opts.keepSpecialCategory).map((line) => ({ line, specialCategory: 'keep' as const })),
    ...lineNumbers(opts.stripSpecialCategory).map((line) => ({ line, specialCategory: 'strip' as const })),
  ];
}

export function registerImport(program: Command): void {
  command(program, 'import <file>', ['import.commit', 'import.preview', 'task.cancel'])
    .description('Encrypt and store a LinkedIn export in the vault (importers). Use --preview (or `inspect`) first to see what it holds.')
    .option('--preview', 'only show what the file holds and its SHA-256; store nothing')
    .option('--drop <columns>', 'leave these columns out entirely (comma-separated headers, e.g. "Email Address")', list, [])
    .option('--strip <kinds>', 'cut these flagged fragments out of free text: phone-number, email-address, special-category', list, [])
    .option('--keep-special-category <lines>', 'keep the special-category hints of these lines of the file (comma-separated), whatever --strip says', list, [])
    .option('--strip-special-category <lines>', 'strip the special-category hints of these lines of the file (comma-separated), whatever --strip says', list, [])
    .option('--update-duplicates', 'replace people already in the vault instead of keeping what is there')
    .option('--expect-sha256 <hash>', 'refuse the file unless it is exactly the one previewed')
    .option('--entry <name>', 'the archive file to read (default Connections.csv)')
    .action(async (file: string, opts: ImportOptions) => {
      const progress = terminalProgress();
      const onProgress = (p: { done: number; total: number }) => progress.update(p.done, p.total);
      if (opts.preview) {
        const choices = { dropColumns: opts.drop, strip: opts.strip as Strippable[], lineChoices: lineChoices(opts) };
        const preview = await withVault(opts, (call) => call('import.preview', { path: file, choices, ...(opts.entry ? { entry: opts.entry } : {}) }, onProgress)).finally(progress.clear);
        const p = preview.predicted[opts.updateDuplicates ? 'update' : 'skip'];
        await print(opts, preview, () =>
          [
            formatReport(preview.report),
            `If committed with these choices${opts.updateDuplicates ? ' (--update-duplicates)' : ''}: ${p.added} added, ${p.updated} updated, ${p.duplicatesSkipped} already in the vault skipped, ` +
              `${p.duplicatesInFile} repeated in the file, ${p.suppressedLines.length} refused (on the suppression list), ${p.heldLines.length} kept as they are (legal hold), ` +
              `${p.emptySkipped} empty, ${p.errors.length} unreadable; ${p.quarantined} quarantined.`,
            `File SHA-256 ${preview.sha256} (pass it as --expect-sha256 to import exactly this file).`,
          ].join('\n'),
        );
        return;
      }
      const choices = {
        dropColumns: opts.drop,
        strip: opts.strip as Strippable[],
        onDuplicate: opts.updateDuplicates ? ('update' as const) : ('skip' as const),
        ...(opts.expectSha256 ? { expectedSha256: opts.expectSha256 } : {}),
        ...(opts.entry ? { entry: opts.entry } : {}),
        lineChoices: lineChoices(opts),
      };
      const report = await withVault(opts, (call) => call('import.commit', { path: file, choices }, onProgress), { cancellable: true }).finally(progress.clear);
      await print(opts, report, () =>
        [
          `Imported ${report.records} records: ${report.added} added, ${report.updated} updated, ${report.duplicatesSkipped + report.duplicatesInFile} duplicates skipped, ${report.emptySkipped} empty.`,
          report.suppressedLines.length ? `Refused (on the suppression list): lines ${report.suppressedLines.join(', ')}.` : '',
          report.heldLines.length ? `Kept as they are (under a legal hold): lines ${report.heldLines.join(', ')}.` : '',
          report.specialCategoryLines.length
            ? `Kept with a special-category or criminal-offence hint and held without an Art. 9(2) or Art. 10 condition (quarantined, or their group's basis has none): lines ${report.specialCategoryLines.join(', ')} ` +
              `(groups flagged: ${report.specialCategoryGroups.map((g) => `${g.label} ${g.groupId}, ${g.records}`).join('; ')}). CRM exports withhold their job title or leave them out until ` +
              'the data is stripped (import again with --strip special-category --update-duplicates) or the group records a condition that holds.'
            : '',
          report.errors.length ? `Unreadable records left out: lines ${report.errors.map((e) => e.line).join(', ')}.` : '',
          report.fragmentsStripped ? `${report.fragmentsStripped} flagged fragments cut out before encryption.` : '',
          `${report.quarantined} contacts are quarantined until a data owner assigns their group a lawful basis.`,
          `File SHA-256 ${report.sha256}; import ${report.importId}.`,
        ].filter(Boolean).join('\n'),
      );
    });
}
