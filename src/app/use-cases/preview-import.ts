// An importer's preview: the inspection report of the file and its SHA-256 (so that the commit can insist on the very
// bytes that were previewed), what the commit would report for each duplicate choice, and, for each line with findings,
// who it is and the flagged cells (masked). The prediction runs the commit's own rules (import-rules.ts) against a view
// of the vault that writes nothing: blind-index lookups only. Nothing from the file is stored; the audit log records
// the hash and the count.
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { ImportError } from '../../import/import-error.js';
import { readExport } from '../../import/read-export.js';
import { inspectExport } from '../../report/inspect.js';
import type { InspectReport, ReportFinding } from '../../report/report-schema.js';
import { ServiceError } from '../../shared/errors.js';
import type { ContactIndexes, ContactRow } from '../../vault/contacts-repo.js';
import { CommitChoicesSchema, type CommitChoices } from '../../vault/minimise.js';
import type { Session } from '../../vault/session.js';
import { sha256File } from './commit-import.js';
import { ImportRules, type ImportTally, type ImportTarget, type KnownRow, type Write } from './import-rules.js';
import { previewLine, type PreviewLine } from './preview-lines.js';

export interface ImportPreview {
  report: InspectReport;
  sha256: string;
  predicted: { skip: ImportTally; update: ImportTally };
  lines: PreviewLine[];
  linesLeftOut: number;
}

/**
 * How many lines with findings the preview names (with the person and the masked cells): enough for any LinkedIn
 * export's decisions, while a file of a million rows does not send a million names to the screen. Past it, the
 * special-category hints keep the choice made for all of them (strip, by default).
 */
export const LINES_SHOWN = 5000;

export type PreviewChoices = Partial<Pick<CommitChoices, 'dropColumns' | 'strip' | 'lineChoices'>>;

export async function previewImport(
  session: Session,
  path: string,
  options: { entry?: string; choices?: PreviewChoices; onProgress?: (done: number, total: number) => void } = {},
): Promise<ImportPreview> {
  session.assertUnlocked();
  const parsed = CommitChoicesSchema.safeParse({ ...options.choices, ...(options.entry ? { entry: options.entry } : {}) });
  if (!parsed.success) throw new ServiceError('invalid', `The import choices are not valid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}.`);
  const choices = parsed.data;
  // Two passes over the file, each reported as half of the reading.
  const half = (offset: number) => (options.onProgress ? (done: number, total: number) => options.onProgress!(offset * total + done, 2 * total) : undefined);
  const report = await inspectExport(path, { entry: options.entry, onProgress: half(0) });
  const sha256 = await sha256File(path);
  const { predicted, lines, linesLeftOut } = await predict(session, path, choices, report.findings, half(1));
  return session.perform('import-preview', () => ({ value: { report, sha256, predicted, lines, linesLeftOut }, details: { sha256, records: report.records } }));
}

/** The commit's rules over the file, for both duplicate choices at once, and the lines the report has findings on. */
async function predict(session: Session, path: string, choices: CommitChoices, findings: readonly ReportFinding[], onProgress?: (done: number, total: number) => void) {
  const byLine = new Map<number, ReportFinding[]>();
  for (const f of findings) byLine.set(f.line, [...(byLine.get(f.line) ?? []), f]);
  const expectedRows = Math.ceil((statSync(path, { throwIfNoEntry: false })?.size ?? 0) / 32);
  // A commit's own id never matches a stored row: "earlier in this import" means written by this prediction.
  const rules = new ImportRules(session, `preview-${randomUUID()}`, choices);
  const lines: PreviewLine[] = [];
  let leftOut = 0;
  let tallies: { skip: ReturnType<ImportRules['tally']>; update: ReturnType<ImportRules['tally']> } | null = null;
  try {
    await readExport(
      path,
      (info) => {
        const prepare = rules.preparer(info);
        lines.length = 0;
        leftOut = 0;
        const t = {
          skip: rules.tally('skip', new VaultView(session, rules.importId, expectedRows), info.kind),
          update: rules.tally('update', new VaultView(session, rules.importId, expectedRows), info.kind),
        };
        tallies = t;
        return {
          record(r) {
            const p = prepare(r);
            t.skip.record(p);
            t.update.record(p);
            const shown = byLine.get(r.line);
            const line = shown ? previewLine(p.contact, shown) : null;
            if (line && lines.length < LINES_SHOWN) lines.push(line);
            else if (line) leftOut++;
          },
          error(e) {
            t.skip.error(e);
            t.update.error(e);
          },
          finish: () => null,
        };
      },
      { entry: choices.entry, onProgress },
    );
  } catch (err) {
    if (err instanceof ImportError) throw new ServiceError('unreadable', err.message);
    throw err;
  }
  rules.checkLineChoices();
  const t = tallies as { skip: ReturnType<ImportRules['tally']>; update: ReturnType<ImportRules['tally']> } | null;
  if (!t) throw new ServiceError('unreadable', 'The file could not be read.');
  return { predicted: { skip: t.skip.finish(), update: t.update.finish() }, lines, linesLeftOut: leftOut };
}

/**
 * The vault as the commit would see it part way through, without writing: the stored rows, found by their blind
 * indexes, under the rows this prediction has "written" (added, or updated with new indexes and group).
 */
class VaultView implements ImportTarget<KnownRow> {
  private readonly stored;
  /** Rows written by this prediction, with their indexes as written. */
  private readonly written = new Map<string, KnownRow & { keys: string[] }>();
  private readonly byKey = new Map<string, string>();

  constructor(
    session: Session,
    private readonly importId: string,
    expectedRows: number,
  ) {
    this.stored = session.contacts.duplicateFinder(expectedRows);
  }

  find(ix: ContactIndexes): KnownRow | null {
    // As the commit's lookup: by profile URL, then email, then name (rows with neither).
    for (const [kind, value] of [['url', ix.url], ['email', ix.email], ['name', ix.name]] as const) {
      if (value === null) continue;
      const key = `${kind}:${value.toString('latin1')}`;
      const id = this.byKey.get(key);
      if (id !== undefined) return this.written.get(id)!;
      const row: ContactRow | null = this.stored.find({ url: null, email: null, name: null, [kind]: value });
      // A stored row this prediction rewrote no longer has the index it had.
      if (row && !this.written.has(row.id)) return row;
    }
    return null;
  }

  write(w: Write<KnownRow>): void {
    const previous = this.written.get(w.id);
    for (const key of previous?.keys ?? []) if (this.byKey.get(key) === w.id) this.byKey.delete(key);
    const { url, email, name } = w.written;
    const keys = [
      ...(url ? [`url:${url.toString('latin1')}`] : []),
      ...(email ? [`email:${email.toString('latin1')}`] : []),
      // As the vault's name lookup sees it: the name of a row with neither profile URL nor email.
      ...(name && !url && !email ? [`name:${name.toString('latin1')}`] : []),
    ];
    for (const key of keys) if (!this.byKey.has(key)) this.byKey.set(key, w.id);
    const base = w.existing ?? { id: w.id, import_id: this.importId, last_review_at: null };
    this.written.set(w.id, { id: w.id, import_id: base.import_id, last_review_at: base.last_review_at, group_id: w.groupId, keys });
  }
}
