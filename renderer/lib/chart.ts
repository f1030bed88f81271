// Scales for the SVG bar charts: a step of 1, 2 or 5 times a power of ten, and gridline ticks at whole steps from 0
// to the first multiple of it at or above the largest value, so an axis reads 0, 10,000, 20,000… and never 37,500.
// Pure.

/** The smallest of 1, 2, 5 × 10^k that is at least `value` (and at least 1). */
export function niceCeil(value: number): number {
  if (!(value > 1)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

export interface Scale {
  /** The top of the axis: a whole number of steps, at least the largest value (1 when every value is 0). */
  top: number;
  step: number;
  /** 0, step, 2 × step … top. */
  ticks: number[];
}

/** A scale for values up to `max` with at most `parts` steps (4 by default), each a whole 1, 2 or 5 × 10^k. */
export function scale(max: number, parts = 4): Scale {
  const step = niceCeil(Math.max(0, max) / parts);
  const top = Math.max(step, Math.ceil(Math.max(0, max) / step) * step);
  const ticks: number[] = [];
  for (let v = 0; v <= top; v += step) ticks.push(v);
  return { top, step, ticks };
}

/** Gridline values of scale(max, parts). */
export function ticks(max: number, parts = 4): number[] {
  return scale(max, parts).ticks;
}

/** A tick or bar value as read: whole numbers with thousands separated (10,000). */
export function tickLabel(value: number): string {
  return value.toLocaleString('en-GB');
}

/** Length of a bar of `value` on a scale of `max`, in `extent` units; a non-zero value gets at least 1 unit. */
export function barLength(value: number, max: number, extent: number): number {
  if (value <= 0 || max <= 0) return 0;
  return Math.max(1, (value / max) * extent);
}
