// The accountability record for admins: read the audit log a page at a time, verify it (chain and MACs, against a
// head kept elsewhere if given), and export it whole (JSON or CSV) for a DPO's file. The log holds ids, counts and
// vocabulary words only, so an export holds no personal data either.
import { toCsv } from '../../export/index.js';
import type { AuditEntry, AuditHead, AuditVerification } from '../../shared/audit-entry.js';
import type { AuditFilter } from '../../audit/audit-log.js';
import type { Response, ValidRequest } from '../../api/contract.js';
import type { Session } from '../../vault/session.js';

/** One page of the entries the filter keeps, with their total and the cursor of the next page. */
export function auditEntries(session: Session, request: ValidRequest<'audit.entries'>): Response<'audit.entries'> {
  const { afterSeq, beforeSeq, newestFirst, limit, ...filter } = request;
  return session.repeatableRead('audit-read', () => ({
    value: session.vault.audit.page(definedOnly(filter), { afterSeq, newestFirst, ...(beforeSeq === undefined ? {} : { beforeSeq }) }, limit),
  }));
}

/**
 * The chain, every entry's MAC under the vault's audit key (this member's session holds it), and the head; with
 * `against` (a certificate's entry or a head exported earlier, kept outside the vault), that entry with that hash
 * too, so a log cut short and its head reset with it is found. The answer's `seq` and `hash` are the head to keep.
 */
export function verifyAudit(session: Session, request: { against?: AuditHead | undefined } = {}): AuditVerification {
  return session.perform('audit-verify', () => {
    const result = session.vault.audit.verify(session.auditMac, request.against ? { against: request.against } : {});
    return { value: result, details: { ok: result.ok, entries: result.entries } };
  });
}

const PAGE = 5000;

/** The entries the filter keeps (all of them without one), as JSON or CSV. */
export function exportAudit(session: Session, request: ValidRequest<'audit.export'>): { text: string; entries: number } {
  const { format, ...given } = request;
  const filter = definedOnly(given);
  return session.perform('audit-export', () => {
    const all: AuditEntry[] = [];
    for (let after: number | null = 0; after !== null; ) {
      const page = session.vault.audit.page(filter, { afterSeq: after }, PAGE);
      all.push(...page.entries);
      after = page.next;
    }
    const text =
      format === 'json'
        ? `${JSON.stringify(all, null, 2)}\n`
        : toCsv(
            ['seq', 'at', 'member', 'action', 'outcome', 'details', 'prevHash', 'hash'],
            all.map((e) => [String(e.seq), e.at, e.member ?? '', e.action, e.outcome, JSON.stringify(e.details), e.prevHash, e.hash]),
          );
    return { value: { text, entries: all.length }, details: { entries: all.length } };
  });
}

/** The filter's fields that were given (an optional field of a request may arrive as undefined). */
function definedOnly(filter: AuditFilter): AuditFilter {
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) as AuditFilter;
}
