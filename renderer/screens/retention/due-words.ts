// Counts per group in words, for the destruction confirmation and a certificate's summary: a group's own label in
// quotes, so it never runs into its count ("“Since 2019”: 5 contacts"); the screen's words for no group or a removed
// group as they are. Pure.
import { count } from '../../lib/format.js';

export interface GroupCount {
  groupId: string | null;
  count: number;
}

/** One line per group, the rows of the same group (a run counts each basis apart) added up, largest first. */
export interface GroupLine {
  groupId: string | null;
  /** The group as a list shows it: “label” in quotes, or the screen's words for no group or a removed group. */
  name: string;
  count: number;
  /** The group in a sentence after "5 in" / "4 with": “label”, "no group", "a group since removed". */
  phrase: string;
}

/**
 * `groupLabel` is the screen's: a known group's label, else its words for no group (null) or an unknown id. An id no
 * group has ('') tells which words those are, so a removed group is never quoted as though it were a label.
 */
export function groupLines(byGroup: readonly GroupCount[], groupLabel: (id: string | null) => string): GroupLine[] {
  const totals = new Map<string | null, number>();
  for (const g of byGroup) totals.set(g.groupId, (totals.get(g.groupId) ?? 0) + g.count);
  const removed = groupLabel('');
  return [...totals]
    .map(([groupId, n]) => {
      const label = groupLabel(groupId);
      if (groupId === null) return { groupId, name: label, count: n, phrase: 'with no group' };
      if (label === removed) return { groupId, name: label, count: n, phrase: 'in a group since removed' };
      return { groupId, name: `“${label}”`, count: n, phrase: `in “${label}”` };
    })
    .sort((a, b) => b.count - a.count || (a.groupId === null ? 1 : b.groupId === null ? -1 : a.name.localeCompare(b.name)));
}

/** "“Since 2019”: 5 contacts". */
export function groupLineText(line: GroupLine): string {
  return `${line.name}: ${count(line.count, 'contact')}`;
}

/** "(5 in “Since 2019”, 4 with no group)"; "(all in “Since 2019”)" for one group; '' for none. */
function whereFrom(lines: readonly GroupLine[]): string {
  if (lines.length === 0) return '';
  if (lines.length === 1) return ` (all ${lines[0]!.phrase})`;
  return ` (${lines.map((l) => `${l.count.toLocaleString('en-GB')} ${l.phrase}`).join(', ')})`;
}

/**
 * The destruction confirmation's question from a dry run taken as it opened: how many, and from which groups.
 * "Destroy the 9 contacts due now (5 in “Since 2019”, 4 with no group)?"
 */
export function destroyQuestion(due: { destroyed: number; byGroup: readonly GroupCount[] }, groupLabel: (id: string | null) => string): string {
  if (due.destroyed === 0) return 'Nothing is due for destruction now: run anyway?';
  const what = due.destroyed === 1 ? 'the 1 contact' : `the ${due.destroyed.toLocaleString('en-GB')} contacts`;
  return `Destroy ${what} due now${whereFrom(groupLines(due.byGroup, groupLabel))}?`;
}
