// What falls due for destruction in each of the next twelve months (retention.schedule), as an SVG bar chart with
// the same figures as a table; overdue and held counts beside it.
import { useEffect, useState } from 'react';
import { call } from '../../api.js';
import { useAction } from '../../app/use-action.js';
import { BarChart } from '../../components/bar-chart.js';
import { monthName } from '../../lib/format.js';
import type { Schedule } from '../../types.js';

export function DueChart({ version }: { version: number }) {
  const [schedule, setSchedule] = useState<Schedule | null>(null);
  const { run } = useAction();
  useEffect(() => {
    void run('schedule', () => call('retention.schedule', { months: 12 })).then((r) => r && setSchedule(r));
  }, [run, version]);
  if (!schedule) return null;
  const total = schedule.months.reduce((n, m) => n + m.due, 0);
  const peak = schedule.months.reduce((best, m) => (m.due > best.due ? m : best), { month: '', due: 0 });
  const bars = schedule.months.map((m) => {
    const [label, year] = monthName(m.month).split(' ');
    return { key: m.month, label: label ?? m.month, sublabel: year ?? '', value: m.due, tone: 'accent' as const };
  });
  const summary =
    total === 0
      ? 'Nothing falls due in the next 12 months.'
      : `${total.toLocaleString('en-GB')} contacts fall due in the next 12 months; the most in ${monthName(peak.month)} (${peak.due.toLocaleString('en-GB')}).`;
  return (
    <section className="card" aria-labelledby="due-title" data-testid="due-schedule">
      <h3 id="due-title">What falls due</h3>
      <div className="stats">
        <p className="stat" data-testid="due-overdue">
          <span className="stat-value">{schedule.overdue.toLocaleString('en-GB')}</span> overdue now
        </p>
        <p className="stat" data-testid="due-held">
          <span className="stat-value">{schedule.held.toLocaleString('en-GB')}</span> under legal hold (never due)
        </p>
      </div>
      <BarChart title="Contacts due for destruction, by month" summary={summary} bars={bars} orientation="vertical" valueLabel="Contacts due" categoryLabel="Month" testId="due-chart" />
    </section>
  );
}
