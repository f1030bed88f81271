import { createCipheriv, createDecipheriv, hkdfSync } from 'node:crypto';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { deriveKeys, IntegrityError, VaultKey } from '../../src/crypto/index.js';
import { keyBytes, vaultKeyFromBytes } from '../../src/crypto/vault-key.js';
import { expectNoBytes } from './helpers.js';

const ROW = '6f1c2b9e-3a4d-4c5e-9f70-1a2b3c4d5e6f';
const records = () => deriveKeys(VaultKey.generate()).records;
const CHANGED_OR_MOVED = /changed, or moved from another record/;

describe('RecordCipher', () => {
  it('gives back exactly what was stored: accents, scripts, emoji, quotes, empty and long text', () => {
    const cipher = records();
    for (const text of ['Ada Lovelace', '', 'Zoë Ødegård-Nuñez', '東京 · Σωκράτης · مرحبا 🙂👩🏽‍💻', '"; DROP TABLE contacts; --', 'x'.repeat(100_000)]) {
      expect(cipher.decrypt(cipher.encrypt(text, ROW), ROW)).toBe(text);
    }
  });

  it('round-trips raw bytes, from a Buffer or a Uint8Array view into a larger buffer', () => {
    const cipher = records();
    const bytes = Buffer.from([0, 1, 2, 255, 254, 0]);
    const blob = cipher.encryptBytes(bytes, ROW);
    expect(cipher.decryptBytes(blob, ROW)).toEqual(bytes);
    const padded = new Uint8Array(blob.length + 10);
    padded.set(blob, 5);
    expect(cipher.decryptBytes(padded.subarray(5, 5 + blob.length), ROW)).toEqual(bytes);
    expect(cipher.decrypt(new Uint8Array(cipher.encrypt('Ada', ROW)), ROW)).toBe('Ada');
  });

  it('writes version 1 || 12-byte nonce || ciphertext || 16-byte tag', () => {
    const blob = records().encrypt('Ada', ROW);
    expect(blob[0]).toBe(0x01);
    expect(blob.length).toBe(1 + 12 + 3 + 16);
    expect(blob.includes(Buffer.from('Ada'))).toBe(false);
  });

  it('uses a fresh nonce every time: the same name twice never gives the same blob', () => {
    const cipher = records();
    const blobs = Array.from({ length: 200 }, () => cipher.encrypt('Ada Lovelace', ROW));
    expect(new Set(blobs.map((b) => b.toString('hex'))).size).toBe(200);
    expect(new Set(blobs.map((b) => b.subarray(1, 13).toString('hex'))).size).toBe(200);
  });

  it('refuses a blob with any single byte changed, whichever byte and however it is flipped', () => {
    const cipher = records();
    const blob = cipher.encrypt('Ada', ROW);
    for (let i = 0; i < blob.length; i++) {
      for (const mask of [0x01, 0x80, 0xff]) {
        const bad = Buffer.from(blob);
        bad[i]! ^= mask;
        expect(() => cipher.decrypt(bad, ROW), `byte ${i} ^ ${mask}`).toThrow(IntegrityError);
      }
    }
    expect(cipher.decrypt(blob, ROW)).toBe('Ada'); // the original was not touched
  });

  it('refuses a blob moved to another row, even one differing only in case or a trailing space', () => {
    const cipher = records();
    const blob = cipher.encrypt('ada@example.com', ROW);
    for (const other of ['0f1c2b9e-3a4d-4c5e-9f70-1a2b3c4d5e6f', ROW.toUpperCase(), `${ROW} `, `${ROW}:email`]) {
      expect(() => cipher.decrypt(blob, other)).toThrow(IntegrityError);
    }
    try {
      cipher.decrypt(blob, 'another-row');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(IntegrityError);
      expect((err as Error).name).toBe('IntegrityError');
      expect((err as Error).message).toMatch(CHANGED_OR_MOVED);
    }
  });

  it('refuses a truncated or extended blob at every length', () => {
    const cipher = records();
    const blob = cipher.encrypt('Ada Lovelace', ROW);
    for (let n = 0; n < blob.length; n++) expect(() => cipher.decrypt(blob.subarray(0, n), ROW), `length ${n}`).toThrow(IntegrityError);
    expect(() => cipher.decrypt(Buffer.concat([blob, Buffer.of(0)]), ROW)).toThrow(IntegrityError);
    expect(() => cipher.decrypt(blob.subarray(1), ROW)).toThrow(IntegrityError);
  });

  it('refuses an unknown version byte, and a blob made under another vault key', () => {
    const cipher = records();
    const blob = cipher.encrypt('Ada', ROW);
    const v2 = Buffer.from(blob);
    v2[0] = 0x02;
    expect(() => cipher.decrypt(v2, ROW)).toThrow(IntegrityError);
    expect(() => records().decrypt(blob, ROW)).toThrow(IntegrityError);
  });

  it('decrypts with the cipher derived again from the same vault key (the next unlock)', () => {
    const key = VaultKey.generate();
    const blob = deriveKeys(key).records.encrypt('Grace Hopper', ROW);
    expect(deriveKeys(key).records.decrypt(blob, ROW)).toBe('Grace Hopper');
  });

  it('keeps its pinned format: HKDF-SHA-256 sub-key, AES-256-GCM, row id as AAD (data written today opens tomorrow)', () => {
    const vaultBytes = Buffer.alloc(32, 7);
    const cipher = deriveKeys(vaultKeyFromBytes(Buffer.from(vaultBytes))).records;
    const subKey = Buffer.from(hkdfSync('sha256', vaultBytes, Buffer.alloc(0), 'contact-sanitizer/records/v1', 32));
    // Written by hand, as a future version of the app or a recovery tool would.
    const nonce = Buffer.alloc(12, 9);
    const enc = createCipheriv('aes-256-gcm', subKey, nonce).setAAD(Buffer.from(ROW));
    const body = Buffer.concat([enc.update('Katherine Johnson', 'utf8'), enc.final()]);
    expect(cipher.decrypt(Buffer.concat([Buffer.of(1), nonce, body, enc.getAuthTag()]), ROW)).toBe('Katherine Johnson');
    // And read by hand.
    const blob = cipher.encrypt('Dorothy Vaughan', ROW);
    const dec = createDecipheriv('aes-256-gcm', subKey, blob.subarray(1, 13)).setAAD(Buffer.from(ROW)).setAuthTag(blob.subarray(-16));
    expect(Buffer.concat([dec.update(blob.subarray(13, -16)), dec.final()]).toString()).toBe('Dorothy Vaughan');
  });

  it('refuses an empty row id, which would bind the blob to nothing', () => {
    const cipher = records();
    expect(() => cipher.encrypt('Ada', '')).toThrow(/row id/);
    expect(() => cipher.decrypt(cipher.encrypt('Ada', ROW), '')).toThrow(/row id/);
  });

  it('shows no key in JSON or inspect, and stops working once destroyed (vault locked)', () => {
    const key = VaultKey.generate();
    const cipher = deriveKeys(key).records;
    const subKey = Buffer.from(hkdfSync('sha256', keyBytes(key), Buffer.alloc(0), 'contact-sanitizer/records/v1', 32));
    expectNoBytes(JSON.stringify({ cipher }) + inspect(cipher, { showHidden: true, depth: 5 }), subKey);
    const blob = cipher.encrypt('Ada', ROW);
    cipher.destroy();
    expect(() => cipher.encrypt('Ada', ROW)).toThrow(/destroyed/);
    expect(() => cipher.decrypt(blob, ROW)).toThrow(/destroyed/);
  });
});
