// Shared by the crypto tests: fast scrypt settings and a check that no encoding of some bytes shows up in a text.
import { expect } from 'vitest';
import type { PassphraseSlotOptions } from '../../src/crypto/index.js';

/** N=2^10 takes about a millisecond: below the floor, so it has to be asked for with allowWeak. */
export const FAST: PassphraseSlotOptions = { params: { N: 2 ** 10, r: 8, p: 1 }, allowWeak: true };

/** The ways key bytes could leak into JSON, a log line or an inspect dump: hex, base64 (both kinds), a byte list. */
export function expectNoBytes(text: string, bytes: Buffer): void {
  for (const form of [bytes.toString('hex'), bytes.toString('base64'), bytes.toString('base64url'), [...bytes].join(',')]) {
    expect(text).not.toContain(form);
  }
  expect(text.toLowerCase()).not.toContain(bytes.toString('hex').slice(0, 16));
}
