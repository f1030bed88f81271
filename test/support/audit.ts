// The whole audit log (or what a filter keeps) read through the contract a page at a time, as a front end reads it.
import type { Request, Response } from '../../src/api/contract.js';
import type { AuditEntry } from '../../src/shared/audit-entry.js';
import type { RoutedClient } from './router-vault.js';

export async function auditLog(client: Pick<RoutedClient, 'call'>, filter: Omit<Request<'audit.entries'>, 'limit'> = {}): Promise<AuditEntry[]> {
  const all: AuditEntry[] = [];
  for (let after: number | null = filter.afterSeq ?? 0; after !== null; ) {
    const page: Response<'audit.entries'> = await client.call('audit.entries', { ...filter, afterSeq: after, limit: 500 });
    all.push(...page.entries);
    after = page.next;
  }
  return all;
}
