// Committing an import: the file is read again (it must be the file the importer previewed), each record is
// classified, minimised, checked against the suppression list and the people already held, encrypted and stored,
// and given its group, all in one transaction with its audit entry. A person on the suppression list (by profile
// URL, email, or name + company) is refused (I4); a contact under a legal hold is never changed by an update
// import (I8); both are reported by line. The import's record keeps the file's SHA-256, counts and who imported
// it, never the file. A record whose special-category hint lands in a group whose basis gives it no condition that
// holds (src/policy/special-category.ts), or in quarantine (no basis, no condition), is stored all the same (nothing
// is lost) and reported by line, with its group if it has one:
// the export then withholds the field or leaves the person out until the data is stripped or a condition covers it.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { ImportError } from '../../import/import-error.js';
import { readExport, type ExportInfo } from '../../import/read-export.js';
import { ServiceError } from '../../shared/errors.js';
import type { ContactIndexes, ContactRow } from '../../vault/contacts-repo.js';
import { CommitChoicesSchema } from '../../vault/minimise.js';
import type { Session } from '../../vault/session.js';
import { ExpiryContext } from '../../vault/expiry.js';
import { crashPoints, RECORDS_PER_POINT, type CrashHooks, type ImportPoint } from '../../vault/crash-points.js';
import { rectificationTasks } from './disclosures.js';
import { ImportRules, type ImportTallier, type ImportTally, type Write } from './import-rules.js';

export { emailKindOf, factsOf } from './import-rules.js';

/** What committing an import reports: its counts (import-rules.ts, the same the preview predicts), its id and the file's hash. */
export interface CommitReport extends ImportTally {
  importId: string;
  sha256: string;
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
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
    const rules = new ImportRules(session, importId, choices);
    const expiries = ExpiryContext.load(db).withImport(importId, at);
    const duplicates = session.contacts.duplicateFinder(expectedRows);
    let art19Tasks = 0;
    db.prepare(
      `INSERT INTO imports (id, file_sha256, kind, member_id, imported_at, records, added, updated, duplicates_skipped, suppressed, errors, columns_dropped, fragments_stripped)
       VALUES (?, ?, 'pending', ?, ?, 0, 0, 0, 0, 0, 0, 0, 0)`,
    ).run(importId, sha256, session.memberId, at);

    // The vault as the import's target: each record written as the rules decide (import-rules.ts).
    const target = {
      find: (ix: ContactIndexes) => duplicates.find(ix),
      write: (w: Write<ContactRow>) => {
        const { existing, id, data, written, emailKind, groupId } = w;
        const expiresAt = expiries.expiry(groupId, { import_id: existing?.import_id ?? importId, last_review_at: existing?.last_review_at ?? null }, data);
        if (existing) {
          // Art. 19: recipients that received this person are to be told of the rectification.
          art19Tasks += rectificationTasks(session, existing, data, at);
          session.contacts.update(id, { data, indexes: written, emailKind, updatedAt: at });
          session.contacts.setGroup(id, groupId, expiresAt);
        } else {
          session.contacts.insert(
            { id, import_id: importId, url_index: written.url, email_index: written.email, name_index: written.name, email_kind: emailKind, group_id: groupId, created_at: at, updated_at: at, expires_at: expiresAt },
            data,
          );
        }
        // A later record of the same person is then found (duplicatesInFile), as findByIndexes would find it.
        duplicates.note(written);
      },
    };
    let tallier: ImportTallier | null = null;
    const store = (info: ExportInfo) => {
      const prepare = rules.preparer(info);
      const t = rules.tally(choices.onDuplicate, target, info.kind);
      tallier = t;
      return {
        record(r: { line: number; cells: string[] }) {
          t.record(prepare(r));
          if (t.report.records % RECORDS_PER_POINT === 0) reach('records');
        },
        error: t.error,
        finish: () => t.report,
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
    rules.checkLineChoices();
    const report: CommitReport = { importId, sha256, ...(tallier as ImportTallier | null)!.finish() };
    db.prepare(
      'UPDATE imports SET kind = ?, records = ?, added = ?, updated = ?, duplicates_skipped = ?, suppressed = ?, errors = ?, columns_dropped = ?, fragments_stripped = ? WHERE id = ?',
    ).run(kind, report.records, report.added, report.updated, report.duplicatesSkipped + report.duplicatesInFile, report.suppressedLines.length, report.errors.length, report.columnsDropped.length, report.fragmentsStripped, importId);
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
