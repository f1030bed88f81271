// `contact-sanitizer import <file>`: commit an export into the vault, applying the minimisation choices.
import type { Command } from 'commander';
import { commitImport } from '../app/use-cases/commit-import.js';
import { terminalProgress } from './progress.js';
import { print, withSession, withVaultOptions, type VaultOptions } from './vault-context.js';

const list = (value: string, previous: string[] = []) => [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];

export function registerImport(program: Command): void {
  withVaultOptions(program.command('import <file>'))
    .description('Encrypt and store a LinkedIn export in the vault (importers). Run `inspect` first to see what it holds.')
    .option('--drop <columns>', 'leave these columns out entirely (comma-separated headers, e.g. "Email Address")', list, [])
    .option('--strip <kinds>', 'cut these flagged fragments out of free text: phone-number, email-address, special-category', list, [])
    .option('--update-duplicates', 'replace people already in the vault instead of keeping what is there')
    .option('--expect-sha256 <hash>', 'refuse the file unless it is exactly the one previewed')
    .option('--entry <name>', 'the archive file to read (default Connections.csv)')
    .action(async (file: string, opts: VaultOptions & { drop: string[]; strip: string[]; updateDuplicates?: boolean; expectSha256?: string; entry?: string }) => {
      const progress = terminalProgress();
      const report = await withSession(opts, (s) =>
        commitImport(
          s,
          file,
          { dropColumns: opts.drop, strip: opts.strip, onDuplicate: opts.updateDuplicates ? 'update' : 'skip', expectedSha256: opts.expectSha256, entry: opts.entry },
          { onProgress: progress.update },
        ).finally(progress.clear),
      );
      await print(opts, report, () =>
        [
          `Imported ${report.records} records: ${report.added} added, ${report.updated} updated, ${report.duplicatesSkipped + report.duplicatesInFile} duplicates skipped, ${report.emptySkipped} empty.`,
          report.suppressedLines.length ? `Refused (on the suppression list): lines ${report.suppressedLines.join(', ')}.` : '',
          report.errors.length ? `Unreadable records left out: lines ${report.errors.map((e) => e.line).join(', ')}.` : '',
          report.fragmentsStripped ? `${report.fragmentsStripped} flagged fragments cut out before encryption.` : '',
          `${report.quarantined} contacts are quarantined until a data owner assigns their group a lawful basis.`,
          `File SHA-256 ${report.sha256}; import ${report.importId}.`,
        ].filter(Boolean).join('\n'),
      );
    });
}
