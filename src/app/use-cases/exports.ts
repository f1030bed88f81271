// What leaves the vault: a sanitised CSV for a CRM, for one purpose and one registered recipient. Left out: anyone
// on the suppression list, whether by profile URL, email or name + company (I4), or who withdrew consent for this
// purpose; contacts with no basis or a basis for another purpose; in a consent group, people without their own live
// consent; in a marketing export, people not yet told (Art. 14) and groups whose legitimate interests assessment is
// unsigned or past its review date (judged on the vault's today). Every cell is neutralised against CSV injection.
// For direct marketing PECR follows the export's channels, read per person here (subscriber type as confirmed,
// soft opt-ins, live consents) and the TPS/CTPS screenings, and applied by src/export/crm-export.ts. Art. 9 and Art.
// 10 are checked at every export: where each contact's hints sit is read here, the rule is applied there. Each export is
// logged as a disclosure (who received which contacts, when, by whom, why) and audited with counts only; an export
// that would carry nobody is refused (guardrail), with no file and no disclosure. A preview runs the very same rules
// over the same contacts (crmDecisions: the export's decisions, without writing its file) and records no disclosure:
// counts, and the first people in and out.
import { randomUUID } from 'node:crypto';
import type { Response, ValidRequest } from '../../api/contract.js';
import { crmDecisions, crmExport, excludedUnread, type CrmDecisions, type CrmExportOptions, type CrmExportResult, type ExportableContact, type UnreadContact } from '../../export/index.js';
import { PURPOSES } from '../../policy/index.js';
import { reported } from '../../shared/task.js';
import { ServiceError } from '../../shared/errors.js';
import { isMarketingPurpose, type CrmExclusion } from '../../shared/vocabulary.js';
import type { NoticeFacts } from '../../vault/notices-repo.js';
import { purposeSuppressions, suppressionMatcher } from '../../vault/contacts-repo.js';
import type { Session } from '../../vault/session.js';
import { factsOf } from './commit-import.js';
import { hintsFound } from './special-category-facts.js';
import { confirmationsOf } from './subscribers.js';

export type CrmExportResponse = Omit<CrmExportResult, 'includedIds'> & { disclosureId: string };
export type CrmExportPreview = Response<'export.preview'>;
type RuleOptions = Omit<CrmExportOptions, 'now'>;

/** The export's options from its request (or its preview's): optional fields left out, not undefined. */
export function exportOptions(r: ValidRequest<'export.preview'>): RuleOptions {
  return {
    purpose: r.purpose,
    channels: r.channels,
    noticeRun: r.noticeRun,
    ...(r.directMarketing !== undefined ? { directMarketing: r.directMarketing } : {}),
    ...(r.fields ? { fields: r.fields } : {}),
  };
}

/** How many included and held-back people a preview names; its counts cover everyone. */
export const PREVIEW_LISTED = 100;

export function exportForCrm(session: Session, options: RuleOptions & { recipientId: string }): CrmExportResponse {
  return session.perform('export-crm', () => {
    if (session.disclosures.recipient(options.recipientId) === null) {
      throw new ServiceError('not-found', 'There is no such recipient: register who receives the file first (recipient add), then name it.');
    }
    const { includedIds, ...result } = crmExportOf(session, options, crmExport);
    // A file of nobody is no export: refused here, for every front end, before any disclosure is recorded (the
    // refusal is audited by perform, with its code).
    if (includedIds.length === 0) {
      const n = result.excludedTotal;
      const held = n === 0 ? 'the vault holds nobody' : n === 1 ? '1 person is held back' : `${n.toLocaleString('en-GB')} people are held back`;
      throw new ServiceError('guardrail', `Nobody would be exported with these options (${held}), so no file was made and no disclosure recorded: preview the export to see why.`);
    }
    const disclosureId = randomUUID();
    session.disclosures.record(
      { id: disclosureId, recipientId: options.recipientId, at: session.vault.now().toISOString(), memberId: session.memberId, purpose: options.purpose, noticeRun: options.noticeRun === true, contacts: includedIds.length },
      includedIds,
    );
    return { value: { ...result, disclosureId }, details: { recipientId: options.recipientId, disclosureId, ...countsOf(options, result) } };
  });
}

/**
 * What an export with these options would carry, without making it: the same rules over the same contacts
 * (crmExportOf, with crmDecisions: no row is written), so the counts are the export's; no file, no disclosure. The
 * first PREVIEW_LISTED people in and out are named (name and company) for the person deciding; the rest are counted.
 */
export function previewCrmExport(session: Session, options: RuleOptions): CrmExportPreview {
  return session.perform('export-preview', () => {
    const { includedIds, ...result } = crmExportOf(session, options, crmDecisions);
    const person = (id: string) => {
      const row = session.contacts.get(id);
      const c = row ? session.contacts.open(row) : null;
      return { id, name: c ? `${c.firstName} ${c.lastName}`.trim() : '', company: c?.company ?? null };
    };
    const value: CrmExportPreview = {
      included: result.included,
      excludedByReason: result.excludedByReason,
      excludedTotal: result.excludedTotal,
      emailsWithheld: result.emailsWithheld.length,
      profilesWithheld: result.profilesWithheld.length,
      fieldsWithheld: result.fieldsWithheld.length,
      directMarketing: result.directMarketing,
      notes: result.notes,
      includedPeople: includedIds.slice(0, PREVIEW_LISTED).map(person),
      heldBack: result.excluded.slice(0, PREVIEW_LISTED).map(({ id, reason }): CrmExportPreview['heldBack'][number] => ({ ...person(id), reason })),
    };
    return { value, details: countsOf(options, result) };
  });
}

/** The audit entry's counts for an export or its preview: words and numbers only. */
function countsOf(options: RuleOptions, result: Omit<CrmDecisions, 'includedIds'>) {
  const count = (reason: CrmExclusion) => result.excludedByReason[reason] ?? 0;
  return {
    purpose: options.purpose,
    noticeRun: options.noticeRun === true,
    channels: [...options.channels],
    directMarketing: result.directMarketing,
    included: result.included,
    excluded: result.excludedTotal,
    heldBack: count('notice-not-given'),
    emailsWithheld: result.emailsWithheld.length,
    profilesWithheld: result.profilesWithheld.length,
    fieldsWithheld: result.fieldsWithheld.length,
    specialCategory: count('special-category-without-condition'),
  };
}

/**
 * The export's rules over every contact of the vault (one at a time): shared by the export (`rules`: crmExport, which
 * also writes the file) and its preview (crmDecisions, which does not).
 */
function crmExportOf<R extends CrmDecisions>(session: Session, options: RuleOptions, rules: (contacts: Iterable<ExportableContact | UnreadContact>, options: CrmExportOptions) => R): R {
  if (!(PURPOSES as readonly string[]).includes(options.purpose)) throw new ServiceError('invalid', `Choose the purpose of the export: ${PURPOSES.join(', ')}.`);
  if (options.channels.length === 0) throw new ServiceError('invalid', 'Name at least one channel the file is for: email, sms, phone, post, linkedin.');
  // Any promotion of the organisation, its products or its aims is direct marketing (DPA 2018 s.122(5)): a marketing
  // purpose cannot be exported as anything else.
  const marketing = isMarketingPurpose(options.purpose);
  if (marketing && options.directMarketing === false) {
    throw new ServiceError('invalid', `An export for ${options.purpose} is direct marketing (DPA 2018 s.122(5)): leave direct marketing on.`);
  }
  // Any other purpose says whether it is direct marketing: a CRM holding an address can send marketing to it, so
  // the question is never left unasked.
  if (!marketing && options.directMarketing === undefined) {
    throw new ServiceError(
      'invalid',
      `Say whether this ${options.purpose} export is direct marketing (any promotion of your organisation, its products or its aims, DPA 2018 s.122(5)): --direct-marketing yes or no.`,
    );
  }
  const directMarketing = marketing || options.directMarketing === true;
  const groups = new Map(session.groups.list().map((g) => [g.id, g]));
  const onList = suppressionMatcher(session.db);
  const withdrawn = purposeSuppressions(session.db);
  const consents = session.consents.live();
  const notices = session.notices.facts();
  const confirmation = confirmationsOf(session);
  const softOptIns = session.marketing.softOptInChannels();
  // Told, for this export: a notice sent; an exemption only where the export does not contact anyone, for marketing
  // reaches the person, and Art. 14(3)(b) wants them told at that first communication (only "already informed",
  // Art. 14(5)(a), holds then).
  const told = (n: NoticeFacts | undefined) => n?.counts === true && (n.status === 'sent' || !directMarketing || n.exemption === 'already-informed');
  const importKinds = new Map((session.db.prepare('SELECT id, kind FROM imports').all() as { id: string; kind: string }[]).map((r) => [r.id, r.kind]));
  // One contact at a time (issue 13): those the suppression list, a missing basis or another purpose leave out are
  // never decrypted (every row keeps its name + company index: written by every import and update, and backfilled
  // for older rows at unlock by src/app/use-cases/carry-over.ts, so the list is read from the row); the others are
  // decrypted as the export reaches them, and only the file's rows and the report are kept.
  function* exportable(): Generator<ExportableContact | UnreadContact> {
    for (const row of reported(session.contacts.all(), session.contacts.count(), session.task)) {
      const group = row.group_id ? groups.get(row.group_id) : undefined;
      const ix = { url: row.url_index, email: row.email_index, name: row.name_index };
      const unread = excludedUnread(onList(ix, row.name_index), group?.policy?.policy ?? null, options.purpose);
      if (unread !== null) {
        yield { id: row.id, excluded: unread };
        continue;
      }
      const contact = session.contacts.open(row);
      const notice = notices.get(row.id);
      yield {
        id: row.id,
        contact,
        groupLabel: group?.label ?? '',
        policy: group?.policy?.policy ?? null,
        emailKind: row.email_kind,
        facts: factsOf(row.id, contact),
        // Not on the list: excludedUnread read it from the row above.
        suppressed: false,
        suppressedPurposes: withdrawn(ix, row.name_index),
        consents: consents.get(row.id) ?? [],
        hintsFound: hintsFound(contact),
        ownProfile: importKinds.get(row.import_id) !== 'linkedin-imported-contacts',
        noticeGiven: told(notice),
        subscriberConfirmed: confirmation(row, contact),
        softOptIns: [...(softOptIns.get(row.id) ?? [])],
      };
    }
  }
  return rules(exportable(), { ...options, directMarketing, now: session.vault.now(), tpsScreenings: session.marketing.screeningDays() });
}
