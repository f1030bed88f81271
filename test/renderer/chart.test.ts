// The bar charts' scales (renderer/lib/chart.ts): steps of 1, 2 or 5 × 10^k, ticks at whole steps from 0 to the
// first step at or above the largest value, labels with thousands separated; never a tick such as 37,500.
import { describe, expect, it } from 'vitest';
import { barLength, niceCeil, scale, tickLabel, ticks } from '../../renderer/lib/chart.js';

const NICE = /^[125]0*$/;

describe('chart scales', () => {
  it('rounds a value up to 1, 2 or 5 times a power of ten', () => {
    expect([0, 1, 3, 7, 12, 180, 30_000].map(niceCeil)).toEqual([1, 1, 5, 10, 20, 200, 50_000]);
  });

  it('ticks at round steps: 37,500 gives 0, 10,000 … 40,000', () => {
    expect(ticks(37_500)).toEqual([0, 10_000, 20_000, 30_000, 40_000]);
    expect(ticks(150_000)).toEqual([0, 50_000, 100_000, 150_000]);
    expect(ticks(100)).toEqual([0, 50, 100]);
    expect(ticks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(ticks(3)).toEqual([0, 1, 2, 3]);
    expect(ticks(1)).toEqual([0, 1]);
    expect(scale(0)).toEqual({ top: 1, step: 1, ticks: [0, 1] });
  });

  it('keeps every step round, the top at or above the largest value, and at most five gridlines', () => {
    for (let max = 0; max <= 2_000_000; max = max < 50 ? max + 1 : Math.ceil(max * 1.37)) {
      const s = scale(max);
      expect(String(s.step), `step for ${max}`).toMatch(NICE);
      expect(s.top, `top for ${max}`).toBeGreaterThanOrEqual(max);
      expect(s.top - s.step, `top for ${max}`).toBeLessThan(Math.max(max, 1));
      expect(s.ticks.length, `ticks for ${max}`).toBeLessThanOrEqual(5);
      expect(s.ticks.every((t) => t % s.step === 0)).toBe(true);
      expect(s.ticks.at(-1)).toBe(s.top);
    }
  });

  it('labels ticks with thousands separated', () => {
    expect(ticks(37_500).map(tickLabel)).toEqual(['0', '10,000', '20,000', '30,000', '40,000']);
    expect(tickLabel(1_250_000)).toBe('1,250,000');
  });

  it('gives a non-zero value a visible bar', () => {
    expect(barLength(0, 10, 100)).toBe(0);
    expect(barLength(1, 10_000, 100)).toBe(1);
    expect(barLength(5, 10, 100)).toBe(50);
  });
});
