// Counts per group in words (renderer/screens/retention/due-words.ts): a group's label in quotes, never run into its
// count; the destruction confirmation says how many and from which groups.
import { describe, expect, it } from 'vitest';
import { destroyQuestion, groupLines, groupLineText } from '../../renderer/screens/retention/due-words.js';

const LABELS: Record<string, string> = { g1: 'Since 2019', g2: 'Clients' };
const groupLabel = (id: string | null) => (id === null ? 'No group (quarantined)' : (LABELS[id] ?? 'A group since removed'));

describe('counts per group', () => {
  it('quotes a label and puts the count after a colon, one line per group (bases added up)', () => {
    const lines = groupLines(
      [
        { groupId: 'g1', count: 3 },
        { groupId: null, count: 4 },
        { groupId: 'g1', count: 2 },
        { groupId: 'gone', count: 1 },
      ],
      groupLabel,
    );
    expect(lines.map(groupLineText)).toEqual(['“Since 2019”: 5 contacts', 'No group (quarantined): 4 contacts', 'A group since removed: 1 contact']);
  });

  it('asks to destroy a number, from named groups', () => {
    const byGroup = [
      { groupId: 'g1', count: 5 },
      { groupId: null, count: 4 },
    ];
    expect(destroyQuestion({ destroyed: 9, byGroup }, groupLabel)).toBe('Destroy the 9 contacts due now (5 in “Since 2019”, 4 with no group)?');
    expect(destroyQuestion({ destroyed: 1, byGroup: [{ groupId: 'g2', count: 1 }] }, groupLabel)).toBe('Destroy the 1 contact due now (all in “Clients”)?');
    expect(destroyQuestion({ destroyed: 1200, byGroup: [{ groupId: 'gone', count: 1200 }] }, groupLabel)).toBe('Destroy the 1,200 contacts due now (all in a group since removed)?');
    expect(destroyQuestion({ destroyed: 0, byGroup: [] }, groupLabel)).toBe('Nothing is due for destruction now: run anyway?');
  });
});
