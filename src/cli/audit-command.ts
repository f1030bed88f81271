// `contact-sanitizer audit verify|list|export`: the audit log for admins: check its chain and MACs (against a
// certificate or a head kept elsewhere, if given), read it, export it.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { AuditHeadSchema, type AuditHead } from '../shared/audit-entry.js';
import { ServiceError } from '../shared/errors.js';
import { emit, outputFor } from './output-file.js';
import { command, print, withVault, type VaultOptions } from './vault-context.js';

/**
 * The point to verify against, read before anything is unlocked: a destruction certificate's audit entry
 * (`audit: { seq, hash }`) or a head as `audit verify --json` prints it (`{ "seq": n, "hash": "…" }`).
 */
async function readAuditPoint(file: string): Promise<AuditHead> {
  let body: unknown;
  try {
    body = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    throw new ServiceError('invalid', `"${file}" cannot be read as a certificate or an audit head (${(err as Error).message}).`);
  }
  const point = typeof body === 'object' && body !== null && 'audit' in body ? (body as { audit: unknown }).audit : body;
  const parsed = AuditHeadSchema.safeParse(point);
  if (!parsed.success) throw new ServiceError('invalid', `"${file}" is neither a destruction certificate nor an audit head (a JSON object with "seq" and "hash").`);
  return { seq: parsed.data.seq, hash: parsed.data.hash };
}

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('The audit log (admins).');
  command(audit, 'verify', ['audit.verify'])
    .description('Check that no entry of the audit log was changed, removed, reordered or forged (each entry’s MAC under the vault key).')
    .option('--against <file>', 'a certificate or a head printed earlier by `audit verify --json`: the log must still hold that entry')
    .action(async (opts: VaultOptions & { against?: string }) => {
      const against = opts.against === undefined ? undefined : await readAuditPoint(opts.against);
      const result = await withVault(opts, (call) => call('audit.verify', against ? { against } : {}));
      // Never an assurance the core did not give: a point given must come back as checked.
      if (against && result.ok && (result.against?.seq !== against.seq || result.against.hash !== against.hash)) {
        throw new ServiceError('failed', `The audit log was not checked against entry ${against.seq}: this version of the core ignored the point given.`);
      }
      await print(opts, result, () => {
        if (!result.ok) return `The audit log is broken at entry ${result.brokenAt}: ${result.problem}.`;
        const legacy = result.legacy > 0 ? ` Entries 1 to ${result.legacy} were written before entries were authenticated: they are checked by the chain only.` : '';
        const point = against ? ` It still holds entry ${against.seq} with the hash given.` : '';
        return `The audit log is intact: ${result.entries} entries, head ${result.head}.${legacy}${point}`;
      });
      if (!result.ok) throw new ServiceError('integrity', `The audit log failed verification at entry ${result.brokenAt}: ${result.problem}.`);
    });
  command(audit, 'list', ['audit.entries'], { isDefault: true })
    .description('List audit entries, oldest first.')
    .option('--after <seq>', 'only entries after this sequence number', '0')
    .option('--limit <n>', 'at most this many entries', '500')
    .action(async (opts: VaultOptions & { after: string; limit: string }) => {
      const entries = await withVault(opts, (call) => call('audit.entries', { afterSeq: Number(opts.after), limit: Number(opts.limit) }));
      await print(opts, { entries }, () => entries.map((e) => `${e.seq}  ${e.at}  ${e.action}  ${e.outcome}  ${e.member ?? '-'}  ${JSON.stringify(e.details)}`).join('\n') || 'No entries.');
    });
  command(audit, 'export', ['audit.export'])
    .description('The whole audit log as JSON (default) or CSV, for a DPO’s file.')
    .option('--csv', 'CSV instead of JSON')
    .option('--out <file>', 'write to this new file (0600) instead of stdout')
    .option('--force', 'replace the --out file if it exists (never a vault)')
    .action(async (opts: VaultOptions & { csv?: boolean; out?: string; force?: boolean }) => {
      const out = outputFor(opts, opts.out); // checked before the core is called
      const exported = await withVault(opts, (call) => call('audit.export', { format: opts.csv ? 'csv' : 'json' }));
      await emit(out, exported.text);
    });
}
