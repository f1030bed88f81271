// The import preview's pure parts: findings grouped by kind, the minimisation choices a preview suggests, and the
// commit request built from the importer's choices.
import { STRIPPABLE, type OnDuplicate, type Strippable } from '../../src/shared/vocabulary.js';
import type { CommitRequest } from '../types.js';
import { lookup } from './guards.js';
import { FINDING_RANK } from './labels.js';

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

export interface ImportChoices {
  dropColumns: string[];
  strip: Strippable[];
  onDuplicate: OnDuplicate;
}

/** The import.commit request: the previewed file (its hash, so a changed file is refused) and the choices. */
export function commitRequest(path: string, choices: ImportChoices, sha256: string | null, entry: string | null): CommitRequest {
  return {
    path,
    choices: {
      dropColumns: [...choices.dropColumns],
      strip: STRIPPABLE.filter((k) => choices.strip.includes(k)),
      onDuplicate: choices.onDuplicate,
      ...(sha256 && /^[0-9a-f]{64}$/.test(sha256) ? { expectedSha256: sha256 } : {}),
      ...(entry ? { entry } : {}),
    },
  };
}

/** A column header kept safe for a data-testid: 'Email Address' stays as is, only quotes and backslashes go. */
export const testIdPart = (text: string): string => text.replace(/["\\]/g, '');
