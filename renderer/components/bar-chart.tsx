// Bar charts drawn with SVG (no chart library): vertical bars for a calendar, horizontal bars for categories. The
// SVG is one image with a sentence for its name; the figures are also given as a table for assistive technology.
// Tones come with words in the labels (e.g. "Quarantined", "Overdue"), and the warn tone is hatched, so colour is not
// the only signal. The value axis steps by 1, 2 or 5 × 10^k (renderer/lib/chart.ts), with thousands separated.
import { useId } from 'react';
import { barLength, scale, tickLabel, type Scale } from '../lib/chart.js';

export type BarTone = 'accent' | 'ok' | 'warn' | 'muted';

export interface Bar {
  key: string;
  label: string;
  /** A second line under a vertical bar's label (e.g. the year). */
  sublabel?: string;
  value: number;
  tone?: BarTone;
}

interface Props {
  title: string;
  /** One sentence that says what the chart shows, read as the image's description. */
  summary: string;
  bars: readonly Bar[];
  orientation: 'vertical' | 'horizontal';
  /** The noun of the values, for the table header: 'Contacts'. */
  valueLabel: string;
  /** The noun of the categories, for the table header: 'Month'. */
  categoryLabel: string;
  testId: string;
}

export function BarChart({ title, summary, bars, orientation, valueLabel, categoryLabel, testId }: Props) {
  const raw = useId();
  const id = raw.replace(/[^a-zA-Z0-9_-]/g, '');
  const axis = scale(Math.max(0, ...bars.map((b) => b.value)));
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <p id={`${id}-summary`} className="hint">
        {summary}
      </p>
      {orientation === 'vertical' ? <Vertical id={id} bars={bars} axis={axis} /> : <Horizontal id={id} bars={bars} max={axis.top} />}
      <details className="chart-table">
        <summary>Show the figures as a table</summary>
        <table data-testid={`${testId}-table`}>
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{categoryLabel}</th>
              <th scope="col">{valueLabel}</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((b) => (
              <tr key={b.key}>
                <th scope="row">
                  {b.label}
                  {b.sublabel ? ` ${b.sublabel}` : ''}
                </th>
                <td className="num">{tickLabel(b.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

function Hatch({ id }: { id: string }) {
  return (
    <defs>
      <pattern id={`${id}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" className="hatch-bg" />
        <line x1="0" y1="0" x2="0" y2="6" className="hatch-line" />
      </pattern>
    </defs>
  );
}

const fillOf = (id: string, tone: BarTone | undefined): string | undefined => (tone === 'warn' ? `url(#${id}-hatch)` : undefined);

function Vertical({ id, bars, axis }: { id: string; bars: readonly Bar[]; axis: Scale }) {
  const max = axis.top;
  const width = 640;
  const height = 260;
  // Room for the longest tick label ("40,000") beside the axis.
  const left = 14 + 7 * Math.max(...axis.ticks.map((t) => tickLabel(t).length));
  const right = 8;
  const top = 20;
  const bottom = 44;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const band = bars.length > 0 ? plotW / bars.length : plotW;
  const barW = Math.max(2, band * 0.68);
  return (
    <svg className="chart-svg" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-summary`} preserveAspectRatio="xMidYMid meet">
      <Hatch id={id} />
      {axis.ticks.map((t) => {
        const y = top + plotH - (t / max) * plotH;
        return (
          <g key={t} className="gridline">
            <line x1={left} x2={width - right} y1={y} y2={y} />
            <text x={left - 6} y={y + 4} textAnchor="end">
              {tickLabel(t)}
            </text>
          </g>
        );
      })}
      {bars.map((b, i) => {
        const h = barLength(b.value, max, plotH);
        const x = left + i * band + (band - barW) / 2;
        const y = top + plotH - h;
        return (
          <g key={b.key}>
            <rect x={x} y={y} width={barW} height={h} className={`bar bar-${b.tone ?? 'accent'}`} fill={fillOf(id, b.tone)} />
            {b.value > 0 ? (
              <text x={x + barW / 2} y={y - 4} textAnchor="middle" className="bar-value">
                {tickLabel(b.value)}
              </text>
            ) : null}
            <text x={x + barW / 2} y={top + plotH + 16} textAnchor="middle" className="axis-label">
              {b.label}
            </text>
            {b.sublabel ? (
              <text x={x + barW / 2} y={top + plotH + 32} textAnchor="middle" className="axis-label axis-sublabel">
                {b.sublabel}
              </text>
            ) : null}
          </g>
        );
      })}
      <line x1={left} x2={width - right} y1={top + plotH} y2={top + plotH} className="axis" />
    </svg>
  );
}

function Horizontal({ id, bars, max }: { id: string; bars: readonly Bar[]; max: number }) {
  const width = 640;
  const rowH = 34;
  const labelW = 220;
  const valueW = 70;
  const top = 6;
  const height = top * 2 + Math.max(1, bars.length) * rowH;
  const plotW = width - labelW - valueW;
  return (
    <svg className="chart-svg" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-summary`} preserveAspectRatio="xMidYMid meet">
      <Hatch id={id} />
      {bars.map((b, i) => {
        const y = top + i * rowH;
        const w = barLength(b.value, max, plotW);
        return (
          <g key={b.key}>
            <text x={labelW - 10} y={y + rowH / 2 + 4} textAnchor="end" className="axis-label">
              {b.label}
            </text>
            <rect x={labelW} y={y + 6} width={w} height={rowH - 12} className={`bar bar-${b.tone ?? 'accent'}`} fill={fillOf(id, b.tone)} />
            <text x={labelW + w + 6} y={y + rowH / 2 + 4} className="bar-value">
              {tickLabel(b.value)}
            </text>
          </g>
        );
      })}
      <line x1={labelW} x2={labelW} y1={top} y2={height - top} className="axis" />
    </svg>
  );
}
