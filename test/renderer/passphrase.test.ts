// The passphrase strength meter: the vault's own minimum of 12 characters first, then length and variety.
import { describe, expect, it } from 'vitest';
import { MIN_PASSPHRASE_LENGTH, characterVariety, passphraseStrength } from '../../renderer/lib/passphrase.js';

describe('passphraseStrength', () => {
  it('calls anything under 12 characters too short, and says how many are missing', () => {
    const s = passphraseStrength('Tr0ub4dor&3');
    expect(MIN_PASSPHRASE_LENGTH).toBe(12);
    expect(s).toMatchObject({ score: 0, label: 'too short', meetsMinimum: false, length: 11 });
    expect(s.hints[0]).toMatch(/1 more/);
    expect(passphraseStrength('').score).toBe(0);
  });

  it('counts length the way the vault does (NFC)', () => {
    const decomposed = 'cafe\u0301'.repeat(3); // 15 code units, 12 after NFC
    expect(passphraseStrength(decomposed).length).toBe(12);
    expect(passphraseStrength(decomposed).meetsMinimum).toBe(true);
  });

  it('rates long, varied passphrases higher than short, plain ones', () => {
    const plain = passphraseStrength('abcxyzqwemnb');
    const words = passphraseStrength('correct horse battery staple');
    const varied = passphraseStrength('Correct horse, 7 batteries & a staple!');
    expect(plain.meetsMinimum).toBe(true);
    expect(plain.score).toBeLessThan(words.score);
    expect(words.score).toBeLessThanOrEqual(varied.score);
    expect(varied).toMatchObject({ score: 4, label: 'strong', hints: [] });
  });

  it('marks down repeats, runs and common words', () => {
    expect(passphraseStrength('aaaaaaaaaaaaaaaaaaaaaaaa').score).toBe(1);
    expect(passphraseStrength('abcdefghijklmnop').score).toBe(1);
    expect(passphraseStrength('Password1234!').score).toBeLessThan(passphraseStrength('Lantern7!orbit').score);
  });

  it('counts kinds of character', () => {
    expect(characterVariety('abc')).toBe(1);
    expect(characterVariety('aB3 ')).toBe(4);
    expect(characterVariety('née')).toBe(2);
  });
});
