import { describe, expect, it } from 'vitest';
import {
  createRecoverySlot,
  generateRecoveryKey,
  openSlot,
  parseRecoveryKey,
  RecoveryKeyFormatError,
  slotKdfParams,
  VaultKey,
  WrongSecretError,
} from '../../src/crypto/index.js';
import { formatRecoveryKey } from '../../src/crypto/recovery-key.js';
import { keyBytes } from '../../src/crypto/vault-key.js';
import { expectNoBytes } from './helpers.js';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const SHAPE = /^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){7}$/;
/** A fixed key full of 0s and 1s, to try Crockford's look-alikes on. */
const ZEROS = formatRecoveryKey(Buffer.alloc(20));

function formatError(text: string): RecoveryKeyFormatError {
  try {
    parseRecoveryKey(text);
  } catch (err) {
    expect(err).toBeInstanceOf(RecoveryKeyFormatError);
    return err as RecoveryKeyFormatError;
  }
  throw new Error(`"${text}" parsed`);
}

describe('recovery keys', () => {
  it('are 8 groups of 5 Crockford base32 characters, all different, and parse back to their 20 bytes', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const text = generateRecoveryKey();
      expect(text).toMatch(SHAPE);
      const bytes = parseRecoveryKey(text);
      expect(bytes.length).toBe(20);
      expect(formatRecoveryKey(bytes)).toBe(text);
      seen.add(text);
    }
    expect(seen.size).toBe(200);
  });

  it('parse however they are typed: lower case, no hyphens, spaces, extra hyphens, dashes, full-width, line breaks', () => {
    const text = generateRecoveryKey();
    const bytes = parseRecoveryKey(text);
    const groups = text.split('-');
    const variants = [
      text.toLowerCase(),
      groups.join(''),
      groups.join(' '),
      groups.join('  -  '),
      `  ${text}\n`,
      groups.slice(0, 4).join('-') + '\n' + groups.slice(4).join('-'),
      text.replace(/-/g, '--'),
      text.split('').join(' '),
      groups.join('\u2013'), // en dash, as a word processor writes it
      text.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)), // full-width
    ];
    for (const v of variants) expect(parseRecoveryKey(v), JSON.stringify(v)).toEqual(bytes);
  });

  it("accept Crockford's look-alikes: O or o for 0, I, i, L or l for 1", () => {
    expect(ZEROS.startsWith('00000-00000')).toBe(true);
    const zero = parseRecoveryKey(ZEROS);
    expect(parseRecoveryKey(ZEROS.replace(/0/g, 'O'))).toEqual(zero);
    expect(parseRecoveryKey(ZEROS.replace(/0/g, 'o'))).toEqual(zero);
    const ones = formatRecoveryKey(Buffer.from('0842108421084210842108421084210842108421', 'hex')); // 00001 bits: "1"s
    expect(ones.startsWith('11111')).toBe(true);
    const bytes = parseRecoveryKey(ones);
    for (const alias of ['I', 'i', 'L', 'l']) expect(parseRecoveryKey(ones.replace(/1/g, alias))).toEqual(bytes);
  });

  it('catch every one-character typo, at every position, as a typo, never as another valid key', () => {
    for (const text of [ZEROS, generateRecoveryKey(), generateRecoveryKey()]) {
      const chars = text.replace(/-/g, '');
      for (let i = 0; i < chars.length; i++) {
        for (const c of ALPHABET) {
          if (c === chars[i]) continue;
          const typo = chars.slice(0, i) + c + chars.slice(i + 1);
          expect(formatError(typo).message).toBe('This recovery key has a typo: its checksum does not match. Check each character.');
        }
      }
    }
  });

  it('catch two neighbouring characters swapped', () => {
    const chars = generateRecoveryKey().replace(/-/g, '');
    for (let i = 0; i + 1 < chars.length; i++) {
      if (chars[i] === chars[i + 1]) continue;
      const swapped = chars.slice(0, i) + chars[i + 1] + chars[i] + chars.slice(i + 2);
      expect(formatError(swapped).message).toMatch(/typo/);
    }
  });

  it('say what is wrong with a key of the wrong length or with a character no key has', () => {
    const text = generateRecoveryKey();
    expect(formatError(text.slice(0, -1)).message).toBe('A recovery key has 8 groups of 5 characters (40 in all); this one has 39.');
    expect(formatError(`${text}7`).message).toMatch(/40 in all\); this one has 41/);
    expect(formatError('').message).toMatch(/this one has 0/);
    expect(formatError(`U${text.slice(1)}`).message).toMatch(/contains "U"/);
    expect(formatError(text.replace('-', '_')).message).toMatch(/contains "_"/);
  });
});

describe('recovery slots', () => {
  it('open with the recovery key however it is typed, and refuse another key as "The recovery key is wrong."', async () => {
    const key = VaultKey.generate();
    const recovery = generateRecoveryKey();
    const slot = JSON.parse(JSON.stringify(await createRecoverySlot(key, recovery))) as Awaited<ReturnType<typeof createRecoverySlot>>;
    expect(keyBytes(await openSlot(slot, recovery)).equals(keyBytes(key))).toBe(true);
    expect(keyBytes(await openSlot(slot, recovery.toLowerCase().replace(/-/g, ' '))).equals(keyBytes(key))).toBe(true);
    const err = await openSlot(slot, generateRecoveryKey()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WrongSecretError);
    expect(err).toMatchObject({ message: 'The recovery key is wrong.', secret: 'recovery' });
  });

  it('report a mistyped key as a typo, not as a wrong key, both when creating and when opening', async () => {
    const key = VaultKey.generate();
    const recovery = generateRecoveryKey();
    const typo = (recovery[0] === 'A' ? 'B' : 'A') + recovery.slice(1);
    await expect(createRecoverySlot(key, typo)).rejects.toThrow(RecoveryKeyFormatError);
    const slot = await createRecoverySlot(key, recovery);
    await expect(openSlot(slot, typo)).rejects.toThrow(RecoveryKeyFormatError);
  });

  it('use a light scrypt (160 random bits need no stretching) and hold neither the vault key nor the recovery key', async () => {
    const key = VaultKey.generate();
    const recovery = generateRecoveryKey();
    const slot = await createRecoverySlot(key, recovery);
    expect(slot.kind).toBe('recovery');
    expect(slotKdfParams(slot)).toEqual({ N: 2 ** 14, r: 8, p: 1 });
    const json = JSON.stringify(slot);
    expectNoBytes(json, keyBytes(key));
    expectNoBytes(json, parseRecoveryKey(recovery));
    expect(json).not.toContain(recovery.slice(0, 11));
  });
});
