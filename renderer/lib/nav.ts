// Which screens a member sees, read from the contract's access table (rolesFor): each screen names the channel it
// is built on, and a member sees it when that channel admits one of their roles. The core authorises every call
// from the same table, so a screen is shown exactly when its main action would be allowed; what a member's roles
// cannot use is not shown at all.
import { rolesFor, type Channel } from '../../src/api/access.js';
import type { Role } from '../../src/shared/vocabulary.js';

export type ScreenId = 'home' | 'import' | 'groups' | 'contacts' | 'notices' | 'requests' | 'export' | 'records' | 'retention' | 'members' | 'audit';

/** What every screen is given: the member's roles and id, and a way to send them to another screen. */
export interface ScreenProps {
  roles: readonly Role[];
  memberId: string;
  navigate(screen: ScreenId): void;
}

export interface ScreenInfo {
  id: ScreenId;
  label: string;
  /** The channel the screen exists to call: whoever may call it sees the screen. */
  channel: Channel;
}

export const SCREENS: readonly ScreenInfo[] = [
  // Every member has a home: what needs attention, as far as their roles may see it.
  { id: 'home', label: 'Home', channel: 'home.summary' },
  { id: 'import', label: 'Import', channel: 'import.commit' },
  { id: 'groups', label: 'Groups & lawful basis', channel: 'policy.assign' },
  { id: 'contacts', label: 'Contacts', channel: 'contacts.list' },
  { id: 'notices', label: 'Notices & PECR', channel: 'notices.list' },
  { id: 'requests', label: 'People’s requests', channel: 'suppression.list' },
  { id: 'export', label: 'CRM export', channel: 'export.crm' },
  { id: 'records', label: 'Records (Art. 30)', channel: 'report.art30' },
  { id: 'retention', label: 'Retention', channel: 'retention.set' },
  { id: 'members', label: 'Members', channel: 'members.list' },
  { id: 'audit', label: 'Audit', channel: 'audit.entries' },
];

/** Whether a member with these roles may call the channel (an `open` channel needs no role at all). */
export function mayCall(channel: Channel, roles: readonly Role[]): boolean {
  const allowed = rolesFor(channel);
  return allowed === null || allowed.some((role) => roles.includes(role));
}

export function screensFor(roles: readonly Role[]): ScreenInfo[] {
  return SCREENS.filter((s) => mayCall(s.channel, roles));
}
