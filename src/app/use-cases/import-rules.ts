// The rules an import applies to each record, written once: the commit runs them against the vault, the preview against
// a copy-on-write view of it that writes nothing, so the preview's counts are the commit's (docs/architecture.md,
// "Data flow"). Per record: classify, minimise (Art. 5(1)(c): the importer's choices, a per-line keep or strip of a
// special-category hint among them), skip when empty, refuse when suppressed (I4), then a duplicate is skipped or
// updated (unless held, I8), anyone else added; each kept record gets its group and is checked against its basis
// (Art. 9(2), Art. 10; in quarantine there is none). A person the file names again is counted once, the repeat as a
// duplicate in the file, whether they are new or already in the vault.
import { randomUUID } from 'node:crypto';
import { Inspector } from '../../classify/inspector.js';
import type { Finding } from '../../classify/findings.js';
import { toContact, type Contact } from '../../import/contact.js';
import type { ExportInfo } from '../../import/read-export.js';
import type { RawRecord, RecordError } from '../../import/records.js';
import { mailboxKind } from '../../classify/free-mail.js';
import { assignGroup, uncoveredCategories, type ContactFacts, type GroupDefinition } from '../../policy/index.js';
import { ServiceError } from '../../shared/errors.js';
import type { OnDuplicate } from '../../shared/vocabulary.js';
import { activeHolds, identityOf, suppressionSet, type ContactIndexes, type EmailKind, type StoredContact } from '../../vault/contacts-repo.js';
import { minimise, type CommitChoices } from '../../vault/minimise.js';
import type { Session } from '../../vault/session.js';
import { explicitConsents, type ExplicitConsents } from './special-category-facts.js';

/** A contact row as the rules need it. */
export interface KnownRow {
  id: string;
  import_id: string;
  group_id: string | null;
  last_review_at: string | null;
}

/** A record to store: added when `existing` is null, else `existing` updated. */
export interface Write<R extends KnownRow> {
  existing: R | null;
  id: string;
  data: StoredContact;
  written: ContactIndexes;
  emailKind: EmailKind;
  groupId: string | null;
}

/** Where the records go: the vault (commit), or a view of it that writes nothing (preview). */
export interface ImportTarget<R extends KnownRow> {
  /** The person already held (or stored earlier in this import), by profile URL, then email, then name only. */
  find(ix: ContactIndexes): R | null;
  write(w: Write<R>): void;
}

/** What an import counts: the commit's report but for its id and the file's hash (commit-import.ts, CommitReport). */
export interface ImportTally {
  records: number;
  added: number;
  updated: number;
  /** People already in the vault, left as they were (onDuplicate: skip): each counted once, however often the file names them. */
  duplicatesSkipped: number;
  /**
   * The same person again later in this file, whether new or already in the vault: the first record of a person is
   * counted (added, updated or skipped), every later one here (with update, the later record's data is what is kept).
   */
  duplicatesInFile: number;
  /** Lines of records refused because the person is on the suppression list (an erasure or objection). */
  suppressedLines: number[];
  /** Lines of people already in the vault under a legal hold (on them or their group), kept as they are (onDuplicate: update). */
  heldLines: number[];
  /** Records with nothing to keep (no name, profile, email, company or position). */
  emptySkipped: number;
  errors: RecordError[];
  columnsDropped: string[];
  fragmentsStripped: number;
  /** Contacts this import wrote (each once) that are in no group with a lawful basis: quarantined until assigned or expired. */
  quarantined: number;
  /**
   * Lines of records kept with a special-category or criminal-offence hint that no condition covers (Art. 9(2), Art.
   * 10): in a group whose basis has none that holds for it, or quarantined (no basis, so no condition: the stricter
   * reading of the unknown). One line a person, the record of them that was kept; stored all the same, and held back
   * by the CRM export.
   */
  specialCategoryLines: number[];
  /** The groups those records landed in, flagged: how many of this import's records each holds (a record in no group is in the lines only). */
  specialCategoryGroups: { groupId: string; label: string; records: number }[];
}

export function emailKindOf(email: string | null): EmailKind {
  return email ? (mailboxKind(email.slice(email.lastIndexOf('@') + 1)) === 'personal' ? 'personal' : 'corporate') : 'none';
}

export function factsOf(id: string, c: StoredContact | Omit<StoredContact, 'source'>, emailKind = emailKindOf(c.email)): ContactFacts {
  return {
    id,
    company: c.company,
    position: c.position,
    emailKind,
    connectedOn: c.connectedOn,
    soleTrader: c.soleTrader,
    specialCategories: c.specialCategories,
  };
}

/** A record classified and minimised, before anything is looked up: the same for either duplicate choice. */
export interface Prepared {
  line: number;
  contact: Contact;
  findings: Finding[];
  /** null: nothing to keep (an empty record). */
  kept: { stored: Omit<StoredContact, 'source'>; fragmentsStripped: number; indexes: ContactIndexes; nameKey: Buffer | null } | null;
}

export function emptyTally(choices: CommitChoices): ImportTally {
  return {
    records: 0, added: 0, updated: 0, duplicatesSkipped: 0, duplicatesInFile: 0, suppressedLines: [], heldLines: [], emptySkipped: 0, errors: [],
    columnsDropped: [...choices.dropColumns], fragmentsStripped: 0, quarantined: 0, specialCategoryLines: [], specialCategoryGroups: [],
  };
}

/** The vault's state an import reads once: groups and their policies, explicit consents, the suppression list, holds. */
export class ImportRules {
  private readonly groups;
  private readonly definitions: GroupDefinition[];
  private readonly withPolicy: Set<string>;
  private readonly policies;
  private readonly explicit: ExplicitConsents;
  private readonly suppressed;
  private readonly held;
  /** Lines with a special-category hint: every per-line choice must name one of them. */
  private readonly hintLines = new Set<number>();
  private readonly lineChoice: Map<number, 'keep' | 'strip'>;

  constructor(
    private readonly session: Session,
    readonly importId: string,
    readonly choices: CommitChoices,
  ) {
    this.groups = session.groups.list();
    this.definitions = this.groups.map((g) => ({ id: g.id, rule: g.rule, order: g.order }));
    this.withPolicy = new Set(this.groups.filter((g) => g.policy).map((g) => g.id));
    // Art. 9(2), Art. 10: the check runs at every import into a group, not only when its basis is assigned.
    this.policies = new Map(this.groups.flatMap((g) => (g.policy ? [[g.id, g.policy.policy] as const] : [])));
    this.explicit = explicitConsents(session);
    // Loaded once: an import asks both questions for every record (an empty suppression list costs nothing).
    this.suppressed = suppressionSet(session.db);
    // In a commit this is read inside the write transaction (BEGIN IMMEDIATE): no hold can be placed or lifted meanwhile.
    this.held = activeHolds(session.db);
    this.lineChoice = new Map(choices.lineChoices.map((c) => [c.line, c.specialCategory]));
  }

  /** Classifies and minimises the records of one file (refusing a choice that names a column it does not have). */
  preparer(info: ExportInfo): (r: RawRecord) => Prepared {
    const unknown = this.choices.dropColumns.filter((h) => !info.columns.some((c) => c.header === h));
    if (unknown.length) throw new ServiceError('invalid', `The file has no column ${unknown.map((h) => `"${h}"`).join(', ')} to drop.`);
    const inspector = new Inspector(info.columns, { defaultCountry: 'GB' });
    const withHint = [...this.choices.strip.filter((k) => k !== 'special-category'), 'special-category' as const];
    const withoutHint = this.choices.strip.filter((k) => k !== 'special-category');
    return (r) => {
      const findings = inspector.recordFindings(r);
      const contact = toContact(r, info.columns);
      if (findings.some((f) => f.kind === 'empty-record')) return { line: r.line, contact, findings, kept: null };
      // The importer's decision for this line's special-category hints, where one was made, over the choice for all.
      const decided = this.lineChoice.get(r.line);
      let choices = this.choices;
      if (findings.some((f) => f.kind === 'special-category')) {
        this.hintLines.add(r.line);
        if (decided) choices = { ...this.choices, strip: decided === 'strip' ? withHint : withoutHint };
      }
      const { stored, fragmentsStripped } = minimise(contact, findings, info.columns, choices);
      const { indexes, name: nameKey } = identityOf(this.session.index, stored);
      if (!indexes.url && !indexes.email && !indexes.name && !stored.company && !stored.position) return { line: r.line, contact, findings, kept: null };
      return { line: r.line, contact, findings, kept: { stored, fragmentsStripped, indexes, nameKey } };
    };
  }

  /** Refuses per-line choices for lines without a special-category hint (a typo must not pass for a decision). */
  checkLineChoices(): void {
    const stray = [...this.lineChoice.keys()].filter((line) => !this.hintLines.has(line));
    if (stray.length) {
      throw new ServiceError('invalid', `Line${stray.length > 1 ? 's' : ''} ${stray.slice(0, 10).join(', ')} of the file hold${stray.length > 1 ? '' : 's'} no special-category hint to keep or strip.`);
    }
  }

  /** Counts (and, through the target, stores) prepared records under one duplicate choice. */
  tally<R extends KnownRow>(onDuplicate: OnDuplicate, target: ImportTarget<R>, kind: ExportInfo['kind']): ImportTallier {
    const report = emptyTally(this.choices);
    // People already in the vault whom this file named (by contact id): a later record of them is a repeat. (Those this
    // import added are known by their import id, so a first import keeps nothing here.)
    const reached = new Set<string>();
    // Kept with a hint no condition covers, as the last record written of each person left them (few: hints are rare).
    const flagged = new Map<string, { line: number; groupId: string | null }>();
    const quarantinedIn = (groupId: string | null) => !(groupId && this.withPolicy.has(groupId));
    return {
      report,
      record: (p) => {
        report.records++;
        if (!p.kept) {
          report.emptySkipped++;
          return;
        }
        const { stored, fragmentsStripped, indexes, nameKey } = p.kept;
        if (this.suppressed(indexes, nameKey)) {
          report.suppressedLines.push(p.line);
          return;
        }
        report.fragmentsStripped += fragmentsStripped;
        const existing = target.find(indexes);
        // Added earlier in this import, or met earlier in this file (already in the vault): the same person again.
        const again = existing !== null && (existing.import_id === this.importId || reached.has(existing.id));
        if (existing && existing.import_id !== this.importId) reached.add(existing.id);
        if (existing && onDuplicate === 'skip') {
          if (again) report.duplicatesInFile++;
          else report.duplicatesSkipped++;
          return;
        }
        if (existing && this.held(existing)) {
          // A legal hold freezes the record: not its data, indexes, group or due date.
          report.heldLines.push(p.line);
          return;
        }
        const id = existing?.id ?? randomUUID();
        const emailKind = emailKindOf(stored.email);
        const groupId = assignGroup(this.definitions, factsOf(id, stored, emailKind));
        target.write({ existing, id, data: { ...stored, source: { importId: this.importId, line: p.line } }, written: { url: indexes.url, email: indexes.email, name: nameKey }, emailKind, groupId });
        if (!existing) report.added++;
        else if (again) report.duplicatesInFile++;
        else report.updated++;
        // Each person once: a repeat rewrote someone this import wrote and counted (with the group it gave them), so
        // the count follows the later record.
        if (again && quarantinedIn(existing.group_id)) report.quarantined--;
        if (quarantinedIn(groupId)) report.quarantined++;
        // Art. 9(1), Art. 10: a kept hint needs a condition. Without a basis (quarantine) there is none, so every
        // category counts (uncoveredCategories with no policy): unknown is judged the stricter way.
        const policy = (groupId ? this.policies.get(groupId) : undefined) ?? null;
        const explicit = policy ? this.explicit(id, policy.purpose) : false;
        flagged.delete(id);
        if (uncoveredCategories(policy, stored.specialCategories, explicit, false, kind !== 'linkedin-imported-contacts').length > 0) flagged.set(id, { line: p.line, groupId });
      },
      error: (e) => {
        report.errors.push(e);
      },
      finish: () => {
        const kept = [...flagged.values()];
        report.specialCategoryLines = kept.map((f) => f.line).sort((a, b) => a - b);
        const perGroup = new Map<string, number>();
        for (const { groupId } of kept) if (groupId !== null) perGroup.set(groupId, (perGroup.get(groupId) ?? 0) + 1);
        report.specialCategoryGroups = this.groups.filter((g) => perGroup.has(g.id)).map((g) => ({ groupId: g.id, label: g.label, records: perGroup.get(g.id)! }));
        return report;
      },
    };
  }
}

export interface ImportTallier {
  report: ImportTally;
  record(p: Prepared): void;
  error(e: RecordError): void;
  finish(): ImportTally;
}
