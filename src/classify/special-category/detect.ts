// Hints of special-category data (Art. 9) and criminal-offence data (Art. 10) in a cell of free text: the lexicon's
// terms (src/classify/special-category/lexicon/), each read in the context of its clause (context.ts). The rules,
// in order, for a term found in a clause:
// 1. part of a proper noun ("Church Street", "Catholic University", "Black Friday"): not a hint;
// 2. someone else is served ("supporting autistic adults", "mentor to ex-offenders", "deaf awareness"): not a hint;
// 3. an occupation that serves or studies the subject is in the clause ("oncology nurse", "church architect"):
//    not a hint, unless the term describes the person by itself ("ex-offender mentor") or is a faith, union or party
//    office;
// 4. otherwise by the term's kind (lexicon/types.ts): a self-description, an office or a body counts; a subject
//    counts with a cue about the person, a person noun right after it, or standing alone as a clause of a headline;
//    an ambiguous word counts only with one of its category's cues.
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

// A cheap test that a cell holds a word that starts some term (or a longer word that begins with one: a plural), so
// that the ordinary job titles of an export cost one regular-expression scan and no tokenising. Cells with letters
// outside ASCII are folded before their words are compared, so they always take the full path.
const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const MAYBE = new RegExp(`\\b(?:${[...BY_FIRST_WORD.keys()].sort((a, b) => b.length - a.length).map(escape).join('|')})`, 'i');
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

/** Whether a phrase of folded words occurs in words[from, to), outside [skipFrom, skipTo). */
function hasPhrase(words: Word[], from: number, to: number, phrase: string[], skipFrom: number, skipTo: number): boolean {
  for (let i = from; i + phrase.length <= to; i++) {
    if (i < skipTo && i + phrase.length > skipFrom) continue;
    let k = 0;
    while (k < phrase.length && wordMatches(words[i + k]!.folded, phrase[k]!) !== 0) k++;
    if (k === phrase.length) return true;
  }
  return false;
}

const firstPhrase = (words: Word[], from: number, to: number, phrases: readonly string[][], m: Match): string[] | undefined =>
  phrases.find((p) => hasPhrase(words, from, to, p, m.from, m.to));

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
const ORIGIN = 'racial-or-ethnic-origin';

/** A one-word term of the lexicon: "Gay Muslim" stacks two self-descriptions. */
const isTermWord = (w: Word): boolean => BY_FIRST_WORD.get(w.folded)?.some((e) => e.words.length === 1) === true;

/** The words of the clause other than the match's own. */
function around(words: Word[], clause: { from: number; to: number }, m: Match): Word[] {
  return words.slice(clause.from, clause.to).filter((_, k) => k + clause.from < m.from || k + clause.from >= m.to);
}

/** Why this match counts, or null when its clause shows it is not about the person. */
function judge(text: string, words: Word[], clause: { from: number; to: number }, m: Match): string | null {
  const { entry } = m;
  const quoted = `"${entry.term}"`;
  const next = m.to < clause.to ? words[m.to]!.folded : null;
  const before = words.slice(clause.from, m.from).map((w) => w.folded);
  const others = around(words, clause, m);
  const organisation = entry.kind === 'office' || entry.kind === 'body';
  // 1. A proper noun: the next word, after a space, names a street, an institution or a company; a body's possessive
  // ("Church's"); an ambiguous word as the first half of a compound ("Trans-Atlantic", "Green-field"), though
  // not a national origin ("Indian-American").
  const gap = m.to < words.length ? text.slice(words[m.to - 1]!.end, words[m.to]!.start) : '';
  if (next !== null && /^[\s-]$/.test(gap) && PROPER_NOUN_NEXT.has(next)) return null;
  if (organisation && next === 's' && /^['’]$/.test(gap)) return null;
  if (entry.kind === 'ambiguous' && entry.category !== ORIGIN && gap === '-') return null;
  // 2. Someone else is served: "for union reps", "supporting autistic adults", "deaf awareness", "coach for LGBTQ+
  // professionals", "mentor to ex-offenders".
  const servedBefore = before.some((w) => SERVING.has(w) || POPULATIONS.has(w));
  if (organisation) {
    if (m.plural && servedBefore) return null;
  } else {
    if (next !== null && (SUBJECT_FOLLOWERS.has(next) || POPULATIONS.has(next))) return null;
    const populationBefore = before.some((w) => POPULATIONS.has(w));
    if (servedBefore && (entry.kind !== 'self' || populationBefore || m.plural || (next !== null && next.endsWith('s')))) return null;
    if (m.plural && entry.kind === 'self' && others.some((w) => OCCUPATIONS.has(w.folded))) return null;
  }
  // 3. Reporting on, studying or designing for a union, a party or a faith body ("political correspondent covering
  // the Labour Party", "church architect"), whatever cue the clause also holds.
  const subjectLike = entry.kind === 'subject' || (entry.kind === 'ambiguous' && READ_AS_SUBJECT.has(entry.category));
  if (!subjectLike && entry.kind !== 'self' && entry.kind !== 'office' && others.some((w) => STUDIES.has(w.folded))) return null;
  // 4. One of the category's own cues: "Equity member", "Unite rep", "Labour councillor", "living with MS". A term
  // alone in its clause ("rep (Unite)") takes its cue from anywhere in the cell.
  const alone = others.length === 0;
  const cue = alone ? firstPhrase(words, 0, words.length, entry.cues, m) : firstPhrase(words, clause.from, clause.to, entry.cues, m);
  if (cue) return `${quoted} with "${cue.join(' ')}"`;
  // An occupation that serves or studies the subject ("oncology nurse", "Punjabi teacher").
  const studies = (w: Word) => (entry.category === ORIGIN ? STUDIES.has(w.folded) || TEACHING.has(w.folded) : OCCUPATIONS.has(w.folded));
  if (subjectLike && others.some(studies)) return null;
  // 5. By kind.
  switch (entry.kind) {
    case 'self':
      return `${quoted} describes the person`;
    case 'office':
      return `${quoted}: a role held in ${ROLE[entry.category]}`;
    case 'body':
      return `${quoted}: belonging to it or working for it`;
  }
  if (!subjectLike) return null;
  const person = firstPhrase(words, clause.from, clause.to, PERSON_CUES, m);
  if (person) return `${quoted} with "${person.join(' ')}"`;
  const noun = words.slice(m.to, Math.min(m.to + 2, clause.to)).find((w) => PERSON_NOUNS.has(w.folded));
  if (noun) return `${quoted} describing a ${noun.folded}`;
  if (!m.plural && others.every((w) => FILLER.has(w.folded) || isTermWord(w))) return `${quoted} on its own in a headline, as a self-description`;
  return null;
}

const NONE: never[] = [];

/**
 * Hints of Art. 9/10 data: at most one per category and clause (a cell with two clauses about a faith gives two,
 * so that stripping can remove both).
 */
export function findSpecialCategoryHints(text: string): SpecialCategoryHint[] {
  if (!MAYBE.test(text) && ASCII.test(text)) return NONE;
  const { words, clauses } = tokenise(text);
  let hints: SpecialCategoryHint[] | null = null;
  let clauseFrom = 0;
  for (let i = 0; i < words.length; i++) {
    if (i === 0 || words[i]!.clause !== words[i - 1]!.clause) clauseFrom = i;
    const m = matchAt(text, words, i);
    if (m === null) continue;
    const c = words[i]!.clause;
    let clauseTo = i;
    while (clauseTo < words.length && words[clauseTo]!.clause === c) clauseTo++;
    const reason = judge(text, words, { from: clauseFrom, to: Math.max(clauseTo, m.to) }, m);
    if (reason !== null && !hints?.some((h) => h.category === m.entry.category && h.clause === clauses[c])) {
      const last = words[m.to - 1]!;
      // A match across a slash ("they/them") spans both clauses.
      const clause = last.clause === c ? clauses[c]! : { start: clauses[c]!.start, end: clauses[last.clause]!.end };
      (hints ??= []).push({ category: m.entry.category, term: m.entry.term, reason, start: words[i]!.start, end: last.end, clause });
    }
    i = m.to - 1;
  }
  return hints ?? NONE;
}
