// The import preview's pure parts: findings grouped by kind, the minimisation choices a preview suggests, the
// per-line decisions on special-category hints, the verdict's counts, and the requests built from the importer's choices.
import type { Request, Response } from '../../src/api/contract.js';
import { STRIPPABLE, type OnDuplicate, type Strippable } from '../../src/shared/vocabulary.js';
import type { CommitRequest } from '../types.js';
import { lookup } from './guards.js';
import { FINDING_RANK } from './labels.js';
import { dataCategoryLabel } from '../../src/shared/data-categories.js';

export interface FindingLike {
  line: number;
  column: string | null;
  kind: string;
  detail: string;
}

export interface FindingGroup<F extends FindingLike> {
  kind: F['kind'];
  findings: F[];
}

/** Findings grouped by kind, in the order of FINDING_RANK (most important first); unknown kinds last. */
export function groupFindings<F extends FindingLike>(findings: readonly F[]): FindingGroup<F>[] {
  const byKind = new Map<F['kind'], F[]>();
  for (const finding of findings) {
    const list = byKind.get(finding.kind);
    if (list) list.push(finding);
    else byKind.set(finding.kind, [finding]);
  }
  const rank = (kind: string): number => lookup(FINDING_RANK, kind) ?? Number.MAX_SAFE_INTEGER;
  return [...byKind.entries()].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b)).map(([kind, list]) => ({ kind, findings: list }));
}

/** Data protection by default (Art. 25): strip each kind of fragment the preview actually found. */
export function suggestedStrips(byKind: Record<string, number>): Strippable[] {
  return STRIPPABLE.filter((kind) => (byKind[kind] ?? 0) > 0);
}

export type LineDecision = 'keep' | 'strip';

export interface ImportChoices {
  dropColumns: string[];
  strip: Strippable[];
  onDuplicate: OnDuplicate;
  /** Per line with a special-category hint, the importer's decision where it differs from the choice for all. */
  lineChoices?: Record<number, LineDecision>;
}

export type ImportPreview = Response<'import.preview'>;
export type PreviewLine = ImportPreview['lines'][number];
export type Prediction = ImportPreview['predicted']['skip'];

/** The lines of the file with a special-category hint, in order. */
export function hintLines(findings: readonly { line: number; kind: string }[]): number[] {
  return [...new Set(findings.filter((f) => f.kind === 'special-category').map((f) => f.line))].sort((a, b) => a - b);
}

/** A line's decision: the importer's own, else the choice for all (strip special-category hints or not). */
export function lineDecision(choices: ImportChoices, line: number): LineDecision {
  return choices.lineChoices?.[line] ?? (choices.strip.includes('special-category') ? 'strip' : 'keep');
}

/** Every hint line's decision, for the core: it keeps or strips each line's hints as decided here. */
function lineChoicesFor(choices: ImportChoices, lines: readonly number[]): { line: number; specialCategory: LineDecision }[] {
  return lines.map((line) => ({ line, specialCategory: lineDecision(choices, line) }));
}

/** The import.commit request: the previewed file (its hash, so a changed file is refused) and the choices. */
export function commitRequest(path: string, choices: ImportChoices, sha256: string | null, entry: string | null, hints: readonly number[] = []): CommitRequest {
  return {
    path,
    choices: {
      dropColumns: [...choices.dropColumns],
      strip: STRIPPABLE.filter((k) => choices.strip.includes(k)),
      onDuplicate: choices.onDuplicate,
      ...(sha256 && /^[0-9a-f]{64}$/.test(sha256) ? { expectedSha256: sha256 } : {}),
      ...(entry ? { entry } : {}),
      ...(hints.length > 0 ? { lineChoices: lineChoicesFor(choices, hints) } : {}),
    },
  };
}

/** The import.preview request: the file, the archive entry, and the choices its counts are to be predicted for. */
export function previewRequest(path: string, entry: string | null, choices: ImportChoices | null, hints: readonly number[] = []): Request<'import.preview'> {
  return {
    path,
    ...(entry ? { entry } : {}),
    ...(choices ? { choices: { dropColumns: [...choices.dropColumns], strip: STRIPPABLE.filter((k) => choices.strip.includes(k)), lineChoices: lineChoicesFor(choices, hints) } } : {}),
  };
}

/** What the prediction depends on besides the duplicate choice: when it changes, the counts are asked for again. */
export function predictionKey(choices: ImportChoices, hints: readonly number[]): string {
  return JSON.stringify([choices.dropColumns.slice().sort(), STRIPPABLE.filter((k) => choices.strip.includes(k)), lineChoicesFor(choices, hints)]);
}

/** The entries of an archive a person may import: their connections, or the address book they uploaded. */
export function contactEntries(archive: readonly { name: string }[]): string[] {
  return archive.map((a) => a.name).filter((name) => /(^|\/)(connections|importedcontacts)\.csv$/i.test(name));
}

export const isImportedContacts = (name: string): boolean => /(^|\/)importedcontacts\.csv$/i.test(name);

/** The column's data category in words (src/shared/data-categories.ts). */
export const categoryWords = dataCategoryLabel;

/** The record numbers to say beside a count: ' (lines 3, 7, …)', '' for none. */
export function linesNote(list: readonly number[]): string {
  return list.length > 0 ? ` (line${list.length > 1 ? 's' : ''} ${list.slice(0, 12).join(', ')}${list.length > 12 ? ', …' : ''})` : '';
}

/** A column header kept safe for a data-testid: 'Email Address' stays as is, only quotes and backslashes go. */
export const testIdPart = (text: string): string => text.replace(/["\\]/g, '');
