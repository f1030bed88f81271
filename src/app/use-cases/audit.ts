// The accountability record for admins: read the audit log a page at a time, verify it (chain and MACs, against a
// head kept elsewhere if given), and export it whole (JSON or CSV) for a DPO's file. The log holds ids, counts and
// vocabulary words only, so an export holds no personal data either.
import { toCsv } from '../../export/index.js';
import type { AuditEntry, AuditHead, AuditVerification } from '../../shared/audit-entry.js';
import type { Session } from '../../vault/session.js';

export function auditEntries(session: Session, page: { afterSeq: number; limit: number }): AuditEntry[] {
  return session.perform('audit-read', () => ({ value: session.vault.audit.entries(page) }));
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

export function exportAudit(session: Session, format: 'json' | 'csv'): { text: string; entries: number } {
  return session.perform('audit-export', () => {
    const all: AuditEntry[] = [];
    for (let page = session.vault.audit.entries({ afterSeq: 0, limit: PAGE }); page.length > 0; page = session.vault.audit.entries({ afterSeq: page.at(-1)!.seq, limit: PAGE })) {
      all.push(...page);
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
