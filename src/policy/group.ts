// A contact group as the domain knows it: its place in the rule order, its label and rule, and the lawful basis
// assigned to it with when and by whom. Stored encrypted by src/vault/groups-repo.ts.
import type { GroupRule } from './group-rules.js';
import type { GroupPolicy } from './lawful-basis.js';

export interface Group {
  id: string;
  order: number;
  label: string;
  rule: GroupRule;
  policy: AssignedPolicy | null;
}

export interface AssignedPolicy {
  policy: GroupPolicy;
  assignedAt: string;
  assignedBy: string;
  art14Due: string;
}
