// Committing an import: the file is read again (it must be the file the importer previewed), each record is
// classified, minimised, checked against the suppression list and the people already held, encrypted and stored,
// and given its group, all in one transaction with its audit entry. A person on the suppression list (by profile
// URL, email, or name + company) is refused (I4); a contact under a legal hold is never changed by an update
// import (I8); both are reported by line. The import's record keeps the file's SHA-256, counts and who imported
// it, never the file. A record whose special-category hint lands in a group whose basis gives it no condition that
// holds (src/policy/special-category.ts) is stored all the same (nothing is lost) and reported by line, with its group:
// the export then withholds the field or leaves the person out until the data is stripped or a condition covers it.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { Inspector } from '../../classify/inspector.js';
import { mailboxKind } from '../../classify/free-mail.js';
import { toContact } from '../../import/contact.js';
import { ImportError } from '../../import/import-error.js';
import { readExport, type ExportInfo } from '../../import/read-export.js';
import type { RecordError } from '../../import/records.js';
import { assignGroup, uncoveredCategories, type ContactFacts, type GroupDefinition } from '../../policy/index.js';
import { ServiceError } from '../../shared/errors.js';
import { activeHolds, identityOf, suppressionSet, type EmailKind, type StoredContact } from '../../vault/contacts-repo.js';
import { CommitChoicesSchema, minimise } from '../../vault/minimise.js';
import type { Session } from '../../vault/session.js';
import { ExpiryContext } from '../../vault/expiry.js';
import { crashPoints, RECORDS_PER_POINT, type CrashHooks, type ImportPoint } from '../../vault/crash-points.js';
import { rectificationTasks } from './disclosures.js';
import { explicitConsents } from './special-category-facts.js';

export interface CommitReport {
  importId: string;
  sha256: string;
  records: number;
  added: number;
  updated: number;
  /** People already in the vault, left as they were (onDuplicate: skip). */
  duplicatesSkipped: number;
  /** The same person again later in this file. */
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
  /** Contacts of this import in no group with a lawful basis: quarantined until assigned or expired. */
  quarantined: number;
  /**
   * Lines of records kept with a special-category or criminal-offence hint in a group whose basis has no condition that
   * holds for it (Art. 9(2), Art. 10); stored all the same, and held back by the CRM export.
   */
  specialCategoryLines: number[];
  /** The groups those records landed in, flagged: how many of this import's records each holds. */
  specialCategoryGroups: { groupId: string; label: string; records: number }[];
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
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

export async function commitImport(
  session: Session,
  path: string,
  choicesInput: unknown,
  options: { onProgress?: (done: number, total: number) => void; signal?: AbortSignal; hooks?: CrashHooks<ImportPoint> } = {},
): Promise<CommitReport> {
  const parsed = CommitChoicesSchema.safeParse(choicesInput ?? {});
  if (!parsed.success) throw new ServiceError('invalid', `The import choices are not valid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}.`);
  const choices = parsed.data;
  const sha256 = await sha256File(path).catch((err: NodeJS.ErrnoException) => {
    throw new ServiceError('unreadable', err.code === 'ENOENT' ? `There is no file at "${path}".` : `"${path}" cannot be read (${err.code ?? err.message}).`);
  });
  if (choices.expectedSha256 && choices.expectedSha256 !== sha256) {
    throw new ServiceError('conflict', 'The file changed since it was previewed: preview it again before committing.');
  }
  // At most one record per 32 bytes of file (a LinkedIn row takes ~100; a ZIP packs ~4 to 1): sizes the dedupe filter.
  // (A file gone since it was hashed is reported by the reading below, as before.)
  const expectedRows = Math.ceil((statSync(path, { throwIfNoEntry: false })?.size ?? 0) / 32);
  return session.performAsync('import-commit', async () => {
    const reach = crashPoints(options.hooks);
    reach('begin');
    const db = session.db;
    const importId = randomUUID();
    const at = session.vault.now().toISOString();
    const groups = session.groups.list();
    const definitions: GroupDefinition[] = groups.map((g) => ({ id: g.id, rule: g.rule, order: g.order }));
    const withPolicy = new Set(groups.filter((g) => g.policy).map((g) => g.id));
    // Art. 9(2), Art. 10: the check runs at every import into a group, not only when its basis is assigned.
    const policies = new Map(groups.flatMap((g) => (g.policy ? [[g.id, g.policy.policy] as const] : [])));
    const explicit = explicitConsents(session);
    const flagged = new Map<string, number>();
    const expiries = ExpiryContext.load(db).withImport(importId, at);
    // Loaded once: an import asks both questions for every record (an empty suppression list costs nothing).
    const suppressed = suppressionSet(db);
    const duplicates = session.contacts.duplicateFinder(expectedRows);
    // Read inside the write transaction (BEGIN IMMEDIATE): no hold can be placed or lifted while the import runs.
    const held = activeHolds(db);
    const report: CommitReport = {
      importId, sha256, records: 0, added: 0, updated: 0, duplicatesSkipped: 0, duplicatesInFile: 0, suppressedLines: [], heldLines: [],
      emptySkipped: 0, errors: [], columnsDropped: [], fragmentsStripped: 0, quarantined: 0, specialCategoryLines: [], specialCategoryGroups: [],
    };
    let art19Tasks = 0;
    db.prepare(
      `INSERT INTO imports (id, file_sha256, kind, member_id, imported_at, records, added, updated, duplicates_skipped, suppressed, errors, columns_dropped, fragments_stripped)
       VALUES (?, ?, 'pending', ?, ?, 0, 0, 0, 0, 0, 0, 0, 0)`,
    ).run(importId, sha256, session.memberId, at);

    const store = (info: ExportInfo) => {
      const unknown = choices.dropColumns.filter((h) => !info.columns.some((c) => c.header === h));
      if (unknown.length) throw new ServiceError('invalid', `The file has no column ${unknown.map((h) => `"${h}"`).join(', ')} to drop.`);
      report.columnsDropped = choices.dropColumns;
      const inspector = new Inspector(info.columns, { defaultCountry: 'GB' });
      return {
        record(r: { line: number; cells: string[] }) {
          report.records++;
          if (report.records % RECORDS_PER_POINT === 0) reach('records');
          const findings = inspector.recordFindings(r);
          if (findings.some((f) => f.kind === 'empty-record')) {
            report.emptySkipped++;
            return;
          }
          const { stored, fragmentsStripped } = minimise(toContact(r, info.columns), findings, info.columns, choices);
          const { indexes, name: nameKey } = identityOf(session.index, stored);
          if (!indexes.url && !indexes.email && !indexes.name && !stored.company && !stored.position) {
            report.emptySkipped++;
            return;
          }
          if (suppressed(indexes, nameKey)) {
            report.suppressedLines.push(r.line);
            return;
          }
          report.fragmentsStripped += fragmentsStripped;
          const existing = duplicates.find(indexes);
          const inFile = existing?.import_id === importId;
          if (existing && choices.onDuplicate === 'skip') {
            if (inFile) report.duplicatesInFile++;
            else report.duplicatesSkipped++;
            return;
          }
          if (existing && held(existing)) {
            // A legal hold freezes the record: not its data, indexes, group or due date.
            report.heldLines.push(r.line);
            return;
          }
          const id = existing?.id ?? randomUUID();
          const data: StoredContact = { ...stored, source: { importId, line: r.line } };
          const emailKind = emailKindOf(stored.email);
          const written = { url: indexes.url, email: indexes.email, name: nameKey };
          const groupId = assignGroup(definitions, factsOf(id, stored, emailKind));
          const expiresAt = expiries.expiry(groupId, { import_id: existing?.import_id ?? importId, last_review_at: existing?.last_review_at ?? null }, stored);
          if (existing) {
            // Art. 19: recipients that received this person are to be told of the rectification.
            art19Tasks += rectificationTasks(session, existing, data, at);
            session.contacts.update(id, { data, indexes: written, emailKind, updatedAt: at });
            session.contacts.setGroup(id, groupId, expiresAt);
            if (inFile) report.duplicatesInFile++;
            else report.updated++;
          } else {
            session.contacts.insert(
              { id, import_id: importId, url_index: written.url, email_index: written.email, name_index: written.name, email_kind: emailKind, group_id: groupId, created_at: at, updated_at: at, expires_at: expiresAt },
              data,
            );
            report.added++;
          }
          // A later record of the same person is then found (duplicatesInFile), as findByIndexes would find it.
          duplicates.note(written);
          if (!(groupId && withPolicy.has(groupId))) report.quarantined++;
          const policy = groupId ? policies.get(groupId) : undefined;
          if (policy && uncoveredCategories(policy, stored.specialCategories, explicit(id, policy.purpose), false, info.kind !== 'linkedin-imported-contacts').length > 0) {
            report.specialCategoryLines.push(r.line);
            flagged.set(groupId!, (flagged.get(groupId!) ?? 0) + 1);
          }
        },
        error(e: RecordError) {
          report.errors.push(e);
        },
        finish: () => report,
      };
    };
    let kind = 'linkedin-connections';
    try {
      await readExport(
        path,
        (info) => {
          kind = info.kind;
          return store(info);
        },
        { entry: choices.entry, onProgress: options.onProgress, signal: options.signal });
    } catch (err) {
      if (err instanceof ImportError) throw new ServiceError('unreadable', err.message);
      throw err;
    }
    // A cancel that came with the last chunk read still stops the import before it commits.
    options.signal?.throwIfAborted();
    db.prepare(
      'UPDATE imports SET kind = ?, records = ?, added = ?, updated = ?, duplicates_skipped = ?, suppressed = ?, errors = ?, columns_dropped = ?, fragments_stripped = ? WHERE id = ?',
    ).run(kind, report.records, report.added, report.updated, report.duplicatesSkipped + report.duplicatesInFile, report.suppressedLines.length, report.errors.length, report.columnsDropped.length, report.fragmentsStripped, importId);
    report.specialCategoryGroups = groups.filter((g) => flagged.has(g.id)).map((g) => ({ groupId: g.id, label: g.label, records: flagged.get(g.id)! }));
    reach('commit');
    return {
      value: report,
      details: {
        importId,
        sha256,
        records: report.records,
        added: report.added,
        updated: report.updated,
        duplicates: report.duplicatesSkipped + report.duplicatesInFile,
        suppressed: report.suppressedLines.length,
        held: report.heldLines.length,
        errors: report.errors.length,
        quarantined: report.quarantined,
        specialCategory: report.specialCategoryLines.length,
        tasks: art19Tasks,
      },
    };
  });
}
