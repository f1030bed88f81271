// A windowed table: fixed row height, only the visible rows (plus overscan) are in the DOM, so 30,000 rows
// scroll smoothly. Spacer rows stand for the rest; aria-rowcount and aria-rowindex tell assistive technology
// where a row sits. Keyboard: one tab stop (the current row's button, a roving tabindex); ↑ ↓ Page Up/Down Home
// End move it; Enter or Space opens the row.
import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { keyTarget, pageSize, revealScrollTop, visibleRange } from '../lib/windowing.js';

export interface Column<T> {
  key: string;
  header: string;
  /** A CSS width for the column (table-layout: fixed). */
  width?: string;
  render(row: T): ReactNode;
}

interface Props<T> {
  rows: readonly T[];
  columns: readonly Column<T>[];
  rowKey(row: T): string;
  /** The first column's content, rendered as the row's button. */
  primary(row: T): ReactNode;
  primaryHeader: string;
  primaryWidth?: string;
  /** The accessible name of the row's button: 'Open details of Ada Lovelace'. */
  openLabel(row: T): string;
  onOpen(row: T): void;
  selectedKey?: string | null;
  caption: string;
  rowHeight?: number;
  overscan?: number;
  testId: string;
  rowTestId: string;
}

export function VirtualTable<T>({
  rows,
  columns,
  rowKey,
  primary,
  primaryHeader,
  primaryWidth,
  openLabel,
  onOpen,
  selectedKey = null,
  caption,
  rowHeight = 36,
  overscan = 8,
  testId,
  rowTestId,
}: Props<T>) {
  const viewport = useRef<HTMLDivElement>(null);
  const head = useRef<HTMLTableSectionElement>(null);
  // The first row in view, not the raw scroll offset: scrolling within a row renders nothing new.
  const [firstRow, setFirstRow] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(480);
  const [headerHeight, setHeaderHeight] = useState(rowHeight);
  const [active, setActive] = useState(0);
  const focusPending = useRef(false);

  useLayoutEffect(() => {
    const el = viewport.current;
    if (!el) return;
    const measure = () => {
      setViewportHeight(el.clientHeight || 480);
      setHeaderHeight(head.current?.offsetHeight || rowHeight);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [rowHeight]);

  // A new list (another search) starts at the top.
  useEffect(() => {
    setActive(0);
    setFirstRow(0);
    if (viewport.current) viewport.current.scrollTop = 0;
  }, [rows]);

  const count = rows.length;
  const scrollTop = firstRow * rowHeight;
  const range = visibleRange({ count, rowHeight, scrollTop, viewportHeight, overscan });
  // Keep a tab stop inside the table even when the current row has scrolled out of the window.
  const firstVisible = Math.min(count - 1, firstRow);
  const tabStop = active >= range.start && active < range.end ? active : Math.max(0, firstVisible);

  useEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    viewport.current?.querySelector<HTMLButtonElement>(`tr[data-row-index="${active}"] button.row-open`)?.focus({ preventScroll: true });
  }, [active, range.start, range.end]);

  const moveTo = useCallback(
    (index: number) => {
      const el = viewport.current;
      if (!el) return;
      const top = revealScrollTop({ index, rowHeight, headerHeight, scrollTop: el.scrollTop, viewportHeight: el.clientHeight });
      if (top !== el.scrollTop) {
        el.scrollTop = top;
        setFirstRow(Math.floor(top / rowHeight));
      }
      focusPending.current = true;
      setActive(index);
    },
    [rowHeight, headerHeight],
  );

  const onOpenRef = useRef(onOpen);
  onOpenRef.current = onOpen;
  /** A row was clicked, or its button pressed or focused (open = false). */
  const activate = useCallback((index: number, row: T, open: boolean) => {
    setActive(index);
    if (open) onOpenRef.current(row);
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const from = tabStop;
    const target = keyTarget(e.key, from, count, pageSize(viewportHeight, headerHeight, rowHeight));
    if (target === null) return;
    e.preventDefault();
    moveTo(target);
  };

  const colSpan = columns.length + 1;
  return (
    <div
      ref={viewport}
      className="vt-viewport"
      role="region"
      aria-label={`${caption}: ${count.toLocaleString('en-GB')} rows. Use the arrow keys, Page Up, Page Down, Home and End to move; Enter opens a row.`}
      onScroll={(e) => setFirstRow(Math.floor(e.currentTarget.scrollTop / rowHeight))}
      onKeyDown={onKeyDown}
    >
      {/* Focusable by click or script (not a tab stop of its own), so the keys work from anywhere in the table. */}
      <table className="vt" data-testid={testId} aria-rowcount={count + 1} data-row-count={count} tabIndex={-1}>
        <caption className="visually-hidden">{caption}</caption>
        <colgroup>
          <col style={primaryWidth ? { width: primaryWidth } : undefined} />
          {columns.map((c) => (
            <col key={c.key} style={c.width ? { width: c.width } : undefined} />
          ))}
        </colgroup>
        <thead ref={head}>
          <tr aria-rowindex={1}>
            <th scope="col">{primaryHeader}</th>
            {columns.map((c) => (
              <th scope="col" key={c.key}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {range.padTop > 0 ? (
            <tr aria-hidden="true" className="vt-spacer">
              <td colSpan={colSpan} style={{ height: range.padTop }} />
            </tr>
          ) : null}
          {rows.slice(range.start, range.end).map((row, i) => {
            const index = range.start + i;
            const key = rowKey(row);
            return (
              <Row
                key={key}
                row={row}
                rowKey={key}
                index={index}
                selected={key === selectedKey}
                active={index === active}
                tabStop={index === tabStop}
                columns={columns}
                rowHeight={rowHeight}
                rowTestId={rowTestId}
                primary={primary}
                openLabel={openLabel}
                onActivate={activate}
              />
            );
          })}
          {range.padBottom > 0 ? (
            <tr aria-hidden="true" className="vt-spacer">
              <td colSpan={colSpan} style={{ height: range.padBottom }} />
            </tr>
          ) : null}
          {count === 0 ? (
            <tr>
              <td colSpan={colSpan} className="empty">
                No contacts to show.
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}

interface RowProps<T> {
  row: T;
  rowKey: string;
  index: number;
  selected: boolean;
  active: boolean;
  tabStop: boolean;
  columns: readonly Column<T>[];
  rowHeight: number;
  rowTestId: string;
  primary(row: T): ReactNode;
  openLabel(row: T): string;
  onActivate(index: number, row: T, open: boolean): void;
}

/** One row; memoised, so scrolling by a row renders only the row that comes into view. */
function RowView<T>({ row, rowKey, index, selected, active, tabStop, columns, rowHeight, rowTestId, primary, openLabel, onActivate }: RowProps<T>) {
  return (
    <tr
      data-testid={rowTestId}
      data-row-index={index}
      data-key={rowKey}
      aria-rowindex={index + 2}
      className={`${selected ? 'selected' : ''} ${active ? 'active' : ''}`}
      style={{ height: rowHeight }}
      onClick={() => onActivate(index, row, true)}
    >
      <td>
        <button
          type="button"
          className="row-open"
          tabIndex={tabStop ? 0 : -1}
          aria-label={openLabel(row)}
          aria-current={selected ? 'true' : undefined}
          onFocus={() => onActivate(index, row, false)}
          onClick={(e) => {
            e.stopPropagation();
            onActivate(index, row, true);
          }}
        >
          {primary(row)}
        </button>
      </td>
      {columns.map((c) => (
        <td key={c.key}>{c.render(row)}</td>
      ))}
    </tr>
  );
}

const Row = memo(RowView) as typeof RowView;
