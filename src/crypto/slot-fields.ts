// Reading a key slot's fields back from the database, where they may have been edited: strict decoding, and one
// error for a slot that is not what was written.
import { IntegrityError } from './errors.js';

/** Strict base64: Node's decoder skips junk silently, so a field must re-encode to exactly what was stored. */
export function base64Field(value: unknown, field: string, lengthOk: (n: number) => boolean): Buffer {
  const bytes = typeof value === 'string' ? Buffer.from(value, 'base64') : Buffer.alloc(0);
  if (typeof value !== 'string' || bytes.toString('base64') !== value || !lengthOk(bytes.length)) {
    throw damagedSlot(`its ${field} is malformed`);
  }
  return bytes;
}

export function damagedSlot(problem: string): IntegrityError {
  return new IntegrityError(`This key slot failed its integrity check: it was changed or damaged (${problem}).`);
}
