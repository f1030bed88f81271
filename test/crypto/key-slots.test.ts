import { scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  createPassphraseSlot,
  DEFAULT_SCRYPT,
  deriveKeys,
  IntegrityError,
  openSlot,
  slotKdfParams,
  VaultKey,
  WrongSecretError,
  type KeySlot,
} from '../../src/crypto/index.js';
import { keyBytes } from '../../src/crypto/vault-key.js';
import { expectNoBytes, FAST } from './helpers.js';

const PASSPHRASE = 'Crème brûlée at the café, naïve Zoë';
const sameKey = (a: VaultKey, b: VaultKey) => keyBytes(a).equals(keyBytes(b));
const fromDb = (slot: KeySlot): KeySlot => JSON.parse(JSON.stringify(slot)) as KeySlot;

describe('passphrase slots', () => {
  it('open with the right passphrase, after a trip through JSON (the database), and the records still decrypt', async () => {
    const key = VaultKey.generate();
    const blob = deriveKeys(key).records.encrypt('Ada Lovelace', 'row-1');
    const slot = fromDb(await createPassphraseSlot(key, PASSPHRASE, FAST));
    const opened = await openSlot(slot, PASSPHRASE);
    expect(sameKey(opened, key)).toBe(true);
    expect(deriveKeys(opened).records.decrypt(blob, 'row-1')).toBe('Ada Lovelace');
  });

  it('open with the same passphrase typed in decomposed (NFD) form, as a Mac may send it, and the other way round', async () => {
    expect(PASSPHRASE.normalize('NFD')).not.toBe(PASSPHRASE);
    const key = VaultKey.generate();
    const slot = await createPassphraseSlot(key, PASSPHRASE, FAST);
    expect(sameKey(await openSlot(slot, PASSPHRASE.normalize('NFD')), key)).toBe(true);
    const slotNfd = await createPassphraseSlot(key, PASSPHRASE.normalize('NFD'), FAST);
    expect(sameKey(await openSlot(slotNfd, PASSPHRASE), key)).toBe(true);
  });

  it('refuse a wrong passphrase, however close, with WrongSecretError "The passphrase is wrong."', async () => {
    const slot = await createPassphraseSlot(VaultKey.generate(), PASSPHRASE, FAST);
    for (const wrong of ['', 'crème brûlée at the café, naïve zoë', `${PASSPHRASE} `, PASSPHRASE.slice(0, -1), 'Creme brulee at the cafe, naive Zoe']) {
      const err = await openSlot(slot, wrong).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(WrongSecretError);
      expect(err).toMatchObject({ name: 'WrongSecretError', message: 'The passphrase is wrong.', secret: 'passphrase' });
    }
  });

  it('hold no key bytes and no passphrase in their JSON', async () => {
    const key = VaultKey.generate();
    const slot = await createPassphraseSlot(key, PASSPHRASE, FAST);
    const json = JSON.stringify(slot);
    expectNoBytes(json, keyBytes(key));
    expect(json).not.toContain('Crème');
    expect(Object.keys(slot).sort()).toEqual(['kdf', 'kind', 'nonce', 'wrapped']);
    expect(Buffer.from(slot.wrapped, 'base64').length).toBe(48); // 32-byte key + 16-byte tag, encrypted
  });

  it('store their scrypt parameters and a fresh salt and nonce, so the same passphrase never makes the same slot', async () => {
    const key = VaultKey.generate();
    const a = await createPassphraseSlot(key, PASSPHRASE, FAST);
    const b = await createPassphraseSlot(key, PASSPHRASE, { params: { N: 2 ** 11, r: 8, p: 2 }, allowWeak: true });
    expect(a.kdf).toMatchObject({ name: 'scrypt', N: 1024, r: 8, p: 1 });
    expect(slotKdfParams(a)).toEqual({ N: 1024, r: 8, p: 1 });
    expect(slotKdfParams(b)).toEqual({ N: 2048, r: 8, p: 2 });
    expect(Buffer.from(a.kdf.salt, 'base64').length).toBe(16);
    expect(Buffer.from(a.nonce, 'base64').length).toBe(12);
    expect(a.kdf.salt).not.toBe(b.kdf.salt);
    expect(a.wrapped).not.toBe(b.wrapped);
    // Each opens with its own stored parameters.
    expect(sameKey(await openSlot(a, PASSPHRASE), key)).toBe(true);
    expect(sameKey(await openSlot(b, PASSPHRASE), key)).toBe(true);
    // The parameters really are used: a slot whose stored N was edited no longer opens.
    await expect(openSlot({ ...a, kdf: { ...a.kdf, N: 2048 } }, PASSPHRASE)).rejects.toThrow(WrongSecretError);
  });

  it('default to N=2^17, r=8, p=1, which Node refuses with its default memory limit but a slot handles', { timeout: 60_000 }, async () => {
    expect(DEFAULT_SCRYPT).toEqual({ N: 2 ** 17, r: 8, p: 1 });
    expect(() => scryptSync('x', 'salt', 32, DEFAULT_SCRYPT)).toThrow(/memory/i); // the pitfall: maxmem 32 MiB
    const key = VaultKey.generate();
    const slot = await createPassphraseSlot(key, PASSPHRASE);
    expect(slotKdfParams(slot)).toEqual(DEFAULT_SCRYPT);
    expect(sameKey(await openSlot(slot, PASSPHRASE), key)).toBe(true);
  });

  it('refuse parameters below N=2^17, r=8, p=1 unless allowWeak is given', async () => {
    const key = VaultKey.generate();
    for (const params of [{ N: 2 ** 16, r: 8, p: 1 }, { N: 2 ** 17, r: 4, p: 1 }, { N: 2 ** 10, r: 8, p: 1 }]) {
      await expect(createPassphraseSlot(key, PASSPHRASE, { params })).rejects.toThrow(/weaker than the minimum/);
    }
    await expect(createPassphraseSlot(key, PASSPHRASE, { params: { N: 2 ** 10, r: 8, p: 1 }, allowWeak: true })).resolves.toBeDefined();
  });

  it('refuse nonsense parameters even in tests, and an empty passphrase', async () => {
    const key = VaultKey.generate();
    for (const params of [{ N: 1000, r: 8, p: 1 }, { N: 2 ** 24, r: 8, p: 1 }, { N: 2 ** 10, r: 0, p: 1 }, { N: 2 ** 10, r: 8, p: 0 }, { N: 2 ** 20, r: 16, p: 1 }]) {
      await expect(createPassphraseSlot(key, PASSPHRASE, { params, allowWeak: true })).rejects.toThrow(RangeError);
    }
    await expect(createPassphraseSlot(key, '', FAST)).rejects.toThrow(/empty passphrase/);
  });
});

describe('a slot changed in the database', () => {
  it('with a changed wrapped key or nonce does not open (it reads as a wrong passphrase: GCM cannot tell)', async () => {
    const slot = await createPassphraseSlot(VaultKey.generate(), PASSPHRASE, FAST);
    const flip = (b64: string) => {
      const b = Buffer.from(b64, 'base64');
      b[0]! ^= 1;
      return b.toString('base64');
    };
    await expect(openSlot({ ...slot, wrapped: flip(slot.wrapped) }, PASSPHRASE)).rejects.toThrow(WrongSecretError);
    await expect(openSlot({ ...slot, nonce: flip(slot.nonce) }, PASSPHRASE)).rejects.toThrow(WrongSecretError);
    await expect(openSlot({ ...slot, kdf: { ...slot.kdf, salt: flip(slot.kdf.salt) } }, PASSPHRASE)).rejects.toThrow(WrongSecretError);
  });

  it('with malformed fields, or parameters that would exhaust memory, is refused as damaged before any KDF runs', async () => {
    const slot = await createPassphraseSlot(VaultKey.generate(), PASSPHRASE, FAST);
    const damaged: unknown[] = [
      { ...slot, nonce: 'not base64!' },
      { ...slot, nonce: Buffer.alloc(16).toString('base64') },
      { ...slot, wrapped: slot.wrapped.slice(0, 20) },
      { ...slot, kdf: { ...slot.kdf, N: 2 ** 30 } },
      { ...slot, kdf: { ...slot.kdf, N: '1024' } },
      { ...slot, kdf: { ...slot.kdf, name: 'pbkdf2' } },
      { ...slot, kdf: { ...slot.kdf, salt: '' } },
      { ...slot, kind: 'fingerprint' },
    ];
    for (const bad of damaged) {
      const err = await openSlot(bad as KeySlot, PASSPHRASE).catch((e: unknown) => e);
      expect(err, JSON.stringify(bad)).toBeInstanceOf(IntegrityError);
      expect((err as Error).message).toMatch(/key slot .*changed or damaged/);
    }
  });
});
