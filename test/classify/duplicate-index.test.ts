import { describe, expect, it } from 'vitest';
import { DuplicateIndex } from '../../src/classify/duplicate-index.js';

describe('DuplicateIndex', () => {
  it('reports each repeat with the line of the first sighting, in order', () => {
    const index = new DuplicateIndex();
    index.add(5, 1, 'https://www.linkedin.com/in/ada', 28);
    index.add(6, 2, 'ada@example.com');
    index.add(7, 1, 'https://www.linkedin.com/in/ada', 28);
    index.add(8, 3, 'ada', 0, 'lovelace', 'acme');
    index.add(9, 3, 'adal', 0, 'ovelace', 'acme'); // same letters, other split: not the same person
    index.add(10, 1, 'https://www.linkedin.com/in/ada', 28);
    index.add(11, 2, 'https://www.linkedin.com/in/ada', 28); // an email key never equals a URL key
    expect(index.duplicates()).toEqual([
      { line: 7, first: 5, kind: 1 },
      { line: 10, first: 5, kind: 1 },
    ]);
  });

  it('handles many entries and many repeated keys', () => {
    const index = new DuplicateIndex();
    let line = 1;
    for (let round = 0; round < 3; round++) for (let i = 0; i < 50_000; i++) index.add(line++, 2, `person${i}@example.com`);
    const dups = index.duplicates();
    expect(dups).toHaveLength(100_000);
    expect(dups[0]).toEqual({ line: 50_001, first: 1, kind: 2 });
    expect(dups.at(-1)).toEqual({ line: 150_000, first: 50_000, kind: 2 });
  });

  it('finds nothing in distinct keys', () => {
    const index = new DuplicateIndex();
    for (let i = 1; i <= 1000; i++) index.add(i, 1, `https://www.linkedin.com/in/p${i}`, 28);
    expect(index.duplicates()).toEqual([]);
  });
});
