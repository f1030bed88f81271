// A cell of free text cut into clauses and words. A clause is what a headline writer separates: "|", "·", "•", ",",
// ";", "/", "#", brackets, line breaks, en and em dashes, a full stop or colon before a space, an emoji, or any run of other
// symbols with a space on both sides ("::", "»", "~", "→", "★", a hyphen). It is the unit a hint's context is read in,
// and the unit that stripping removes whole (src/vault/strip-special-category.ts).
// Words are folded so that the ways headlines dress letters up read as plain ones: accents and other combining
// marks (also underlining and striking through), zero-width characters, the "bold" and "italic" mathematical
// alphabets and circled or squared letters (by NFKD). A hashtag's CamelCase is cut into words (#ActuallyAutistic).
// Letters that only look Latin (Cyrillic "А") are not mapped: see docs/special-category.md.

export interface Span {
  start: number;
  end: number;
}

export interface Word extends Span {
  /** Lower case, accents and marks removed ("Féin" → "fein"). */
  folded: string;
  /** Index of its clause in Tokens.clauses. */
  clause: number;
}

export interface Tokens {
  words: Word[];
  /** Each clause's extent in the text, without the spaces around it; clauses with no words are left out. */
  clauses: Span[];
}

const WORD_PART = /[\p{L}\p{N}\p{M}\p{Cf}]/u;
const EMOJI = /\p{Extended_Pictographic}/u;
// Characters that always end a clause.
const ALWAYS = new Set([...'|·•,;/#()[]{}\n\r\t–—']);
// Symbols that join the words on both sides of them into one phrase, not a clause break ("Lesbian & Gay", "C++").
const JOINERS = new Set([...'&+\'"’‘“”@']);

function fold(word: string): string {
  // Only words with a non-ASCII character need the slow path.
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(word) ? word.toLowerCase() : word.normalize('NFKD').replace(/[\p{M}\p{Cf}]/gu, '').toLowerCase();
}

const isSpace = (c: number) => c === 32 || c === 160 || (c >= 9 && c <= 13);

/** How many UTF-16 units the character at i takes: 2 for a surrogate pair ("𝐁"), else 1. */
const width = (text: string, i: number): number => (text.codePointAt(i)! > 0xffff ? 2 : 1);

/** A character a word may start with: a letter or digit, or a symbol whose compatibility form is one ("Ⓐ"). */
function isWordStart(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return (classOf(text.codePointAt(i)!) & START) !== 0;
}

/** A character that continues a word: also combining marks and zero-width characters ("A̲u̲", "Au\u200btistic"). */
function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return (classOf(text.codePointAt(i)!) & (START | PART)) !== 0;
}

const START = 1;
const PART = 2;
const EMOJI_BIT = 4;
// What each character outside ASCII is, worked out once (Unicode property tests and NFKD are slow per character).
const CLASSES = new Map<number, number>();
function classOf(code: number): number {
  let bits = CLASSES.get(code);
  if (bits === undefined) {
    const ch = String.fromCodePoint(code);
    bits = (/^[\p{L}\p{N}]/u.test(ch) || /^[\p{L}\p{N}]/u.test(ch.normalize('NFKD')) ? START : 0) | (WORD_PART.test(ch) ? PART : 0) | (EMOJI.test(ch) ? EMOJI_BIT : 0);
    if (CLASSES.size < 65_536) CLASSES.set(code, bits);
  }
  return bits;
}

/** How long the separator at i is (0: none). `wordBefore`: the word just before it, folded. */
function separatorAt(text: string, i: number, wordBefore: string | null): number {
  const ch = text[i]!;
  // "w/" and "w/o" (with, without) are words, not a clause break: "Living w/ MS".
  if (ch === '/' && wordBefore === 'w' && i > 0 && !isSpace(text.charCodeAt(i - 1))) return 0;
  if (ALWAYS.has(ch)) return 1;
  if ((ch === '.' || ch === ':') && i + 1 < text.length && isSpace(text.charCodeAt(i + 1))) return 1;
  if (text.charCodeAt(i) >= 128 && (classOf(text.codePointAt(i)!) & EMOJI_BIT) !== 0) return width(text, i);
  if (JOINERS.has(ch)) return 0;
  // A run of other symbols with a space (or the edge of the cell) on both sides: "Nurse - Leeds", "A :: B", "A » B".
  let j = i;
  while (j < text.length && !isSpace(text.charCodeAt(j)) && !isWordStart(text, j)) j += width(text, j);
  const spaced = (i === 0 || isSpace(text.charCodeAt(i - 1))) && (j === text.length || isSpace(text.charCodeAt(j)));
  return spaced ? j - i : 0;
}

/** The places a hashtag's CamelCase word is cut: "ActuallyAutistic" → "Actually", "Autistic". */
function camelCuts(word: string): number[] {
  const cuts: number[] = [];
  for (let k = 1; k < word.length; k++) if (/[a-z]/.test(word[k - 1]!) && /[A-Z]/.test(word[k]!)) cuts.push(k);
  return cuts;
}

/** The clauses and the words of one cell, in order. */
export function tokenise(text: string): Tokens {
  const clauses: Span[] = [];
  const words: Word[] = [];
  let segmentStart = 0;
  let current = -1; // the clause of the segment being read, once it has a word
  let hashtag = false;
  const close = (end: number) => {
    if (current >= 0) {
      let e = end;
      while (e > clauses[current]!.start && isSpace(text.charCodeAt(e - 1))) e--;
      clauses[current]!.end = e;
    }
    current = -1;
  };
  const push = (start: number, end: number) => {
    const folded = fold(text.slice(start, end));
    if (folded === '') return;
    if (current < 0) {
      let s = segmentStart;
      while (s < start && isSpace(text.charCodeAt(s))) s++;
      current = clauses.length;
      clauses.push({ start: s, end });
    }
    words.push({ start, end, folded, clause: current });
  };
  for (let i = 0; i < text.length; ) {
    if (isWordStart(text, i)) {
      let j = i + width(text, i);
      while (j < text.length && isWordChar(text, j)) j += width(text, j);
      let from = i;
      for (const cut of hashtag ? camelCuts(text.slice(i, j)) : []) {
        push(from, i + cut);
        from = i + cut;
      }
      push(from, j);
      hashtag = false;
      i = j;
      continue;
    }
    const length = separatorAt(text, i, words.length > 0 && words.at(-1)!.end === i ? words.at(-1)!.folded : null);
    if (length > 0) {
      close(i);
      segmentStart = i + length;
      hashtag = text[i] === '#';
      i += length;
    } else i += width(text, i);
  }
  close(text.length);
  return { words, clauses };
}

/** Fold a lexicon phrase the way tokenise folds a cell: its words, lower case, accents removed. */
export function phraseWords(phrase: string): string[] {
  return tokenise(phrase).words.map((w) => w.folded);
}
