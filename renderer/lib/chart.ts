// Scales for the SVG bar charts: a rounded maximum and its gridline ticks. Pure.

/** The smallest of 1, 2, 5 × 10^k that is at least `value` (and at least 1). */
export function niceCeil(value: number): number {
  if (!(value > 1)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

/** Gridline values from 0 to niceCeil(max), `parts` equal steps, whole numbers only. */
export function ticks(max: number, parts = 4): number[] {
  const top = niceCeil(max);
  const step = Math.max(1, Math.ceil(top / parts));
  const out: number[] = [];
  for (let v = 0; v <= top; v += step) out.push(v);
  if (out[out.length - 1] !== top) out.push(top);
  return out;
}

/** Length of a bar of `value` on a scale of `max`, in `extent` units; a non-zero value gets at least 1 unit. */
export function barLength(value: number, max: number, extent: number): number {
  if (value <= 0 || max <= 0) return 0;
  return Math.max(1, (value / max) * extent);
}
