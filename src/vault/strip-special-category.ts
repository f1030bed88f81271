// Stripping special-category hints (Art. 9, Art. 10) out of a cell before it is stored (Art. 5(1)(c)): the whole clause
// that carries a hint goes, not only its term ("Living with MS" leaves no "MS"), and a cell whose remainder still
// carries a hint is not kept at all. What was removed is remembered by category only (StoredContact.strippedCategories).
import type { SpecialCategory } from '../classify/special-category/categories.js';
import { findSpecialCategoryHints, type SpecialCategoryHint } from '../classify/special-category/detect.js';
import { cutSpans, type Span } from './cut-spans.js';

export interface StrippedCell {
  /** What is kept: '' when the remainder still hinted at something. */
  value: string;
  /** The categories removed, sorted, each once. */
  categories: SpecialCategory[];
  /** Hints removed (each a flagged fragment for the import's count). */
  hints: number;
}

/**
 * Cut every clause that carries a hint, with the other flagged fragments (`fragments`), out of a cell. `detect` is the
 * detector (another only in tests).
 */
export function stripSpecialCategory(text: string, fragments: readonly Span[] = [], detect: (text: string) => SpecialCategoryHint[] = findSpecialCategoryHints): StrippedCell {
  const hints = detect(text);
  const value = cutSpans(text, [...fragments, ...hints.flatMap((h) => (h.cueClause ? [h.clause, h.cueClause] : [h.clause]))]);
  const left = value === '' ? [] : detect(value);
  const categories = [...new Set([...hints, ...left].map((h) => h.category))].sort();
  return { value: left.length > 0 ? '' : value, categories, hints: hints.length + left.length };
}
