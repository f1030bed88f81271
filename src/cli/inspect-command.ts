// `contact-sanitizer inspect <file> [--json]`: read an export and report its personal data, storing nothing.
import type { Command } from 'commander';
import { formatReport } from '../report/format-report.js';
import { terminalProgress } from './progress.js';
import { command, withCore } from './vault-context.js';
import { writeOut } from './write-out.js';

export function registerInspect(program: Command): void {
  command(program, 'inspect', ['file.inspect'], { vault: false })
    .description('Read a LinkedIn export (Connections.csv or the archive ZIP) and report what personal data it holds.')
    .argument('<file>', 'Connections.csv, an Excel re-save of it, or the LinkedIn data archive (.zip)')
    .option('--json', 'print one JSON object (the report) on stdout')
    .option('--entry <name>', 'the archive file to read (default Connections.csv; ImportedContacts.csv only when named)')
    .option('--country <code>', 'country assumed for phone numbers without a +country code', 'GB')
    .action(async (file: string, opts: { json?: boolean; entry?: string; country: string }) => {
      const progress = terminalProgress();
      const report = await withCore((call) =>
        call('file.inspect', { path: file, ...(opts.entry ? { entry: opts.entry } : {}), country: opts.country }, (p) => progress.update(p.done, p.total)),
      ).finally(progress.clear);
      await writeOut(opts.json ? `${JSON.stringify(report)}\n` : formatReport(report));
    });
}
