// Shared by the benchmark processes: the bare papaparse baseline and a timer.
import { createReadStream } from 'node:fs';
import Papa from 'papaparse';

/** The baseline: papaparse streaming the file, one step callback per row, nothing else. @param {string} path */
export function bareParse(path) {
  return new Promise((resolve, reject) => {
    let rows = 0;
    Papa.parse(createReadStream(path, { encoding: 'utf8', highWaterMark: 256 * 1024 }), {
      step: () => {
        rows++;
      },
      complete: () => resolve(rows),
      error: reject,
    });
  });
}

/** @template T @param {() => Promise<T>} fn @returns {Promise<{ ms: number, value: T }>} */
export async function time(fn) {
  const start = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

/** @param {number[]} xs */
export const median = (xs) => /** @type {number} */ ([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]);
