// A cell of free text cut into clauses and words. A clause is what a headline writer separates with "|", "·", "•",
// a dash between spaces, ",", ";", "/", brackets, a full stop before a space or a line break: the unit a hint's context is read in, and the unit
// that stripping removes whole (src/vault/minimise.ts).

export interface Span {
  start: number;
  end: number;
}

export interface Word extends Span {
  /** Lower case, accents removed ("Féin" → "fein"). */
  folded: string;
  /** Index of its clause in Tokens.clauses. */
  clause: number;
}

export interface Tokens {
  words: Word[];
  /** Each clause's extent in the text, without the spaces around it; clauses with no words are left out. */
  clauses: Span[];
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
// Characters that always end a clause: | · • , ; / brackets, line breaks, tabs, en and em dashes.
const ALWAYS = new Set([...'|·•,;/()[]{}\n\r\t–—']);

function fold(word: string): string {
  // Only words with a non-ASCII letter need the slow path. NFKD also turns the "bold" and "italic" letters of
  // Unicode's mathematical alphabets, which headlines use for emphasis ("𝐁𝐥𝐚𝐜𝐤"), into plain ones.
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(word) ? word.toLowerCase() : word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

const isSpace = (c: number) => c === 32 || c === 160 || (c >= 9 && c <= 13);

function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER_OR_DIGIT.test(String.fromCodePoint(text.codePointAt(i)!));
}

/** How many UTF-16 units the character at i takes: 2 for a surrogate pair ("𝐁"), else 1. */
const width = (text: string, i: number): number => (text.codePointAt(i)! > 0xffff ? 2 : 1);

/** A clause ends at a separator: one of ALWAYS, a hyphen with a space (or the edge) on both sides, a full stop before a space. */
function isSeparator(text: string, i: number): boolean {
  const ch = text[i]!;
  if (ALWAYS.has(ch)) return true;
  if (ch === '-') return (i === 0 || isSpace(text.charCodeAt(i - 1))) && (i === text.length - 1 || isSpace(text.charCodeAt(i + 1)));
  return ch === '.' && i + 1 < text.length && isSpace(text.charCodeAt(i + 1));
}

/** The clauses and the words of one cell, in order. */
export function tokenise(text: string): Tokens {
  const clauses: Span[] = [];
  const words: Word[] = [];
  let segmentStart = 0;
  let current = -1; // the clause of the segment being read, once it has a word
  const close = (end: number) => {
    if (current >= 0) {
      let e = end;
      while (e > clauses[current]!.start && isSpace(text.charCodeAt(e - 1))) e--;
      clauses[current]!.end = e;
    }
    current = -1;
  };
  for (let i = 0; i < text.length; ) {
    if (isWordChar(text, i)) {
      let j = i + width(text, i);
      while (j < text.length && isWordChar(text, j)) j += width(text, j);
      if (current < 0) {
        let start = segmentStart;
        while (start < i && isSpace(text.charCodeAt(start))) start++;
        current = clauses.length;
        clauses.push({ start, end: j });
      }
      words.push({ start: i, end: j, folded: fold(text.slice(i, j)), clause: current });
      i = j;
    } else {
      if (isSeparator(text, i)) {
        close(i);
        segmentStart = i + 1;
      }
      i += width(text, i);
    }
  }
  close(text.length);
  return { words, clauses };
}

/** Fold a lexicon phrase the way tokenise folds a cell: its words, lower case, accents removed. */
export function phraseWords(phrase: string): string[] {
  return tokenise(phrase).words.map((w) => w.folded);
}
