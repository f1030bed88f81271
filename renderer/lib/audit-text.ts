// The audit log in words for the Audit screen: what each action was ("Imported a file"), and its details as phrases
// ("12 added · 3 duplicates · purpose: Professional networking"). The log itself keeps vocabulary words and ids
// (src/audit/audit-log.ts); ids stay visible, in full, to copy.
import type { ACCESS, Channel } from '../../src/api/access.js';
import type { AuditEntry } from '../types.js';
import { lookup } from './guards.js';
import { BASIS_SHORT, PURPOSE_LABELS, ROLE_LABELS } from './labels.js';

/** Actions the core writes that are not a channel's: follow-ups it runs itself. */
export const OWN_ACTIONS = ['art14-overdue', 'carry-over', 'retention-carry-over'] as const;
export type AuditAction = (typeof ACCESS)[Channel]['action'] | (typeof OWN_ACTIONS)[number];

/** Every action the log may hold, in words. Typed by the access table: a channel added without words fails to compile. */
export const ACTION_TEXT: Record<AuditAction, string> = {
  status: 'Read the vault’s status',
  'home-summary': 'Viewed what needs attention',
  'vault-created': 'Created the vault',
  unlock: 'Unlocked the vault',
  recover: 'Used the recovery key',
  lock: 'Locked the vault',
  'task-cancel': 'Cancelled a running task',
  inspect: 'Inspected a file',
  'import-preview': 'Previewed an import',
  'import-commit': 'Imported a file',
  'member-list': 'Viewed the members',
  'member-add': 'Added a member',
  'member-remove': 'Removed a member',
  'member-roles': 'Changed a member’s roles',
  'passphrase-change': 'Changed their passphrase',
  'keychain-status': 'Checked the keychain unlock',
  'keychain-enable': 'Turned on unlocking with this computer’s keychain',
  'keychain-disable': 'Turned off unlocking with the keychain',
  'group-list': 'Viewed the groups',
  'group-add': 'Added a group',
  'group-remove': 'Removed a group',
  'group-update': 'Changed a group',
  'group-reorder': 'Reordered the groups',
  'policy-check': 'Checked a lawful basis',
  'policy-assign': 'Assigned a lawful basis',
  'contact-list': 'Viewed contacts',
  'contact-show': 'Opened a contact',
  'subject-access': 'Answered a subject access request',
  'contact-review': 'Marked contacts reviewed',
  erasure: 'Erased a person',
  'suppression-add': 'Recorded an objection',
  'suppression-list': 'Viewed the suppression list',
  'suppression-lift': 'Lifted a suppression',
  'consent-add': 'Recorded a consent',
  'consent-import': 'Imported consent records',
  'consent-list': 'Viewed consent records',
  'consent-withdraw': 'Recorded a consent withdrawn',
  'consent-confirm': 'Confirmed carried-over consents',
  'notice-list': 'Viewed Art. 14 notices',
  'notice-text': 'Read a privacy notice',
  'notice-sent': 'Recorded a notice sent',
  'notice-exempt': 'Recorded a notice exemption',
  'notice-confirm': 'Confirmed carried-over notices',
  'recipient-add': 'Registered a recipient',
  'recipient-list': 'Viewed the recipients',
  'disclosure-list': 'Viewed the disclosures',
  'art19-list': 'Viewed Art. 19 tasks',
  'art19-done': 'Marked an Art. 19 task done',
  'controller-show': 'Viewed the controller’s details',
  'controller-set': 'Changed the controller’s details',
  'subscriber-list': 'Viewed subscriber types',
  'subscriber-confirm': 'Confirmed a subscriber type',
  'soft-opt-in-add': 'Recorded a soft opt-in',
  'tps-record': 'Recorded a TPS/CTPS screening',
  'tps-list': 'Viewed TPS/CTPS screenings',
  'retention-list': 'Viewed retention policies',
  'retention-set': 'Set a retention policy',
  'retention-default': 'Changed the default retention',
  'retention-remove': 'Removed a retention policy',
  'retention-schedule': 'Viewed what falls due',
  'legal-hold-list': 'Viewed legal holds',
  'legal-hold-place': 'Placed a legal hold',
  'legal-hold-lift': 'Lifted a legal hold',
  'quarantine-set': 'Changed the quarantine period',
  'destruction-dry-run': 'Ran a destruction dry run',
  'destruction-run': 'Ran the destruction of due contacts',
  'destruction-token-create': 'Created a destruction token',
  'destruction-token-list': 'Viewed destruction tokens',
  'destruction-token-revoke': 'Revoked a destruction token',
  'certificate-list': 'Viewed certificates',
  'certificate-show': 'Opened a certificate',
  'certificate-verify': 'Verified a certificate',
  'audit-read': 'Read the audit log',
  'audit-verify': 'Verified the audit log',
  'audit-export': 'Exported the audit log',
  'export-crm': 'Exported contacts for a CRM',
  'export-preview': 'Previewed a CRM export',
  'report-art30': 'Produced the Art. 30 record',
  'art14-overdue': 'Noted Art. 14 notices overdue',
  'carry-over': 'Carried group records over to people',
  'retention-carry-over': 'Carried the default retention over',
};

export const OUTCOME_TEXT = { success: 'Done', refused: 'Refused', failed: 'Failed' } as const;

/** Detail keys in words; others are spelt out from their name ("emailsWithheld" → "emails withheld"). */
const DETAIL_TEXT: Record<string, string> = {
  memberId: 'member id',
  importId: 'import id',
  sha256: 'file SHA-256',
  groupId: 'group id',
  tokenId: 'token id',
  certificateId: 'certificate id',
  suppressionId: 'suppression id',
  holdId: 'hold id',
  contactId: 'contact id',
  recipientId: 'recipient id',
  disclosureId: 'disclosure id',
  taskId: 'task id',
  consentId: 'consent id',
  softOptInId: 'soft opt-in id',
  screeningId: 'screening id',
  ok: 'intact',
  dryRun: 'dry run',
  noticeRun: 'notice run',
  directMarketing: 'direct marketing',
  heldBack: 'held back',
  at: 'at',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One detail as a label and a value in words; `id` when the value is an id to show whole, in a monospace font. */
export interface DetailPhrase {
  /** The detail's key in the log (memberId, groupId, …). */
  key: string;
  label: string;
  value: string;
  id: boolean;
}

export function actionText(action: string): string {
  return lookup(ACTION_TEXT, action) ?? spelt(action);
}

export function detailPhrases(details: AuditEntry['details']): DetailPhrase[] {
  return Object.entries(details).map(([key, raw]) => {
    const label = DETAIL_TEXT[key] ?? spelt(key);
    const values = Array.isArray(raw) ? raw : [raw];
    const id = values.length > 0 && values.every((v) => typeof v === 'string' && UUID.test(v));
    return { key, label, value: values.map((v) => valueText(key, v)).join(', '), id };
  });
}

function valueText(key: string, value: string | number | boolean | null): string {
  if (value === null) return 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return value.toLocaleString('en-GB');
  if (key === 'purpose') return lookup(PURPOSE_LABELS, value) ?? spelt(value);
  if (key === 'basis') return lookup(BASIS_SHORT, value) ?? spelt(value);
  if (key === 'roles' || key === 'role') return lookup(ROLE_LABELS, value) ?? spelt(value);
  if (UUID.test(value)) return value;
  return spelt(value);
}

/** A word of the log read aloud: "not-found" → "not found", "emailsWithheld" → "emails withheld". */
function spelt(word: string): string {
  return word
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/-/g, ' ')
    .toLowerCase();
}
