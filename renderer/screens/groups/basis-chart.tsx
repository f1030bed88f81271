// Contacts by lawful basis, and those quarantined: the picture of how much of the vault may be used.
import { BarChart } from '../../components/bar-chart.js';
import type { BasisCount } from '../../lib/basis-counts.js';
import { basisLabel } from '../../lib/labels.js';

export function BasisChart({ counts }: { counts: readonly BasisCount[] }) {
  const total = counts.reduce((n, c) => n + c.count, 0);
  const quarantined = counts.find((c) => c.key === 'quarantined')?.count ?? 0;
  const bars = counts.map((c) => ({
    key: c.key,
    label: c.key === 'quarantined' ? 'Quarantined (no basis)' : basisLabel(c.key),
    value: c.count,
    tone: c.key === 'quarantined' ? ('warn' as const) : ('ok' as const),
  }));
  const summary =
    total === 0
      ? 'The vault holds no contacts yet.'
      : `${total.toLocaleString('en-GB')} contacts: ${(total - quarantined).toLocaleString('en-GB')} with a lawful basis, ${quarantined.toLocaleString('en-GB')} quarantined (hatched bar).`;
  return <BarChart title="Contacts by lawful basis" summary={summary} bars={bars} orientation="horizontal" valueLabel="Contacts" categoryLabel="Lawful basis" testId="basis-chart" />;
}
