// What leaves the vault: a sanitised CSV for a CRM (nobody on the suppression list, whether by profile URL, email
// or name + company (I4); only contacts with a basis whose purpose matches; every cell
// neutralised against CSV injection; personal mailboxes without consent lose their email for email marketing),
// and the records of processing (Art. 30). Both audited with counts only.
import { categoryOf } from '../../classify/columns.js';
import { art30Csv, art30Markdown, crmExport, DEFAULT_SECURITY_MEASURES, type CrmExportOptions, type CrmExportResult, type ExportableContact } from '../../export/index.js';
import type { FieldRole } from '../../import/formats.js';
import { describeRetention } from '../../retention/index.js';
import { ServiceError } from '../../shared/errors.js';
import { PURPOSES, type Purpose } from '../../policy/index.js';
import { nameIndexOf, suppressionMatcher, type StoredContact } from '../../vault/contacts-repo.js';
import { ExpiryContext } from '../../vault/expiry.js';
import type { Session } from '../../vault/session.js';
import { factsOf } from './commit-import.js';

export function exportForCrm(session: Session, options: CrmExportOptions): CrmExportResult {
  return session.perform('export-crm', () => {
    if (!(PURPOSES as readonly string[]).includes(options.purpose)) throw new ServiceError('invalid', `Choose the purpose of the export: ${PURPOSES.join(', ')}.`);
    const groups = new Map(session.groups.list().map((g) => [g.id, g]));
    const onList = suppressionMatcher(session.db);
    const contacts: ExportableContact[] = [];
    for (const row of session.contacts.all()) {
      const contact = session.contacts.open(row);
      const group = row.group_id ? groups.get(row.group_id) : undefined;
      const suppressed = onList({ url: row.url_index, email: row.email_index, name: row.name_index }, nameIndexOf(session.index, contact));
      contacts.push({ id: row.id, contact, groupLabel: group?.label ?? '', policy: group?.policy?.policy ?? null, emailKind: row.email_kind, facts: factsOf(row.id, contact), suppressed });
    }
    const result = crmExport(contacts, options);
    return {
      value: result,
      details: { purpose: options.purpose, included: result.included, excluded: result.excluded.length, emailsWithheld: result.emailsWithheld.length },
    };
  });
}

const STORED_CATEGORIES: [keyof StoredContact, FieldRole][] = [
  ['firstName', 'first-name'],
  ['lastName', 'last-name'],
  ['profileUrl', 'profile-url'],
  ['email', 'email'],
  ['company', 'company'],
  ['position', 'position'],
  ['connectedOn', 'connected-on'],
];

/** Records of processing activities (Art. 30(1)), per group, as Markdown and CSV. */
export function recordsOfProcessing(session: Session, controller: string): { markdown: string; csv: string } {
  return session.perform('report-art30', () => {
    const expiries = ExpiryContext.load(session.db);
    const perGroup = new Map<string | null, { contacts: number; categories: Set<string> }>();
    for (const row of session.contacts.all()) {
      const c = session.contacts.open(row);
      const entry = perGroup.get(row.group_id) ?? { contacts: 0, categories: new Set<string>() };
      entry.contacts++;
      for (const [field, role] of STORED_CATEGORIES) if (c[field]) entry.categories.add(categoryOf(role).category);
      perGroup.set(row.group_id, entry);
    }
    const groups = session.groups.list().map((g) => {
      const own = expiries.policies.find((p) => p.scope.type === 'group' && p.scope.groupId === g.id);
      const byBasis = g.policy ? expiries.policies.find((p) => p.scope.type === 'basis' && p.scope.basis === g.policy!.policy.basis) : undefined;
      const retention = g.policy ? (own ?? byBasis ? describeRetention((own ?? byBasis)!) : 'no retention policy set: kept until an admin sets one') : `quarantine: destroyed ${expiries.quarantineDays} days after import`;
      const entry = perGroup.get(g.id);
      return { groupId: g.id, label: g.label, contacts: entry?.contacts ?? 0, policy: g.policy?.policy ?? null, retention, dataCategories: [...(entry?.categories ?? [])].sort() };
    });
    const input = {
      controller,
      generatedAt: session.vault.now().toISOString(),
      groups,
      quarantined: { contacts: perGroup.get(null)?.contacts ?? 0, retention: `destroyed ${expiries.quarantineDays} days after import` },
      securityMeasures: DEFAULT_SECURITY_MEASURES,
    };
    return { value: { markdown: art30Markdown(input), csv: art30Csv(input) }, details: { groups: groups.length } };
  });
}

export type { Purpose };
