// Hints of special-category data (Art. 9) and criminal-offence data (Art. 10) in a cell of free text: the lexicon's
// terms (src/classify/special-category/lexicon/), each read in the context of its clause, within a few words of it
// (context.ts). The rules, in order, for a term found in a clause (judge() below, numbered the same):
// 1. part of a proper noun ("Church Street", "Credit Union", "Black Friday", "in unison"): not a hint;
// 2. someone else is served ("supporting autistic adults", "mentor to ex-offenders", "deaf awareness", "Teacher of
//    the Deaf"), unless a first-person word follows the serving one ("Writing about my bipolar"): not a hint;
// 3. reporting on, studying or designing for a union, party or faith body ("church architect"): not a hint;
// 4. one of the category's cues ("Equity member", "living with MS"), in the clause or, for a term alone in its
//    clause, nearby in the cell (whose clause is then stripped too): a hint; otherwise an occupation that serves or
//    studies a subject ("oncology nurse", "Punjabi teacher"): not a hint;
// 5. by the term's kind (lexicon/types.ts): a self-description, an office or a body counts; a subject counts with a
//    cue about the person by it, a person noun right after it, or standing alone as a clause of a headline; an
//    ambiguous word counts only with a cue, except a national origin read as a subject and a health, orientation or
//    gender-identity word standing alone as a clause ("Engineer | Trans").
import type { SpecialCategory } from './categories.js';
import { phraseWords, tokenise, type Span, type Word } from './clauses.js';
import { OCCUPATIONS, PERSON_CUES, PERSON_NOUNS, POPULATIONS, PROPER_NOUN_NEXT, SERVING, STUDIES, SUBJECT_FOLLOWERS, TEACHING } from './context.js';
import { LEXICON } from './lexicon/index.js';
import type { TermKind } from './lexicon/types.js';

export interface SpecialCategoryHint extends Span {
  category: SpecialCategory;
  /** The lexicon's phrase that matched (never a slice of the cell). */
  term: string;
  /** Why it counts, in words a reviewer reads, made of the lexicon's and the rules' own words (never the cell's). */
  reason: string;
  /** The whole clause that carries the hint: what stripping removes. */
  clause: Span;
  /** The clause of the cue that made it count, when that is another clause ("Diagnosed 2019 — MS"): stripped too. */
  cueClause?: Span;
}

interface Entry {
  words: string[];
  term: string;
  category: SpecialCategory;
  kind: TermKind;
  /** The category's cues, as folded phrases. */
  cues: string[][];
}

const CATEGORY_CUES = new Map(LEXICON.map((l) => [l.category, l.cues.map(phraseWords)]));
const BY_FIRST_WORD = new Map<string, Entry[]>();
for (const lexicon of LEXICON) {
  for (const [kind, terms] of Object.entries(lexicon.terms) as [TermKind, string[]][]) {
    for (const term of terms) {
      const words = phraseWords(term);
      if (words.length === 0) continue;
      const list = BY_FIRST_WORD.get(words[0]!) ?? [];
      list.push({ words, term, category: lexicon.category, kind, cues: CATEGORY_CUES.get(lexicon.category)! });
      BY_FIRST_WORD.set(words[0]!, list);
    }
  }
}
// Longest first, so "trans woman" wins over "trans" and "Christian Aid" over "Christian".
for (const list of BY_FIRST_WORD.values()) list.sort((a, b) => b.words.length - a.words.length);

// A cheap test that a cell holds a word that starts some term (or its plural), so that the ordinary job titles of an
// export cost one regular-expression scan and no tokenising. Cells with characters outside ASCII are folded before
// their words are compared, and hashtags are cut at their capitals, so those always take the full path.
const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const MAYBE = new RegExp(`\\b(?:${[...BY_FIRST_WORD.keys()].sort((a, b) => b.length - a.length).map(escape).join('|')})(?:e?s)?\\b`, 'i');
// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/;

interface Match {
  entry: Entry;
  /** Index of the first and one past the last word. */
  from: number;
  to: number;
  /** The last word carried a plural ending the lexicon's term does not ("ex-offenders"). */
  plural: boolean;
}

/** A folded word equal to the term's word, or its plural ("offenders", "churches"). */
function wordMatches(folded: string, word: string): 0 | 1 | 2 {
  if (folded === word) return 1;
  if (folded.length > word.length && folded.startsWith(word) && (folded === `${word}s` || folded === `${word}es`)) return 2;
  return 0;
}

/** Two words belong together: the same clause, or a slash between them ("they/them"). */
function joined(text: string, a: Word, b: Word): boolean {
  return a.clause === b.clause || text.slice(a.end, b.start).trim() === '/';
}

/** The longest entry whose words start at word `i`. */
function matchAt(text: string, words: Word[], i: number): Match | null {
  const first = words[i]!.folded;
  const list = BY_FIRST_WORD.get(first) ?? (first.endsWith('s') ? BY_FIRST_WORD.get(first.replace(/e?s$/, '')) : undefined);
  if (list === undefined) return null;
  for (const entry of list) {
    const to = i + entry.words.length;
    if (to > words.length) continue;
    let plural = false;
    let ok = true;
    for (let k = 0; k < entry.words.length && ok; k++) {
      const w = words[i + k]!;
      const m = wordMatches(w.folded, entry.words[k]!);
      ok = m !== 0 && (k === 0 || joined(text, words[i + k - 1]!, w)) && (m === 1 || k === entry.words.length - 1);
      if (m === 2) plural = true;
    }
    if (ok) return { entry, from: i, to, plural };
  }
  return null;
}

/** Where a phrase of folded words first occurs in words[from, to), outside [skipFrom, skipTo); -1 if nowhere. */
function hasPhrase(words: Word[], from: number, to: number, phrase: string[], skipFrom: number, skipTo: number): number {
  for (let i = Math.max(0, from); i + phrase.length <= Math.min(to, words.length); i++) {
    if (i < skipTo && i + phrase.length > skipFrom) continue;
    let k = 0;
    while (k < phrase.length && wordMatches(words[i + k]!.folded, phrase[k]!) !== 0) k++;
    if (k === phrase.length) return i;
  }
  return -1;
}

/** The first of these phrases in words[from, to), outside the match, and the index of its first word. */
function phraseAt(words: Word[], from: number, to: number, phrases: readonly string[][], m: Match): { phrase: string[]; index: number } | null {
  for (const phrase of phrases) {
    const index = hasPhrase(words, from, to, phrase, m.from, m.to);
    if (index >= 0) return { phrase, index };
  }
  return null;
}

const FILLER = new Set(['and', 'the', 'a', 'an', 'of', 'very', 'also']);

const ROLE: Record<SpecialCategory, string> = {
  'trade-union-membership': 'a union',
  'political-opinions': 'a party',
  'religious-or-philosophical-beliefs': 'a faith',
  'racial-or-ethnic-origin': 'a community',
  health: 'a health condition',
  'sex-life-or-sexual-orientation': 'an orientation',
  'gender-identity': 'a gender identity',
  'genetic-data': 'a genetic status',
  'criminal-offences': 'a criminal record',
};

/** Categories whose ambiguous words (national adjectives: "Black", "Chinese", "Nigerian") are about the person with
 * a cue about the person or a person noun ("proud Nigerian", "Black dad"), not only with one of the category's cues. */
const READ_AS_SUBJECT: ReadonlySet<SpecialCategory> = new Set(['racial-or-ethnic-origin']);
/** Categories whose ambiguous words, standing alone as a clause of a headline, label the person ("Engineer | Trans"). */
const ALONE_LABELS: ReadonlySet<SpecialCategory> = new Set(['health', 'sex-life-or-sexual-orientation', 'gender-identity']);
const ORIGIN = 'racial-or-ethnic-origin';
/** Person nouns that, right after a national origin, describe the person rather than a job ("Black dad"). */
const ORIGIN_PERSONS = new Set(['woman', 'women', 'man', 'men', 'girl', 'boy', 'person', 'mum', 'mom', 'dad', 'mother', 'father', 'parent', 'wife', 'husband', 'son', 'daughter', 'lad', 'lass', 'founder', 'entrepreneur', 'leader', 'poet', 'actor', 'writer', 'author']);
/** Words before a term that make it part of a name ("European Union Member", "Credit Union", "Rugby Union"). */
const PROPER_NOUN_BEFORE = new Set(['european', 'credit', 'rugby', 'students', 'student', 'soviet', 'customs', 'african', 'economic', 'private']);
/** First-person words: after a serving word they keep the term about the person ("Writing about my bipolar"). */
const FIRST_PERSON = new Set(['my', 'i', 'im', 'me', 'myself', 'proud', 'own']);
/** Prepositions that, after an occupation, make the term its object ("Teacher of the Deaf", "Interpreter for the Deaf"). */
const OBJECT_OF = new Set(['of', 'for', 'to', 'with']);
/** How many words either side of a term its context is read in: long cells cost time linear in their length. */
const WINDOW = 8;
/** The most terms judged in one cell. */
const MAX_TERMS = 200;

/** A one-word term of the lexicon: "Gay Muslim" stacks two self-descriptions. */
const isTermWord = (w: Word): boolean => BY_FIRST_WORD.get(w.folded)?.some((e) => e.words.length === 1) === true;

interface Context {
  /** The words of the clause within WINDOW of the match, before and after it (not the match's own). */
  before: Word[];
  after: Word[];
  /** The whole clause is the match and nothing else (of any length). */
  alone: boolean;
  /** The clause's first and one-past-last word. */
  from: number;
  to: number;
}

/** Why this match counts (and, for a cue read elsewhere in the cell, where it is), or null when it is not about the person. */
function judge(text: string, words: Word[], c: Context, m: Match): { reason: string; cueAt?: number } | null {
  const { entry } = m;
  const quoted = `"${entry.term}"`;
  const next = c.after[0]?.folded ?? null;
  const previous = c.before.at(-1)?.folded ?? null;
  const before = c.before.map((w) => w.folded);
  const others = [...c.before, ...c.after];
  const organisation = entry.kind === 'office' || entry.kind === 'body';
  // 1. A proper noun: the next word, after a space, names a street, an institution or a company; a word before makes
  // it a name ("Credit Union"); a body's possessive ("Church's"); an ambiguous word as the first half of a compound
  // ("Trans-Atlantic", "Green-field"), though not a national origin ("Indian-American").
  const gap = m.to < words.length ? text.slice(words[m.to - 1]!.end, words[m.to]!.start) : '';
  if (next !== null && /^[\s-]$/.test(gap) && PROPER_NOUN_NEXT.has(next)) return null;
  if (previous !== null && PROPER_NOUN_BEFORE.has(previous)) return null;
  if (organisation && next === 's' && /^['’]$/.test(gap)) return null;
  // An acronym written in lower case is a word ("in unison", not UNISON).
  if (entry.kind !== 'self' && /^[A-Z]{2,}$/.test(entry.term) && text.slice(words[m.from]!.start, words[m.to - 1]!.end) === entry.term.toLowerCase()) return null;
  if (entry.kind === 'ambiguous' && entry.category !== ORIGIN && gap === '-') return null;
  // 2. Someone else is served: "for union reps", "supporting autistic adults", "deaf awareness", "coach for LGBTQ+
  // professionals", "mentor to ex-offenders", "Teacher of the Deaf"; unless a first-person word follows the serving
  // one ("Writing about my bipolar", "Proud to be Muslim").
  const lastServing = Math.max(...before.map((w, k) => (SERVING.has(w) || POPULATIONS.has(w) ? k : -1)));
  const identity = previous === 'be' || previous === 'am' || previous === 'being';
  const servedBefore = lastServing >= 0 && !identity && !before.slice(lastServing).some((w) => FIRST_PERSON.has(w));
  const objectOfJob = before.some((w, k) => OBJECT_OF.has(w) && before.slice(0, k).some((x) => OCCUPATIONS.has(x)));
  if (!organisation) {
    if (next !== null && (SUBJECT_FOLLOWERS.has(next) || POPULATIONS.has(next))) return null;
    const populationBefore = before.some((w) => POPULATIONS.has(w));
    if (servedBefore && (entry.kind !== 'self' || populationBefore || m.plural || (next !== null && next.endsWith('s')))) return null;
    if (objectOfJob) return null;
    if (m.plural && entry.kind === 'self' && others.some((w) => OCCUPATIONS.has(w.folded))) return null;
  }
  // 3. Reporting on, studying or designing for a union, a party or a faith body ("political correspondent covering
  // the Labour Party", "church architect"), whatever cue the clause also holds.
  const subjectLike = entry.kind === 'subject' || (entry.kind === 'ambiguous' && READ_AS_SUBJECT.has(entry.category));
  if (!subjectLike && entry.kind !== 'self' && entry.kind !== 'office' && others.some((w) => STUDIES.has(w.folded))) return null;
  // 4. One of the category's own cues: "Equity member", "Unite rep", "Labour councillor", "living with MS". A term
  // alone in its clause ("rep (Unite)", "Diagnosed 2019 — MS") takes its cue from the cell around it, and the cue's
  // clause is then stripped with it.
  const cueHere = phraseAt(words, m.from - c.before.length, m.to + c.after.length, entry.cues, m);
  if (cueHere) return { reason: `${quoted} with "${cueHere.phrase.join(' ')}"` };
  // A body or office served without a cue of its own: "conservator for churches", "media trainer for MPs".
  if (organisation && m.plural && servedBefore) return null;
  if (c.alone) {
    const at = phraseAt(words, Math.max(0, m.from - 2 * WINDOW), Math.min(words.length, m.to + 2 * WINDOW), entry.cues, m);
    if (at) return { reason: `${quoted} with "${at.phrase.join(' ')}"`, cueAt: at.index };
  }
  // An occupation that serves or studies the subject ("oncology nurse", "Punjabi teacher").
  const studies = (w: Word) => (entry.category === ORIGIN ? STUDIES.has(w.folded) || TEACHING.has(w.folded) : OCCUPATIONS.has(w.folded));
  if (subjectLike && others.some(studies)) return null;
  // 5. By kind.
  switch (entry.kind) {
    case 'self':
      return { reason: `${quoted} describes the person` };
    case 'office':
      return { reason: `${quoted}: a role held in ${ROLE[entry.category]}` };
    case 'body':
      return { reason: `${quoted}: belonging to it or working for it` };
  }
  if (entry.kind === 'ambiguous' && c.alone && !m.plural && ALONE_LABELS.has(entry.category)) return { reason: `${quoted} on its own in a headline, as a self-description` };
  if (!subjectLike) return null;
  // A cue about the person right by the term ("proud Muslim", "living with diabetes", "my ADHD").
  const person = phraseAt(words, m.from - Math.min(4, c.before.length), m.to + Math.min(4, c.after.length), PERSON_CUES, m);
  if (person) return { reason: `${quoted} with "${person.phrase.join(' ')}"` };
  const nouns = entry.kind === 'ambiguous' ? ORIGIN_PERSONS : PERSON_NOUNS;
  const noun = c.after.slice(0, 2).find((w) => nouns.has(w.folded));
  if (noun) return { reason: `${quoted} describing a ${noun.folded}` };
  if (!m.plural && c.to - c.from <= 4 && others.every((w) => FILLER.has(w.folded) || isTermWord(w))) return { reason: `${quoted} on its own in a headline, as a self-description` };
  return null;
}

const NONE: never[] = [];

/**
 * Hints of Art. 9/10 data: at most one per category and clause (a cell with two clauses about a faith gives two,
 * so that stripping can remove both).
 */
export function findSpecialCategoryHints(text: string): SpecialCategoryHint[] {
  if (!MAYBE.test(text) && ASCII.test(text) && !text.includes('#')) return NONE;
  const { words, clauses } = tokenise(text);
  let hints: SpecialCategoryHint[] | null = null;
  const seen = new Set<string>();
  let judged = 0;
  // Each clause's first and one-past-last word, found once (at the first term): a long cell costs linear time.
  let first: Int32Array | null = null;
  const end = new Int32Array(clauses.length);
  for (let i = 0; i < words.length; i++) {
    const m = matchAt(text, words, i);
    if (m === null) continue;
    if (first === null) {
      first = new Int32Array(clauses.length).fill(-1);
      for (let k = 0; k < words.length; k++) {
        const w = words[k]!;
        if (first[w.clause] === -1) first[w.clause] = k;
        end[w.clause] = k + 1;
      }
    }
    // No headline holds this many terms: a cell that does is read no further (what it holds is flagged already,
    // and stripping drops a cell whose remainder still hints).
    if (++judged > MAX_TERMS) break;
    const c = words[i]!.clause;
    const last = words[m.to - 1]!;
    const from = first[c]!;
    const to = Math.max(end[last.clause]!, m.to);
    const context: Context = {
      before: words.slice(Math.max(from, m.from - WINDOW), m.from),
      after: words.slice(m.to, Math.min(to, m.to + WINDOW)),
      alone: from === m.from && to === m.to,
      from,
      to,
    };
    const verdict = judge(text, words, context, m);
    const key = `${m.entry.category} ${clauses[c]!.start}`;
    if (verdict !== null && !seen.has(key)) {
      seen.add(key);
      // A match across a slash ("they/them") spans both clauses.
      const clause = last.clause === c ? clauses[c]! : { start: clauses[c]!.start, end: clauses[last.clause]!.end };
      const hint: SpecialCategoryHint = { category: m.entry.category, term: m.entry.term, reason: verdict.reason, start: words[i]!.start, end: last.end, clause };
      if (verdict.cueAt !== undefined && words[verdict.cueAt]!.clause !== c) hint.cueClause = clauses[words[verdict.cueAt]!.clause]!;
      (hints ??= []).push(hint);
    }
    i = m.to - 1;
  }
  return hints ?? NONE;
}
