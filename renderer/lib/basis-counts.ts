// Contacts by lawful basis, and those quarantined (no group, or a group with no basis): the numbers behind the
// Groups and Contacts charts. Pure.

export interface BasisCount {
  /** A lawful basis, or 'quarantined'. */
  key: string;
  count: number;
}

/** From the groups list: each group's contacts count under its basis; unassigned and basis-less are quarantined. */
export function countsFromGroups(groups: readonly { contacts: number; policy: { policy: { basis: string } } | null }[], unassigned: number): BasisCount[] {
  const totals = new Map<string, number>();
  let quarantined = unassigned;
  for (const g of groups) {
    if (g.policy) totals.set(g.policy.policy.basis, (totals.get(g.policy.policy.basis) ?? 0) + g.contacts);
    else quarantined += g.contacts;
  }
  return finish(totals, quarantined);
}

function finish(totals: Map<string, number>, quarantined: number): BasisCount[] {
  const out = [...totals.entries()].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  out.push({ key: 'quarantined', count: quarantined });
  return out;
}
