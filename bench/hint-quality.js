// How well the detector finds Art. 9/10 hints, phone numbers and email addresses in job titles, headlines and
// company names, measured on a hand-labelled set (test/fixtures/special-category-labelled.jsonl; its labelling
// guide is in test/fixtures/README.md). The labels were written without reading the detector.
//   node bench/hint-quality.js [FILE] [--misses] [--json]
// Runs the BUILT detector (dist/: `npm run build` first). Prints a table per category (labelled positives,
// precision, recall) and for phones and emails; --misses also lists every misclassified item; --json prints one
// JSON line instead (bench/run.js reads it). test/classify/hint-quality.test.ts holds the floors.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The Art. 9 categories and Art. 10 (criminal offences), as the labels spell them. */
export const CATEGORIES = Object.freeze([
  'criminal-offences',
  'gender-identity',
  'genetic-data',
  'health',
  'political-opinions',
  'racial-or-ethnic-origin',
  'religious-or-philosophical-beliefs',
  'sex-life-or-sexual-orientation',
  'trade-union-membership',
]);

/** What an item is: a positive, one kind of hard negative, or a contact-detail case. */
export const KINDS = Object.freeze(['positive', 'occupational', 'proper-noun', 'body-staff', 'ordinary', 'phone', 'not-a-phone', 'email']);

export const DEFAULT_SET = join(import.meta.dirname, '..', 'test', 'fixtures', 'special-category-labelled.jsonl');

/**
 * @typedef {{ text: string, special: string[], phones: number, emails: number, kind: string, why: string }} LabelledItem
 * @typedef {{ special: string[], phones: number, emails: number }} Detection
 * @typedef {{ tp: number, fp: number, fn: number, precision: number, recall: number }} Counts
 * @typedef {Counts & { labelled: number }} CategoryScore
 * @typedef {{ text: string, kind: string, labelled: Detection, found: Detection }} Miss
 * @typedef {{
 *   items: number,
 *   special: { overall: CategoryScore, perCategory: Record<string, CategoryScore> },
 *   phones: CategoryScore,
 *   emails: CategoryScore,
 *   misses: Miss[],
 * }} Score
 */

/**
 * One JSON object a line; blank lines are skipped. Throws on a line that is not JSON, naming its number.
 * @param {string} file
 * @returns {LabelledItem[]}
 */
export function readLabelledSet(file) {
  /** @type {LabelledItem[]} */
  const items = [];
  for (const [i, line] of readFileSync(file, 'utf8').split('\n').entries()) {
    if (line.trim() === '') continue;
    try {
      items.push(JSON.parse(line));
    } catch (e) {
      throw new Error(`${file}:${i + 1}: not JSON (${/** @type {Error} */ (e).message})`);
    }
  }
  return items;
}

/** @param {number} tp @param {number} fp @param {number} fn @returns {Counts} */
function counts(tp, fp, fn) {
  // No claims made: no false ones (precision 1). Nothing to find: nothing missed (recall 1).
  return { tp, fp, fn, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn) };
}

/**
 * Scores a detector against the labels. Special categories: per item and category, a true positive when both the
 * label and the detector name the category, a false positive when only the detector does, a false negative when
 * only the label does; precision and recall per category and micro-averaged over all. Phones and emails: per item,
 * TP += min(found, labelled), FP += max(0, found − labelled), FN += max(0, labelled − found).
 * @param {readonly LabelledItem[]} items
 * @param {(text: string) => Detection} detect
 * @returns {Score}
 */
export function scoreLabelledSet(items, detect) {
  /** @type {Record<string, { labelled: number, tp: number, fp: number, fn: number }>} */
  const per = {};
  const tally = (/** @type {string} */ category) => (per[category] ??= { labelled: 0, tp: 0, fp: 0, fn: 0 });
  for (const category of CATEGORIES) tally(category);
  const phones = { labelled: 0, tp: 0, fp: 0, fn: 0 };
  const emails = { labelled: 0, tp: 0, fp: 0, fn: 0 };
  /** @type {Miss[]} */
  const misses = [];

  for (const item of items) {
    const found = detect(item.text);
    const want = new Set(item.special);
    const got = new Set(found.special);
    let wrong = false;
    for (const category of want) {
      const t = tally(category);
      t.labelled++;
      if (got.has(category)) t.tp++;
      else {
        t.fn++;
        wrong = true;
      }
    }
    for (const category of got) {
      if (want.has(category)) continue;
      tally(category).fp++;
      wrong = true;
    }
    for (const [t, labelled, seen] of /** @type {const} */ ([
      [phones, item.phones, found.phones],
      [emails, item.emails, found.emails],
    ])) {
      t.labelled += labelled;
      t.tp += Math.min(seen, labelled);
      t.fp += Math.max(0, seen - labelled);
      t.fn += Math.max(0, labelled - seen);
      if (seen !== labelled) wrong = true;
    }
    if (wrong) {
      misses.push({
        text: item.text,
        kind: item.kind,
        labelled: { special: [...want].sort(), phones: item.phones, emails: item.emails },
        found: { special: [...got].sort(), phones: found.phones, emails: found.emails },
      });
    }
  }

  /** @type {Record<string, CategoryScore>} */
  const perCategory = {};
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let labelled = 0;
  for (const [category, t] of Object.entries(per)) {
    perCategory[category] = { labelled: t.labelled, ...counts(t.tp, t.fp, t.fn) };
    tp += t.tp;
    fp += t.fp;
    fn += t.fn;
    labelled += t.labelled;
  }
  return {
    items: items.length,
    special: { overall: { labelled, ...counts(tp, fp, fn) }, perCategory },
    phones: { labelled: phones.labelled, ...counts(phones.tp, phones.fp, phones.fn) },
    emails: { labelled: emails.labelled, ...counts(emails.tp, emails.fp, emails.fn) },
    misses,
  };
}

/**
 * The rows of the summary table: one per category, all categories micro-averaged, phones, emails.
 * @param {Score} score
 */
export function scoreTable(score) {
  const row = (/** @type {string} */ name, /** @type {CategoryScore} */ s) => ({
    category: name,
    labelled: s.labelled,
    TP: s.tp,
    FP: s.fp,
    FN: s.fn,
    precision: Number(s.precision.toFixed(3)),
    recall: Number(s.recall.toFixed(3)),
  });
  return [
    ...Object.entries(score.special.perCategory).map(([category, s]) => row(category, s)),
    row('all special (micro)', score.special.overall),
    row('phone numbers', score.phones),
    row('email addresses', score.emails),
  ];
}

/** The built detector: dist/, loaded by URL so that type checking never follows it. */
async function builtDetector() {
  const dist = new URL('../dist/classify/', import.meta.url);
  const { findSpecialCategoryHints } = await import(new URL('special-category/detect.js', dist).href);
  const { scanText } = await import(new URL('text-scan.js', dist).href);
  return (/** @type {string} */ text) => {
    const scan = scanText(text, true, 'GB');
    /** @type {{ category: string }[]} */
    const hints = findSpecialCategoryHints(text);
    return { special: [...new Set(hints.map((h) => h.category))], phones: scan.phones.length, emails: scan.emails.length };
  };
}

async function main() {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--')) ?? DEFAULT_SET;
  const score = scoreLabelledSet(readLabelledSet(file), await builtDetector());
  if (args.includes('--json')) {
    const { misses, ...summary } = score;
    process.stdout.write(`${JSON.stringify({ ...summary, misclassified: misses.length, table: scoreTable(score) })}\n`);
    return;
  }
  console.log(`${score.items} labelled items (${file}); ${score.misses.length} misclassified`);
  console.table(scoreTable(score));
  if (args.includes('--misses')) {
    console.log('\nMisclassified (labelled → found):');
    for (const m of score.misses) console.log(`- [${m.kind}] ${JSON.stringify(m.text)}\n    ${describe(m.labelled)}  →  ${describe(m.found)}`);
  } else if (score.misses.length > 0) {
    console.log('(--misses lists them)');
  }
}

/** @param {Detection} d */
function describe(d) {
  return `[${d.special.join(', ')}] phones ${d.phones} emails ${d.emails}`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
