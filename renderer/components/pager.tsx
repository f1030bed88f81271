// Previous / Next for a list the core answers a page at a time (contract.ts: every list is paged), with the range
// shown ("Certificates 1–20 of 45"), announced politely. A button that cannot act stays focusable and says so
// (aria-disabled), so the focus is not lost at the last page.
import { pageRange } from '../lib/format.js';

interface PagerProps {
  /** The plural noun of the range: "Contacts", "Certificates". */
  noun: string;
  /** data-testid prefix: `${testId}-count`, `${testId}-previous`, `${testId}-next`. */
  testId: string;
  first: number;
  shown: number;
  total: number;
  loading: boolean;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious(): void;
  onNext(): void;
}

export function Pager({ noun, testId, first, shown, total, loading, hasPrevious, hasNext, onPrevious, onNext }: PagerProps) {
  return (
    <div className="actions">
      <p className="hint" data-testid={`${testId}-count`} aria-live="polite">
        {loading && total === 0 ? `Loading ${noun.toLowerCase()}…` : pageRange(noun, first, shown, total)}
      </p>
      <nav aria-label={`Pages of ${noun.toLowerCase()}`} className="actions">
        <button type="button" data-testid={`${testId}-previous`} aria-disabled={loading || !hasPrevious} onClick={() => !loading && hasPrevious && onPrevious()}>
          <span aria-hidden="true">← </span>Previous
        </button>
        <button type="button" data-testid={`${testId}-next`} aria-disabled={loading || !hasNext} onClick={() => !loading && hasNext && onNext()}>
          Next<span aria-hidden="true"> →</span>
        </button>
      </nav>
    </div>
  );
}

/** The Pager of a list read by offset, `pageSize` at a time: Previous and Next move the offset by a page. */
export function OffsetPager({ offset, pageSize, total, onOffset, ...rest }: Omit<PagerProps, 'first' | 'hasPrevious' | 'hasNext' | 'onPrevious' | 'onNext'> & { offset: number; pageSize: number; onOffset(offset: number): void }) {
  return (
    <Pager
      {...rest}
      first={offset}
      total={total}
      hasPrevious={offset > 0}
      hasNext={offset + pageSize < total}
      onPrevious={() => onOffset(Math.max(0, offset - pageSize))}
      onNext={() => onOffset(offset + pageSize)}
    />
  );
}

