// Lists the core answers a page at a time (contract.ts: at most MAX_PAGE items an answer): every item of a short
// list read page by page, and the whole-number options that choose a page.
import { ServiceError } from '../shared/errors.js';
import { MAX_PAGE } from '../shared/vocabulary.js';

/** Every item of a list the core pages by offset (certificates, legal holds): a few hundred at most in practice. */
export async function everyItem<T>(page: (offset: number, limit: number) => Promise<{ total: number; items: T[] }>): Promise<T[]> {
  const all: T[] = [];
  for (;;) {
    const one = await page(all.length, MAX_PAGE);
    all.push(...one.items);
    if (one.items.length === 0 || all.length >= one.total) return all;
  }
}

export function wholeNumber(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new ServiceError('invalid', `"${text}" is not a whole number.`);
  return n;
}
