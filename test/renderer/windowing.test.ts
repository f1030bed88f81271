// The windowed table's arithmetic: which rows are rendered for a scroll position, how far to scroll to reveal a
// row, and where the navigation keys move.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyTarget, pageSize, revealScrollTop, visibleRange } from '../../renderer/lib/windowing.js';

describe('visibleRange', () => {
  it('renders the first screenful plus overscan at the top', () => {
    expect(visibleRange({ count: 30_000, rowHeight: 36, scrollTop: 0, viewportHeight: 360, overscan: 5 })).toEqual({
      start: 0,
      end: 16,
      padTop: 0,
      padBottom: (30_000 - 16) * 36,
    });
  });

  it('renders only a window in the middle of 30,000 rows', () => {
    const r = visibleRange({ count: 30_000, rowHeight: 36, scrollTop: 36 * 15_000 + 10, viewportHeight: 540, overscan: 8 });
    expect(r.start).toBe(15_000 - 8);
    expect(r.end).toBe(15_000 + 16 + 8);
    expect(r.end - r.start).toBeLessThan(40);
  });

  it('clamps at the end and for an empty list', () => {
    const r = visibleRange({ count: 100, rowHeight: 30, scrollTop: 99_999, viewportHeight: 300, overscan: 4 });
    expect(r.end).toBe(100);
    expect(r.padBottom).toBe(0);
    expect(r.start).toBeLessThanOrEqual(r.end);
    expect(visibleRange({ count: 0, rowHeight: 30, scrollTop: 0, viewportHeight: 300, overscan: 4 })).toEqual({ start: 0, end: 0, padTop: 0, padBottom: 0 });
  });

  it('always covers the viewport, and spacers plus rows add up to the full height', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50_000 }),
        fc.integer({ min: 10, max: 80 }),
        fc.integer({ min: 0, max: 3_000_000 }),
        fc.integer({ min: 0, max: 2_000 }),
        fc.integer({ min: 0, max: 20 }),
        (count, rowHeight, scroll, viewportHeight, overscan) => {
          const maxScroll = Math.max(0, count * rowHeight - viewportHeight);
          const scrollTop = Math.min(scroll, maxScroll);
          const r = visibleRange({ count, rowHeight, scrollTop, viewportHeight, overscan });
          expect(0 <= r.start && r.start <= r.end && r.end <= count).toBe(true);
          expect(r.padTop + (r.end - r.start) * rowHeight + r.padBottom).toBe(count * rowHeight);
          if (count > 0) {
            // The rendered band reaches from above the viewport's top to below its bottom (or the list's end).
            expect(r.padTop).toBeLessThanOrEqual(scrollTop);
            expect(r.padTop + (r.end - r.start) * rowHeight).toBeGreaterThanOrEqual(Math.min(count * rowHeight, scrollTop + viewportHeight));
          }
        },
      ),
    );
  });
});

describe('revealScrollTop', () => {
  const base = { rowHeight: 36, headerHeight: 36, viewportHeight: 396 };
  it('leaves a visible row where it is', () => {
    expect(revealScrollTop({ ...base, index: 3, scrollTop: 0 })).toBe(0);
  });
  it('scrolls up so that a row above sits just under the sticky header', () => {
    expect(revealScrollTop({ ...base, index: 10, scrollTop: 36 * 20 })).toBe(360);
  });
  it('scrolls down just enough to show a row below', () => {
    // Row 20 spans 36 + 720 … 36 + 756 in content coordinates; the viewport is 396 high.
    expect(revealScrollTop({ ...base, index: 20, scrollTop: 0 })).toBe(36 + 756 - 396);
  });
});

describe('keyboard', () => {
  it('moves by one, by a page, and to either end, within bounds', () => {
    expect(keyTarget('ArrowDown', 0, 10, 5)).toBe(1);
    expect(keyTarget('ArrowDown', 9, 10, 5)).toBe(9);
    expect(keyTarget('ArrowUp', 0, 10, 5)).toBe(0);
    expect(keyTarget('PageDown', 7, 10, 5)).toBe(9);
    expect(keyTarget('PageUp', 7, 10, 5)).toBe(2);
    expect(keyTarget('Home', 7, 10, 5)).toBe(0);
    expect(keyTarget('End', 0, 10, 5)).toBe(9);
  });
  it('ignores other keys and empty lists', () => {
    expect(keyTarget('a', 3, 10, 5)).toBeNull();
    expect(keyTarget('ArrowDown', 0, 0, 5)).toBeNull();
  });
  it('counts a page as the whole rows under the header', () => {
    expect(pageSize(396, 36, 36)).toBe(10);
    expect(pageSize(20, 36, 36)).toBe(1);
  });
});
