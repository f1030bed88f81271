// The records of processing activities (Art. 30(1)): the controller's details (controller set), per group its purpose,
// basis, data subjects (by their imports' sources), categories of data, the recipients its current members were
// disclosed to (the disclosure log) and retention, the quarantine, the recipients and transfers from the register, the
// special-category data held, and the security measures. Audited with counts only.
import { categoryOf } from '../../classify/columns.js';
import { art30Csv, art30Markdown, DEFAULT_SECURITY_MEASURES, type Art30Controller, type Art30Input, type Art30Quarantine, type Art30SpecialCount } from '../../export/art30-report.js';
import type { FieldRole } from '../../import/formats.js';
import { describeDefaultRetention, describeWithRationale, policyFor } from '../../retention/index.js';
import { reported } from '../../shared/task.js';
import { SOURCE_KINDS, type SourceKind } from '../../shared/vocabulary.js';
import type { StoredContact } from '../../vault/contacts-repo.js';
import { ExpiryContext } from '../../vault/expiry.js';
import { storedPolicies } from '../../vault/retention-repo.js';
import type { Session } from '../../vault/session.js';
import { unloggedExports } from './carry-over.js';

/** The stored fields and their column roles: the categories of data held (shared with the privacy notice). */
export const STORED_CATEGORIES: [keyof StoredContact, FieldRole][] = [
  ['firstName', 'first-name'],
  ['lastName', 'last-name'],
  ['profileUrl', 'profile-url'],
  ['email', 'email'],
  ['company', 'company'],
  ['position', 'position'],
  ['connectedOn', 'connected-on'],
];

interface Tally {
  contacts: number;
  categories: Set<string>;
  special: Map<string, number>;
  sources: Set<SourceKind>;
  ids: string[];
}

const specialCounts = (t: Tally | undefined): Art30SpecialCount[] =>
  [...(t?.special ?? [])].sort(([a], [b]) => (a < b ? -1 : 1)).map(([category, contacts]) => ({ category, contacts }));

/** The source an import kind stands for (Art. 14(2)(f), Art. 30(1)(c)); an import of no known kind counts as entered by hand. */
export function sourceKindOf(kind: string | undefined): SourceKind {
  return (SOURCE_KINDS as readonly string[]).includes(kind ?? '') ? (kind as SourceKind) : 'manual';
}

/** The source of every import, by its id. */
function importSources(session: Session): Map<string, SourceKind> {
  const rows = session.db.prepare('SELECT id, kind FROM imports').all() as { id: string; kind: string }[];
  return new Map(rows.map((r) => [r.id, sourceKindOf(r.kind)]));
}

/**
 * A tally's data subjects by source (Art. 30(1)(c)) and the names of the recipients the disclosure log shows its
 * people went to (Art. 30(1)(d)), in register order: the register lists every recipient, not these.
 */
function subjectsAndRecipients(session: Session, t: Tally | undefined, register: readonly { id: string; name: string }[]): Pick<Art30Quarantine, 'sources' | 'disclosedTo'> {
  const received = new Set(session.disclosures.recipientsOf(t?.ids ?? []));
  return { sources: SOURCE_KINDS.filter((k) => t?.sources.has(k)), disclosedTo: register.filter((r) => received.has(r.id)).map((r) => r.name) };
}

/**
 * Art. 30(1)(a): the recorded controller; a name given with the request overrides only the name. What is not
 * recorded is said to be so, never invented.
 */
function controllerOf(session: Session, name: string | undefined): Art30Controller {
  const recorded = session.disclosures.controller();
  return {
    name: name ?? recorded?.name ?? null,
    contact: recorded?.contact ?? null,
    dpo: recorded?.dpo || null,
    representative: recorded?.representative || null,
    recorded: recorded !== null,
  };
}

/** Records of processing activities (Art. 30(1)) as Markdown and CSV. */
export function recordsOfProcessing(session: Session, controller: string | undefined): { markdown: string; csv: string } {
  return session.perform('report-art30', () => {
    const expiries = ExpiryContext.load(session.db);
    const sourceOf = importSources(session);
    const register = session.disclosures.recipients();
    const perGroup = new Map<string | null, Tally>();
    for (const row of reported(session.contacts.all(), session.contacts.count(), session.task)) {
      const c = session.contacts.open(row);
      const entry = perGroup.get(row.group_id) ?? { contacts: 0, categories: new Set<string>(), special: new Map<string, number>(), sources: new Set<SourceKind>(), ids: [] };
      entry.contacts++;
      entry.ids.push(row.id);
      entry.sources.add(sourceOf.get(row.import_id) ?? 'manual');
      for (const [field, role] of STORED_CATEGORIES) if (c[field]) entry.categories.add(categoryOf(role).category);
      for (const category of new Set(c.specialCategories)) entry.special.set(category, (entry.special.get(category) ?? 0) + 1);
      perGroup.set(row.group_id, entry);
    }
    const policies = storedPolicies(session.db, session.records);
    const groups = session.groups.list().map((g) => {
      // Art. 30(1)(f): the period and why it was chosen; a group no policy covers is kept by the vault's default.
      const applies = g.policy ? policyFor(policies.map((p) => p.rule), { groupId: g.id, basis: g.policy.policy.basis }) : null;
      const stored = policies.find((p) => p.rule === applies);
      const retention = !g.policy
        ? `quarantine: destroyed ${expiries.quarantineDays} days after import`
        : stored
          ? describeWithRationale(stored.rule, stored.rationale)
          : `${describeDefaultRetention(expiries.defaultRetention)} (no policy for this group or its lawful basis)`;
      const entry = perGroup.get(g.id);
      return {
        groupId: g.id,
        label: g.label,
        contacts: entry?.contacts ?? 0,
        policy: g.policy?.policy ?? null,
        retention,
        dataCategories: [...(entry?.categories ?? [])].sort(),
        specialCategories: specialCounts(entry),
        ...subjectsAndRecipients(session, entry, register),
      };
    });
    const recipients = register.map((r) => ({ name: r.name, role: r.role, contractDate: r.contractDate, hostingRegion: r.hostingRegion, transfer: r.transfer }));
    const quarantine = perGroup.get(null);
    const input: Art30Input = {
      controller: controllerOf(session, controller),
      generatedAt: session.vault.now().toISOString(),
      groups,
      quarantined: {
        contacts: quarantine?.contacts ?? 0,
        retention: `destroyed ${expiries.quarantineDays} days after import`,
        specialCategories: specialCounts(quarantine),
        ...subjectsAndRecipients(session, quarantine, register),
      },
      recipients,
      unloggedExports: unloggedExports(session),
      securityMeasures: DEFAULT_SECURITY_MEASURES,
    };
    return { value: { markdown: art30Markdown(input), csv: art30Csv(input) }, details: { groups: groups.length } };
  });
}
