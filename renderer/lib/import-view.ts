// The import preview's pure parts: findings grouped by kind, the minimisation choices a preview suggests, and the
// commit request built from the importer's choices.
import { FINDING_KINDS } from './labels.js';

export interface FindingLike {
  line: number;
  column: string | null;
  kind: string;
  detail: string;
}

export interface FindingGroup<F extends FindingLike> {
  kind: string;
  findings: F[];
}

/** Findings grouped by kind, in the order of FINDING_KINDS (most important first); unknown kinds last. */
export function groupFindings<F extends FindingLike>(findings: readonly F[]): FindingGroup<F>[] {
  const byKind = new Map<string, F[]>();
  for (const finding of findings) {
    const list = byKind.get(finding.kind);
    if (list) list.push(finding);
    else byKind.set(finding.kind, [finding]);
  }
  const rank = (kind: string): number => {
    const i = (FINDING_KINDS as readonly string[]).indexOf(kind);
    return i === -1 ? FINDING_KINDS.length : i;
  };
  return [...byKind.entries()].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b)).map(([kind, list]) => ({ kind, findings: list }));
}

export const STRIPPABLE = ['phone-number', 'email-address', 'special-category'] as const;
export type Strippable = (typeof STRIPPABLE)[number];

/** Data protection by default (Art. 25): strip each kind of fragment the preview actually found. */
export function suggestedStrips(byKind: Record<string, number>): Strippable[] {
  return STRIPPABLE.filter((kind) => (byKind[kind] ?? 0) > 0);
}

export interface ImportChoices {
  dropColumns: string[];
  strip: Strippable[];
  onDuplicate: 'skip' | 'update';
}

export interface CommitRequest {
  path: string;
  choices: ImportChoices & { expectedSha256?: string; entry?: string };
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
