// A contact's special-category hints in words, the same in every view (desktop, CLI, subject access): the categories
// hinted at in what was kept, then those stripped at import, so a stripped hint never reads as "none".
import type { StoredContact } from './domain.js';

const words = (category: string): string => category.replace(/-/g, ' ');

/** "none", "health", "stripped (health)", "political opinions; stripped (health)". */
export function specialCategoryHintsText(c: Pick<StoredContact, 'specialCategories' | 'strippedCategories'>, word: (category: string) => string = words): string {
  const kept = c.specialCategories.map(word).join(', ');
  const stripped = c.strippedCategories.length > 0 ? `stripped (${c.strippedCategories.map(word).join(', ')})` : '';
  return [kept, stripped].filter((s) => s !== '').join('; ') || 'none';
}
