// The promise of "strip special-category hints", attacked with generated headlines: clauses that carry a hint and
// neutral ones, joined by every kind of separator with random spacing. Whatever the mix, what is stored carries no
// hint and no word of a hint's clause, keeps every neutral clause (unless the whole cell had to go), and records the
// categories removed.
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readLabelledSet } from '../../bench/hint-quality.js';
import type { SpecialCategory } from '../../src/classify/special-category/categories.js';
import { findSpecialCategoryHints } from '../../src/classify/special-category/detect.js';
import { minimised } from '../support/minimised.js';

/** Clear hints, each one clause (no separator inside), across the categories. */
const HINTS: [string, SpecialCategory][] = [
  ['Shop steward', 'trade-union-membership'],
  ['UNISON rep', 'trade-union-membership'],
  ['Trade union representative', 'trade-union-membership'],
  ['Usdaw shop steward', 'trade-union-membership'],
  ['NASUWT union rep', 'trade-union-membership'],
  ['Pastor at First Baptist Church', 'religious-or-philosophical-beliefs'],
  ['Parish priest', 'religious-or-philosophical-beliefs'],
  ['Imam', 'religious-or-philosophical-beliefs'],
  ['Hospital chaplain', 'religious-or-philosophical-beliefs'],
  ['Rabbi', 'religious-or-philosophical-beliefs'],
  ['Labour Party councillor', 'political-opinions'],
  ['Conservative Party candidate', 'political-opinions'],
  ['Green Party activist', 'political-opinions'],
  ['SNP councillor', 'political-opinions'],
  ['Living with multiple sclerosis', 'health'],
  ['Diagnosed with diabetes', 'health'],
  ['Cancer survivor', 'health'],
  ['Wheelchair user', 'health'],
  ['Living with ADHD', 'health'],
  ['LGBTQ+ network chair', 'sex-life-or-sexual-orientation'],
  ['Proud gay dad', 'sex-life-or-sexual-orientation'],
  ['Lesbian', 'sex-life-or-sexual-orientation'],
  ['Bisexual and proud', 'sex-life-or-sexual-orientation'],
  ['Transgender woman', 'gender-identity'],
  ['Trans man', 'gender-identity'],
  ['Non-binary', 'gender-identity'],
  ['BAME network chair', 'racial-or-ethnic-origin'],
  ['Black British', 'racial-or-ethnic-origin'],
  ['BRCA carrier', 'genetic-data'],
  ['Ex-offender', 'criminal-offences'],
  ['Former offender', 'criminal-offences'],
  ['Served time', 'criminal-offences'],
  ['Ex-prisoner', 'criminal-offences'],
];

/** Job titles, places and companies sharing no word with the hints. */
const NEUTRAL = ['Senior Data Engineer', 'Leeds', 'Acme Ltd', 'Product Manager', 'Bristol', 'Globex Corporation', 'Finance Director',
  'Software Architect', 'Manchester', 'Keen cyclist', 'Open to opportunities', 'Cloud platforms', 'Remote'];

/** Every kind of clause separator of src/classify/special-category/clauses.ts. */
const SEPARATORS = ['|', '·', '•', ' - ', ' – ', ' — ', '–', '—', ',', ';', '/', '\n'];

const words = (text: string): string[] => [...text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)].map((m) => m[0]);
const HINT_WORDS = new Set(HINTS.flatMap(([clause]) => words(clause)));

interface Clause {
  text: string;
  hint: SpecialCategory | null;
}

const space = fc.constantFrom('', ' ', '  ');
const hintClause: fc.Arbitrary<Clause> = fc
  .tuple(fc.constantFrom(...HINTS), fc.constantFrom((s: string) => s, (s: string) => s.toUpperCase(), (s: string) => s.toLowerCase()))
  .map(([[text, category], cased]) => ({ text: cased(text), hint: category }));
const neutralClause: fc.Arbitrary<Clause> = fc.constantFrom(...NEUTRAL).map((text) => ({ text, hint: null }));
/** Before a clause: a separator with spacing around it, or an opening bracket (closed after the clause). */
const joint = fc.record({ separator: fc.constantFrom(...SEPARATORS), before: space, after: space, bracket: fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, { arbitrary: fc.constantFrom('()', '[]', '{}'), weight: 1 }) });

const headline = fc
  .tuple(fc.array(hintClause, { minLength: 1, maxLength: 3 }), fc.array(neutralClause, { maxLength: 3 }))
  .chain(([hints, neutral]) => fc.tuple(fc.shuffledSubarray([...hints, ...neutral], { minLength: hints.length + neutral.length }), fc.array(joint, { minLength: 6, maxLength: 6 }), space, space))
  .map(([clauses, joints, lead, tail]) => {
    const text = clauses
      .map((c, i) => {
        const j = joints[i]!;
        const body = j.bracket ? `${j.bracket[0]}${c.text}${j.bracket[1]}` : c.text;
        return i === 0 ? body : `${j.before}${j.separator}${j.after}${body}`;
      })
      .join('');
    return { text: `${lead}${text}${tail}`, clauses };
  });

describe('stripping special-category hints, as a property', () => {
  it('the generator is sound: each hint clause is a hint on its own, and no neutral clause is, nor shares a word with one', () => {
    expect(HINTS.length).toBeGreaterThanOrEqual(30);
    for (const [text, category] of HINTS) expect(findSpecialCategoryHints(text).map((h) => h.category), text).toContain(category);
    for (const text of NEUTRAL) {
      expect(findSpecialCategoryHints(text), text).toEqual([]);
      expect(words(text).filter((w) => HINT_WORDS.has(w)), text).toEqual([]);
    }
  });

  it('leaves no hint and no word of a hint clause, keeps the neutral clauses, and records the categories', () => {
    fc.assert(
      fc.property(headline, ({ text, clauses }) => {
        // The detector must see each hint clause as one, as a clause of this headline.
        const found = findSpecialCategoryHints(text).map((h) => text.slice(h.clause.start, h.clause.end));
        fc.pre(clauses.every((c) => c.hint === null || found.includes(c.text)));

        const { stored } = minimised({ position: text });
        expect(findSpecialCategoryHints(stored.position)).toEqual([]);
        const removed = new Set(clauses.flatMap((c) => (c.hint ? words(c.text) : [])));
        expect(words(stored.position).filter((w) => removed.has(w))).toEqual([]);
        if (stored.position !== '') for (const c of clauses) if (c.hint === null) expect(stored.position).toContain(c.text);
        for (const c of clauses) if (c.hint) expect(stored.strippedCategories).toContain(c.hint);
        expect(stored.specialCategories).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('holds for every flagged headline of the labelled sets, alone and among neutral clauses', () => {
    const fixtures = join(import.meta.dirname, '..', 'fixtures');
    const texts = ['special-category-labelled.jsonl', 'special-category-heldout.jsonl']
      .flatMap((f) => readLabelledSet(join(fixtures, f)))
      .map((item) => item.text.replace(/\d/g, '').trim())
      .filter((text) => findSpecialCategoryHints(text).length > 0);
    expect(texts.length).toBeGreaterThan(300);
    const check = (text: string) => {
      const hints = findSpecialCategoryHints(text);
      const { stored } = minimised({ position: text });
      expect(findSpecialCategoryHints(stored.position), text).toEqual([]);
      // No word of a removed clause remains, unless the same word also stands in a clause that was kept.
      const removed = new Set(hints.flatMap((h) => words(text.slice(h.clause.start, h.clause.end))));
      const keptClauses = text.split(/[|·•,;/()[\]{}\n]| [-–—] /).filter((c) => !hints.some((h) => text.slice(h.clause.start, h.clause.end) === c.trim()));
      const kept = new Set(keptClauses.flatMap(words));
      expect(words(stored.position).filter((w) => removed.has(w) && !kept.has(w)), text).toEqual([]);
      for (const h of hints) expect(stored.strippedCategories, text).toContain(h.category);
    };
    for (const text of texts) check(text);
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.constantFrom(...NEUTRAL), fc.constantFrom(...SEPARATORS), (text, neutral, separator) => check(`${neutral} ${separator} ${text}`)),
      { numRuns: 300 },
    );
  });
});
