// The one-time recovery key: 160 random bits shown once, for the day every passphrase is forgotten. Written in
// Crockford base32 with a checksum so a person can copy it by hand and a typo is caught before any unlock attempt.
import { createHash, randomBytes } from 'node:crypto';
import { RecoveryKeyFormatError } from './errors.js';

/**
 * Format: 40 characters in 8 groups of 5, e.g. `7GQ2M-XK4TD-...-H3B9Z`.
 *   characters  1-32: the 20 key bytes (160 bits) in Crockford base32, most significant bit first;
 *   characters 33-40: a checksum, the first 5 bytes (40 bits) of SHA-256 of the 20 key bytes, in the same base32.
 * Crockford's alphabet has no I, L, O or U, so nothing is read two ways; a 40-bit checksum lets a mistyped key
 * (a wrong character, two swapped) through with odds of about 1 in 10^12, so a typo is reported as a typo and never
 * turns into a different key or a "wrong recovery key" that makes the user doubt the paper they kept.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECOVERY_KEY_BYTES = 20;
const CHECKSUM_BYTES = 5;
const KEY_CHARS = (RECOVERY_KEY_BYTES * 8) / 5; // 32
const TOTAL_CHARS = KEY_CHARS + (CHECKSUM_BYTES * 8) / 5; // 40

/** A new recovery key, as the text to show the user once. Only the bytes it stands for are ever used. */
export function generateRecoveryKey(): string {
  const bytes = randomBytes(RECOVERY_KEY_BYTES);
  const text = formatRecoveryKey(bytes);
  bytes.fill(0);
  return text;
}

/** The display form of 20 key bytes: their base32 then the checksum, in groups of 5 joined by '-'. */
export function formatRecoveryKey(bytes: Buffer): string {
  if (bytes.length !== RECOVERY_KEY_BYTES) throw new TypeError(`A recovery key holds ${RECOVERY_KEY_BYTES} bytes.`);
  const chars = encode(bytes) + encode(checksum(bytes));
  return chars.match(/.{5}/g)!.join('-'); // 8 groups of 5
}

/**
 * The 20 key bytes of a typed recovery key. Forgiving about how it was typed: any case, spaces or line breaks,
 * hyphens missing, extra or replaced by dashes, full-width characters, and Crockford's look-alikes (O for 0, I or L
 * for 1). Strict about what it says: RecoveryKeyFormatError for a foreign character, a wrong length or a checksum
 * that does not match.
 */
export function parseRecoveryKey(text: string): Buffer {
  const chars = text
    .normalize('NFKC') // full-width Ａ, １ from an East Asian keyboard become A, 1
    .toUpperCase()
    .replace(/[\s\-\u2010-\u2015\u2212]/g, '') // spaces, hyphens and the dashes word processors substitute
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  for (const c of chars) {
    if (!ALPHABET.includes(c)) {
      throw new RecoveryKeyFormatError(
        `A recovery key has only digits and the letters A to Z without U; this one contains "${c}".`,
      );
    }
  }
  if (chars.length !== TOTAL_CHARS) {
    throw new RecoveryKeyFormatError(
      `A recovery key has 8 groups of 5 characters (${TOTAL_CHARS} in all); this one has ${chars.length}.`,
    );
  }
  const bytes = decode(chars.slice(0, KEY_CHARS));
  if (!decode(chars.slice(KEY_CHARS)).equals(checksum(bytes))) {
    bytes.fill(0);
    throw new RecoveryKeyFormatError('This recovery key has a typo: its checksum does not match. Check each character.');
  }
  return bytes;
}

function checksum(bytes: Buffer): Buffer {
  return createHash('sha256').update(bytes).digest().subarray(0, CHECKSUM_BYTES);
}

// Both lengths used here (20 and 5 bytes) are multiples of 5 bytes = 40 bits = 8 characters, so there is no padding.
function encode(bytes: Buffer): string {
  let out = '';
  let acc = 0;
  let bits = 0;
  for (const byte of bytes) {
    acc = ((acc << 8) | byte) & 0xfff; // at most 12 live bits
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(acc >>> bits) & 31];
    }
  }
  return out;
}

function decode(chars: string): Buffer {
  const out = Buffer.alloc((chars.length * 5) / 8);
  let acc = 0;
  let bits = 0;
  let i = 0;
  for (const c of chars) {
    acc = ((acc << 5) | ALPHABET.indexOf(c)) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out[i++] = (acc >>> bits) & 0xff;
    }
  }
  return out;
}
