// The arithmetic of a windowed (virtualised) list with fixed-height rows: which rows to render for a scroll
// position, how far to scroll to reveal a row, and where a navigation key moves. Pure, so it is unit-tested.

export interface WindowInput {
  count: number;
  rowHeight: number;
  scrollTop: number;
  /** Height of the scrolling viewport, header included. */
  viewportHeight: number;
  /** Rows rendered beyond each edge, so that fast scrolling shows no blank band. */
  overscan: number;
}

export interface WindowRange {
  /** First row rendered. */
  start: number;
  /** One past the last row rendered. */
  end: number;
  /** Height of the spacers that stand for the rows not rendered. */
  padTop: number;
  padBottom: number;
}

const clamp = (n: number, low: number, high: number): number => Math.min(Math.max(n, low), high);

export function visibleRange({ count, rowHeight, scrollTop, viewportHeight, overscan }: WindowInput): WindowRange {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0, padTop: 0, padBottom: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const visible = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  const start = clamp(first - overscan, 0, count);
  const end = clamp(first + visible + overscan, start, count);
  return { start, end, padTop: start * rowHeight, padBottom: (count - end) * rowHeight };
}

export interface RevealInput {
  index: number;
  rowHeight: number;
  /** A sticky header covers this much of the top of the viewport. */
  headerHeight: number;
  scrollTop: number;
  viewportHeight: number;
}

/** The scrollTop that brings row `index` fully into view, moving as little as possible. */
export function revealScrollTop({ index, rowHeight, headerHeight, scrollTop, viewportHeight }: RevealInput): number {
  const rowTop = headerHeight + index * rowHeight;
  const rowBottom = rowTop + rowHeight;
  if (rowTop < scrollTop + headerHeight) return Math.max(0, rowTop - headerHeight);
  if (rowBottom > scrollTop + viewportHeight) return Math.max(0, rowBottom - viewportHeight);
  return scrollTop;
}

/** How many whole rows fit below the header: the step of Page Up and Page Down. */
export function pageSize(viewportHeight: number, headerHeight: number, rowHeight: number): number {
  return Math.max(1, Math.floor((viewportHeight - headerHeight) / rowHeight));
}

/** The row a key moves to from `current`, or null when the key is not a navigation key (or there are no rows). */
export function keyTarget(key: string, current: number, count: number, page: number): number | null {
  if (count <= 0) return null;
  const from = clamp(current, 0, count - 1);
  switch (key) {
    case 'ArrowDown':
      return Math.min(from + 1, count - 1);
    case 'ArrowUp':
      return Math.max(from - 1, 0);
    case 'PageDown':
      return Math.min(from + page, count - 1);
    case 'PageUp':
      return Math.max(from - page, 0);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
