// What leaves the vault: a sanitised CSV for a CRM, for one purpose and one registered recipient. Left out: anyone
// on the suppression list, whether by profile URL, email or name + company (I4), or who withdrew consent for this
// purpose; contacts with no basis or a basis for another purpose; in a consent group, people without their own live
// consent; in a marketing export, people not yet told (Art. 14) and groups whose legitimate interests assessment is
// unsigned or past its review date (judged on the vault's today). Every cell is neutralised against CSV injection,
// and personal mailboxes without consent lose their email for email marketing. Each export is logged as a
// disclosure (who received which contacts, when, by whom, why) and audited with counts only.
import { randomUUID } from 'node:crypto';
import { crmExport, type CrmExportOptions, type CrmExportResult, type ExportableContact } from '../../export/index.js';
import { PURPOSES } from '../../policy/index.js';
import { ServiceError } from '../../shared/errors.js';
import { MARKETING_PURPOSES } from '../../shared/vocabulary.js';
import type { NoticeFacts } from '../../vault/notices-repo.js';
import { nameIndexOf, purposeSuppressions, suppressionMatcher } from '../../vault/contacts-repo.js';
import type { Session } from '../../vault/session.js';
import { factsOf } from './commit-import.js';

export type CrmExportResponse = Omit<CrmExportResult, 'includedIds'> & { disclosureId: string };

export function exportForCrm(session: Session, options: Omit<CrmExportOptions, 'now'> & { recipientId: string }): CrmExportResponse {
  return session.perform('export-crm', () => {
    if (!(PURPOSES as readonly string[]).includes(options.purpose)) throw new ServiceError('invalid', `Choose the purpose of the export: ${PURPOSES.join(', ')}.`);
    if (session.disclosures.recipient(options.recipientId) === null) {
      throw new ServiceError('not-found', 'There is no such recipient: register who receives the file first (recipient add), then name it.');
    }
    const groups = new Map(session.groups.list().map((g) => [g.id, g]));
    const onList = suppressionMatcher(session.db);
    const withdrawn = purposeSuppressions(session.db);
    const consents = session.consents.live();
    const notices = session.notices.facts();
    // Told, for this export: a notice sent; an exemption only where the export does not contact anyone, for marketing
    // reaches the person, and Art. 14(3)(b) wants them told at that first communication (only "already informed",
    // Art. 14(5)(a), holds then).
    const marketing = (MARKETING_PURPOSES as readonly string[]).includes(options.purpose);
    const told = (n: NoticeFacts | undefined) => n?.counts === true && (n.status === 'sent' || !marketing || n.exemption === 'already-informed');
    const contacts: ExportableContact[] = [];
    for (const row of session.contacts.all()) {
      const contact = session.contacts.open(row);
      const group = row.group_id ? groups.get(row.group_id) : undefined;
      const ix = { url: row.url_index, email: row.email_index, name: row.name_index };
      const name = nameIndexOf(session.index, contact);
      const notice = notices.get(row.id);
      contacts.push({
        id: row.id,
        contact,
        groupLabel: group?.label ?? '',
        policy: group?.policy?.policy ?? null,
        emailKind: row.email_kind,
        facts: factsOf(row.id, contact),
        suppressed: onList(ix, name),
        suppressedPurposes: withdrawn(ix, name),
        consents: consents.get(row.id) ?? [],
        noticeGiven: told(notice),
      });
    }
    const { includedIds, ...result } = crmExport(contacts, { ...options, now: session.vault.now() });
    const disclosureId = randomUUID();
    session.disclosures.record(
      { id: disclosureId, recipientId: options.recipientId, at: session.vault.now().toISOString(), memberId: session.memberId, purpose: options.purpose, noticeRun: options.noticeRun === true, contacts: includedIds.length },
      includedIds,
    );
    const heldBack = result.excluded.filter((e) => e.reason === 'notice-not-given').length;
    return {
      value: { ...result, disclosureId },
      details: {
        purpose: options.purpose,
        recipientId: options.recipientId,
        disclosureId,
        noticeRun: options.noticeRun === true,
        included: result.included,
        excluded: result.excluded.length,
        heldBack,
        emailsWithheld: result.emailsWithheld.length,
      },
    };
  });
}
