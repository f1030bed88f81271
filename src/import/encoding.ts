import { TextDecoder } from 'node:util';

// Which text encoding a file uses. LinkedIn writes UTF-8; Excel re-saves as UTF-16 ("Unicode Text") or Windows-1252.

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface EncodingGuess {
  encoding: TextEncoding;
  bom: boolean;
}

/**
 * Guess from the first bytes: a byte order mark decides; UTF-16 without one shows as NUL bytes in every other
 * position. Anything else starts as UTF-8, and the decoder falls back to Windows-1252 at the first invalid byte
 * (see `Utf8OrFallbackDecoder`).
 */
export function sniffEncoding(head: Uint8Array): EncodingGuess {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: true };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: true };
  const sample = Math.min(head.length, 4096) & ~1;
  if (sample >= 4) {
    let evenNul = 0;
    let oddNul = 0;
    for (let i = 0; i < sample; i += 2) {
      if (head[i] === 0) evenNul++;
      if (head[i + 1] === 0) oddNul++;
    }
    const pairs = sample / 2;
    if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) return { encoding: 'utf-16le', bom: false };
    if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) return { encoding: 'utf-16be', bom: false };
  }
  return { encoding: 'utf-8', bom: false };
}

/** Thrown by the decoder when a file guessed as UTF-8 turns out not to be: the reader starts again as Windows-1252. */
export class NotUtf8Error extends Error {
  constructor(readonly byteOffset: number) {
    super(`invalid UTF-8 near byte ${byteOffset}`);
  }
}

/** A streaming decoder for one encoding; UTF-8 is decoded strictly so that a re-saved file is noticed, not garbled. */
export class ChunkDecoder {
  private readonly decoder: TextDecoder;
  private bytes = 0;

  constructor(readonly encoding: TextEncoding) {
    // TextDecoder drops a leading byte order mark by itself.
    this.decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  }

  decode(chunk: Uint8Array): string {
    try {
      const text = this.decoder.decode(chunk, { stream: true });
      this.bytes += chunk.length;
      return text;
    } catch {
      throw new NotUtf8Error(this.bytes);
    }
  }

  end(): string {
    try {
      return this.decoder.decode();
    } catch {
      throw new NotUtf8Error(this.bytes);
    }
  }
}
