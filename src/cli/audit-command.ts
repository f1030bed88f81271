// `contact-sanitizer audit verify|list|export`: the audit log for admins: check its chain and MACs (against a
// certificate or a head kept elsewhere, if given), read it (filtered by action, member, outcome and days), export it.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { Request, Response } from '../api/contract.js';
import { AuditHeadSchema, type AuditEntry, type AuditHead } from '../shared/audit-entry.js';
import { ServiceError } from '../shared/errors.js';
import { AUDIT_OUTCOMES, MAX_PAGE, type AuditOutcome } from '../shared/vocabulary.js';
import { emit, outputFor } from './output-file.js';
import { wholeNumber } from './pages.js';
import { writeOut } from './write-out.js';
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
  filterOptions(
    command(audit, 'list', ['audit.entries'], { isDefault: true })
      .description('List audit entries, oldest first: every one the filters keep, a page at a time, or one page.')
      .option('--after <seq>', 'only entries after this sequence number', wholeNumber, 0)
      .option('--limit <n>', `one page of at most ${MAX_PAGE}; without it, every entry`, wholeNumber),
  ).action(async (opts: VaultOptions & FilterFlags & { after: number; limit?: number }) => {
    const filter = auditFilter(opts);
    await withVault(opts, async (call) => {
      if (opts.limit !== undefined) {
        const one = await call('audit.entries', { ...filter, afterSeq: opts.after, limit: Math.min(Math.max(opts.limit, 1), MAX_PAGE) });
        const more = one.next === null ? '' : `\n${one.entries.length} of ${one.total} entries shown: --after ${one.next} for the next page.`;
        return print(opts, one, () => (one.entries.map(entryLine).join('\n') || 'No entries.') + more);
      }
      // Every entry the filters keep, a page at a time behind the cursor: memory stays at one page.
      let first = true;
      for (let after: number | null = opts.after; after !== null; first = false) {
        const one: Response<'audit.entries'> = await call('audit.entries', { ...filter, afterSeq: after, limit: MAX_PAGE });
        const items = one.entries.map((e) => (opts.json ? JSON.stringify(e) : entryLine(e)));
        if (opts.json) await writeOut(`${first ? `{"total":${one.total},"entries":[` : items.length ? ',' : ''}${items.join(',')}`);
        else if (items.length) await writeOut(`${items.join('\n')}\n`);
        else if (first) await writeOut('No entries.\n');
        after = one.next;
      }
      if (opts.json) await writeOut(']}\n');
    });
  });
  filterOptions(
    command(audit, 'export', ['audit.export'])
      .description('The audit log (every entry, or those the filters keep) as JSON (default) or CSV, for a DPO’s file.')
      .option('--csv', 'CSV instead of JSON')
      .option('--out <file>', 'write to this new file (0600) instead of stdout')
      .option('--force', 'replace the --out file if it exists (never a vault)'),
  ).action(async (opts: VaultOptions & FilterFlags & { csv?: boolean; out?: string; force?: boolean }) => {
    const out = outputFor(opts, opts.out); // checked before the core is called
    const exported = await withVault(opts, (call) => call('audit.export', { ...auditFilter(opts), format: opts.csv ? 'csv' : 'json' }));
    await emit(out, exported.text);
  });
}

interface FilterFlags {
  action?: string;
  member?: string;
  outcome?: string;
  from?: string;
  to?: string;
}

function filterOptions(cmd: Command): Command {
  return cmd
    .option('--action <action>', 'only entries of this action (e.g. import-commit, erasure)')
    .option('--member <id>', 'only entries of this member (`member list` shows ids)')
    .option('--outcome <outcome>', `only entries with this outcome: ${AUDIT_OUTCOMES.join(', ')}`)
    .option('--from <day>', 'only entries on or after this day (yyyy-mm-dd)')
    .option('--to <day>', 'only entries on or before this day (yyyy-mm-dd)');
}

/** The filter as the contract takes it; the core validates each value. */
function auditFilter(opts: FilterFlags): Omit<Request<'audit.entries'>, 'afterSeq' | 'limit'> {
  if (opts.outcome !== undefined && !(AUDIT_OUTCOMES as readonly string[]).includes(opts.outcome)) {
    throw new ServiceError('invalid', `--outcome is one of ${AUDIT_OUTCOMES.join(', ')}.`);
  }
  return {
    ...(opts.action === undefined ? {} : { action: opts.action }),
    ...(opts.member === undefined ? {} : { memberId: opts.member }),
    ...(opts.outcome === undefined ? {} : { outcome: opts.outcome as AuditOutcome }),
    ...(opts.from === undefined ? {} : { from: opts.from }),
    ...(opts.to === undefined ? {} : { to: opts.to }),
  };
}

function entryLine(e: AuditEntry): string {
  return `${e.seq}  ${e.at}  ${e.action}  ${e.outcome}  ${e.member ?? '-'}  ${JSON.stringify(e.details)}`;
}
