// What falls due for destruction: the contacts overdue now as their own (hatched) bar, then each of the next twelve
// months (retention.schedule), as an SVG bar chart with the same figures as a table; the held count beside it. When
// nothing is due, a sentence says so instead of an empty chart.
import { useEffect, useState } from 'react';
import { call } from '../../api.js';
import { useAction } from '../../app/use-action.js';
import { BarChart, type Bar } from '../../components/bar-chart.js';
import { count, monthName } from '../../lib/format.js';
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
  const bars: Bar[] = [
    { key: 'overdue', label: 'Overdue', sublabel: 'now', value: schedule.overdue, tone: 'warn' },
    ...schedule.months.map((m) => {
      const [label, year] = monthName(m.month).split(' ');
      return { key: m.month, label: label ?? m.month, sublabel: year ?? '', value: m.due, tone: 'accent' as const };
    }),
  ];
  const overdue = schedule.overdue > 0 ? `${count(schedule.overdue, 'contact')} ${schedule.overdue === 1 ? 'is' : 'are'} overdue now (the hatched bar); ` : 'Nobody is overdue; ';
  const summary =
    total === 0
      ? `${overdue}nothing more falls due in the next 12 months.`
      : `${overdue}${count(total, 'contact')} fall${total === 1 ? 's' : ''} due in the next 12 months, the most in ${monthName(peak.month)} (${peak.due.toLocaleString('en-GB')}).`;
  const nothing = total === 0 && schedule.overdue === 0;
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
      {nothing ? (
        <p className="due-empty" data-testid="due-empty">
          Nothing is due for destruction now or in the next 12 months.{schedule.held > 0 ? ` ${count(schedule.held, 'contact')} under a legal hold will not fall due until it is lifted.` : ''}
        </p>
      ) : (
        <BarChart title="Contacts due for destruction: overdue now, then by month" summary={summary} bars={bars} orientation="vertical" valueLabel="Contacts due" categoryLabel="When" testId="due-chart" />
      )}
    </section>
  );
}
