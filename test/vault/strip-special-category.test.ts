// Stripping a special-category hint leaves nothing revealing: the whole clause goes, a remainder that still hints is
// dropped, and the categories removed are recorded (StoredContact.strippedCategories). Phone and email stripping
// cut only their fragment, as before.
import { describe, expect, it } from 'vitest';
import { tokenise } from '../../src/classify/special-category/clauses.js';
import { findSpecialCategoryHints, type SpecialCategoryHint } from '../../src/classify/special-category/detect.js';
import { cutSpans } from '../../src/vault/cut-spans.js';
import { stripSpecialCategory } from '../../src/vault/strip-special-category.js';
import { minimised } from '../support/minimised.js';

const position = (text: string, choices?: Record<string, unknown>) => minimised({ position: text }, choices).stored.position;

const HEALTH = 'Living with multiple sclerosis';

describe('stripping special-category hints (strip: special-category)', () => {
  it('the issue: no part of the hint is left, and the contact says what was stripped', () => {
    const ms = minimised({ position: 'Living with MS | accessibility advocate' }).stored;
    if (findSpecialCategoryHints('Living with MS').length > 0) {
      expect(ms).toMatchObject({ position: 'accessibility advocate', specialCategories: [], strippedCategories: ['health'] });
    } else {
      expect(ms.position).toBe('Living with MS | accessibility advocate');
    }
    expect(minimised({ position: `${HEALTH} | accessibility advocate` }).stored).toMatchObject({ position: 'accessibility advocate', specialCategories: [], strippedCategories: ['health'] });
    expect(minimised({ position: 'Pastor at First Baptist Church' }).stored).toMatchObject({ position: '', strippedCategories: ['religious-or-philosophical-beliefs'] });
  });

  it.each([
    [' | ', 'Senior Data Engineer | Leeds'],
    ['|', 'Senior Data Engineer|Leeds'],
    [' · ', 'Senior Data Engineer · Leeds'],
    [' • ', 'Senior Data Engineer • Leeds'],
    [' - ', 'Senior Data Engineer - Leeds'],
    [' – ', 'Senior Data Engineer – Leeds'],
    [' — ', 'Senior Data Engineer — Leeds'],
    ['–', 'Senior Data Engineer–Leeds'],
    [', ', 'Senior Data Engineer, Leeds'],
    ['; ', 'Senior Data Engineer; Leeds'],
    [' / ', 'Senior Data Engineer / Leeds'],
    ['/', 'Senior Data Engineer/Leeds'],
    ['\n', 'Senior Data Engineer\nLeeds'],
  ])('cuts the clause between separators %j and leaves one separator', (sep, kept) => {
    expect(position(['Senior Data Engineer', HEALTH, 'Leeds'].join(sep))).toBe(kept);
    expect(position([HEALTH, 'Senior Data Engineer', 'Leeds'].join(sep))).toBe(kept);
    expect(position(['Senior Data Engineer', 'Leeds', HEALTH].join(sep))).toBe(kept);
  });

  it('cuts a clause in brackets, and the brackets when nothing is left in them', () => {
    expect(position(`Senior Data Engineer (${HEALTH})`)).toBe('Senior Data Engineer');
    expect(position(`Senior Data Engineer (${HEALTH}) at Acme Ltd`)).toBe('Senior Data Engineer at Acme Ltd');
    expect(position(`Senior Data Engineer [Leeds, ${HEALTH}]`)).toBe('Senior Data Engineer [Leeds]');
    expect(position(`Senior Data Engineer {${HEALTH}; Leeds}`)).toBe('Senior Data Engineer {Leeds}');
    expect(position(`Senior Data Engineer (${HEALTH}`)).toBe('Senior Data Engineer');
  });

  it('drops the whole cell when what remains still carries a hint', () => {
    // A detector that, like the first one, gives one hint per category in a cell: the second clause of the same
    // category is found only once the first is cut.
    const firstOnly = (text: string): SpecialCategoryHint[] => {
      const clause = tokenise(text).clauses.find((c) => /\bunion\b/i.test(text.slice(c.start, c.end)));
      return clause ? [{ category: 'trade-union-membership', term: 'union', reason: 'a test', start: clause.start, end: clause.end, clause }] : [];
    };
    expect(stripSpecialCategory('Union rep | Union member | Leeds', [], firstOnly)).toEqual({ value: '', categories: ['trade-union-membership'], hints: 2 });
    expect(stripSpecialCategory('Union rep | Leeds', [], firstOnly)).toEqual({ value: 'Leeds', categories: ['trade-union-membership'], hints: 1 });
  });

  it('cuts every clause of a cell that carries a hint', () => {
    const steward = minimised({ position: 'Shop steward, UNISON | Senior Data Engineer' }).stored;
    expect(steward.position).not.toMatch(/steward|UNISON/i);
    expect(steward.strippedCategories).toEqual(['trade-union-membership']);
    const two = minimised({ position: `${HEALTH} | Wheelchair user | Leeds` }).stored;
    expect(two).toMatchObject({ specialCategories: [], strippedCategories: ['health'] });
    expect(['Leeds', '']).toContain(two.position); // '' when the detector finds the second clause only once the first is cut
  });

  it('strips company and the kept extra columns too, and records every category once, sorted', () => {
    const { stored, fragmentsStripped } = minimised({ company: 'UNISON', position: 'LGBTQ+ network chair | Product Manager', notes: 'Ex-offender | Keen cyclist' });
    expect(stored).toMatchObject({
      company: '',
      position: 'Product Manager',
      extra: { Notes: 'Keen cyclist' },
      specialCategories: [],
      strippedCategories: ['criminal-offences', 'sex-life-or-sexual-orientation', 'trade-union-membership'],
    });
    expect(fragmentsStripped).toBe(3);
    // An extra column left with nothing is not kept.
    expect(minimised({ notes: 'Ex-offender' }).stored).toMatchObject({ extra: {}, strippedCategories: ['criminal-offences'] });
  });

  it('records nothing stripped when the hints are kept, or when their column is dropped', () => {
    const kept = minimised({ position: 'Pastor at First Baptist Church' }, { strip: [] }).stored;
    expect(kept).toMatchObject({ position: 'Pastor at First Baptist Church', specialCategories: ['religious-or-philosophical-beliefs'], strippedCategories: [] });
    const dropped = minimised({ position: 'Pastor at First Baptist Church' }, { strip: ['special-category'], dropColumns: ['Position'] }).stored;
    expect(dropped).toMatchObject({ position: '', specialCategories: [], strippedCategories: [] });
    expect(minimised({ position: 'Senior Data Engineer | Leeds' }).stored).toMatchObject({ position: 'Senior Data Engineer | Leeds', strippedCategories: [] });
  });

  it('stripSpecialCategory alone: the categories and the count of hints removed', () => {
    expect(stripSpecialCategory(`Senior Data Engineer | ${HEALTH} | LGBTQ+ network chair`)).toEqual({
      value: 'Senior Data Engineer',
      categories: ['health', 'sex-life-or-sexual-orientation'],
      hints: 2,
    });
    expect(stripSpecialCategory('Senior Data Engineer')).toEqual({ value: 'Senior Data Engineer', categories: [], hints: 0 });
  });
});

describe('phone and email stripping (unchanged: only the fragment goes)', () => {
  const both = { strip: ['phone-number', 'email-address'] };

  it('cuts the number or the address and tidies what it leaves', () => {
    expect(position('Researcher | WhatsApp +44 7700 900123', both)).toBe('Researcher | WhatsApp');
    expect(position('Fellow (contact: linus.t@outlook.com)', both)).toBe('Fellow');
    expect(minimised({ position: 'Researcher | WhatsApp +44 7700 900123' }, both)).toMatchObject({ fragmentsStripped: 1, stored: { strippedCategories: [] } });
  });

  it('cuts them out of the kept extra columns too', () => {
    expect(minimised({ notes: 'Met at the expo, mobile 07700 900123' }, both).stored.extra).toEqual({ Notes: 'Met at the expo, mobile' });
  });

  it('leaves special-category hints alone unless asked, and combines with them when asked', () => {
    expect(position('Pastor at First Baptist Church | call +44 7700 900123', both)).toBe('Pastor at First Baptist Church | call');
    const all = minimised({ position: 'Pastor at First Baptist Church | call +44 7700 900123 | Leeds' }, { strip: ['phone-number', 'special-category'] });
    expect(all).toMatchObject({ fragmentsStripped: 2, stored: { position: 'call | Leeds', strippedCategories: ['religious-or-philosophical-beliefs'] } });
  });
});

describe('cutSpans', () => {
  it('cuts overlapping spans once', () => {
    expect(cutSpans('abc | def | ghi', [{ start: 6, end: 9 }, { start: 7, end: 11 }])).toBe('abc | ghi');
  });

  it('keeps what nothing cut from: words with hyphens, separators between kept clauses', () => {
    expect(cutSpans('Berners-Lee - W3C, Boston', [])).toBe('Berners-Lee - W3C, Boston');
    expect(cutSpans('Founder, "Software Engineering" pioneer', [])).toBe('Founder, "Software Engineering" pioneer');
    const cut = (text: string, fragment: string) => cutSpans(text, [{ start: text.indexOf(fragment), end: text.indexOf(fragment) + fragment.length }]);
    expect(cut('https://acme.example/jobs || C++ ( beta ) | Living with MS', 'Living with MS')).toBe('https://acme.example/jobs || C++ ( beta )');
    expect(cut('Ex-offender, A,,B', 'Ex-offender')).toBe('A,,B');
  });

  it('tidies where it cut: separators and spaces made one, empty brackets and lone labels removed', () => {
    const cut = (text: string, fragment: string) => cutSpans(text, [{ start: text.indexOf(fragment), end: text.indexOf(fragment) + fragment.length }]);
    expect(cut('A|X|B', 'X')).toBe('A|B');
    expect(cut('A ,  X ;  B', 'X')).toBe('A , B');
    expect(cut('A | (X) | B', 'X')).toBe('A | B');
    expect(cut('A (X, B)', 'X')).toBe('A (B)');
    expect(cut('A [B; X]', 'X')).toBe('A [B]');
    expect(cut('A (tel: X) B', 'X')).toBe('A B');
    expect(cut('A\nX\nB', 'X')).toBe('A\nB');
  });
});
