// Who may call each channel of the contract, and the audit log's word for it: the one table that drives the
// core's authorisation (src/app/authorise.ts), the renderer's navigation (renderer/lib/nav.ts) and the generated
// roles test (test/app/access-matrix.test.ts). No zod here, so the renderer can read it without a schema library;
// src/api/contract.ts gives every channel named here its request and response schemas, and the compiler checks
// that the two name the same channels.
import { ROLES, type Role } from '../shared/vocabulary.js';

/**
 * `open` needs no unlocked vault (it creates or unlocks one, reads an export the caller names, checks a certificate
 * read-only, or destroys what is due for the holder of a destruction token); `member` any unlocked member;
 * otherwise members holding one of the roles.
 */
export type Access = 'open' | 'member' | readonly [Role, ...Role[]];

const ADMIN = ['admin'] as const;
const OWNER = ['data-owner'] as const;
const IMPORTER = ['importer'] as const;
const READERS = ['data-owner', 'admin'] as const;

export const ACCESS = {
  // Vaults and sessions.
  'vault.status': { access: 'open', action: 'status' },
  'vault.create': { access: 'open', action: 'vault-created' },
  'vault.unlock': { access: 'open', action: 'unlock' },
  'vault.recover': { access: 'open', action: 'recover' },
  'vault.lock': { access: 'open', action: 'lock' },
  // The OS keychain unlock, an opt-in per member on the desktop (src/app/use-cases/keychain.ts): whether it is offered
  // here and on; on (with the passphrase typed again) and off; and the unlock itself, audited as an unlock.
  'vault.keychainStatus': { access: 'member', action: 'keychain-status' },
  'vault.keychainEnable': { access: 'member', action: 'keychain-enable' },
  'vault.keychainDisable': { access: 'member', action: 'keychain-disable' },
  'vault.unlockKeychain': { access: 'open', action: 'unlock' },
  // Stop the long task running now (an import, a regrouping change): answered at once, outside the queue.
  'task.cancel': { access: 'open', action: 'task-cancel' },
  // What needs attention, for any member: each part only if their roles may read what it counts (home.ts).
  'home.summary': { access: 'member', action: 'home-summary' },

  // Reading an export; importing it.
  'file.inspect': { access: 'open', action: 'inspect', desktop: false },
  'import.preview': { access: IMPORTER, action: 'import-preview' },
  'import.commit': { access: IMPORTER, action: 'import-commit' },

  // Members.
  'members.list': { access: ADMIN, action: 'member-list' },
  'members.add': { access: ADMIN, action: 'member-add' },
  'members.remove': { access: ADMIN, action: 'member-remove' },
  'members.setRoles': { access: ADMIN, action: 'member-roles' },
  'members.changePassphrase': { access: 'member', action: 'passphrase-change' },

  // Groups and lawful bases.
  'groups.list': { access: READERS, action: 'group-list' },
  'groups.add': { access: OWNER, action: 'group-add' },
  'groups.remove': { access: OWNER, action: 'group-remove' },
  'groups.update': { access: OWNER, action: 'group-update' },
  'groups.reorder': { access: OWNER, action: 'group-reorder' },
  'policy.check': { access: OWNER, action: 'policy-check' },
  'policy.assign': { access: OWNER, action: 'policy-assign' },

  // Contacts and data subjects' requests.
  'contacts.list': { access: READERS, action: 'contact-list' },
  'contacts.show': { access: READERS, action: 'contact-show' },
  'contacts.access': { access: READERS, action: 'subject-access' },
  'contacts.review': { access: READERS, action: 'contact-review' },
  'contacts.erase': { access: ADMIN, action: 'erasure' },
  'suppression.add': { access: READERS, action: 'suppression-add' },
  'suppression.list': { access: READERS, action: 'suppression-list' },
  'suppression.lift': { access: ADMIN, action: 'suppression-lift' },

  // What the law keeps per person: consent (Art. 7), Art. 14 notices, recipients and disclosures (Art. 15(1)(c),
  // Art. 19, Art. 30), and the controller's details the notices and the Art. 30 record name.
  'consent.add': { access: OWNER, action: 'consent-add' },
  'consent.import': { access: OWNER, action: 'consent-import' },
  'consent.list': { access: READERS, action: 'consent-list' },
  'consent.withdraw': { access: READERS, action: 'consent-withdraw' },
  'consent.confirm': { access: OWNER, action: 'consent-confirm' },
  'notices.list': { access: READERS, action: 'notice-list' },
  'notices.text': { access: READERS, action: 'notice-text' },
  'notices.markSent': { access: OWNER, action: 'notice-sent' },
  'notices.exempt': { access: OWNER, action: 'notice-exempt' },
  'notices.confirm': { access: OWNER, action: 'notice-confirm' },
  'recipients.add': { access: READERS, action: 'recipient-add' },
  'recipients.list': { access: READERS, action: 'recipient-list' },
  'disclosures.list': { access: READERS, action: 'disclosure-list' },
  'art19.list': { access: READERS, action: 'art19-list' },
  'art19.done': { access: ADMIN, action: 'art19-done' },
  'controller.show': { access: READERS, action: 'controller-show' },
  'controller.set': { access: ADMIN, action: 'controller-set' },

  // PECR's records: subscriber types (reg. 2, 22), soft opt-ins (reg. 22(3)), TPS/CTPS screenings (reg. 21(1)(b), 21(4)).
  'subscribers.list': { access: READERS, action: 'subscriber-list' },
  'subscribers.confirm': { access: OWNER, action: 'subscriber-confirm' },
  'softOptIn.add': { access: OWNER, action: 'soft-opt-in-add' },
  'tps.record': { access: READERS, action: 'tps-record' },
  'tps.list': { access: READERS, action: 'tps-list' },

  // Retention and destruction.
  'retention.list': { access: READERS, action: 'retention-list' },
  'retention.set': { access: ADMIN, action: 'retention-set' },
  'retention.default': { access: ADMIN, action: 'retention-default' },
  'retention.remove': { access: ADMIN, action: 'retention-remove' },
  'retention.schedule': { access: READERS, action: 'retention-schedule' },
  'holds.list': { access: ADMIN, action: 'legal-hold-list' },
  'holds.place': { access: ADMIN, action: 'legal-hold-place' },
  'holds.lift': { access: ADMIN, action: 'legal-hold-lift' },
  'quarantine.set': { access: ADMIN, action: 'quarantine-set' },
  'destruction.dryRun': { access: ADMIN, action: 'destruction-dry-run' },
  'destruction.run': { access: ADMIN, action: 'destruction-run' },
  'destruction.unattended': { access: 'open', action: 'destruction-run', desktop: false },
  'tokens.create': { access: ADMIN, action: 'destruction-token-create' },
  'tokens.list': { access: ADMIN, action: 'destruction-token-list' },
  'tokens.revoke': { access: ADMIN, action: 'destruction-token-revoke' },
  'certificates.list': { access: ADMIN, action: 'certificate-list' },
  'certificates.show': { access: ADMIN, action: 'certificate-show' },
  'certificates.verify': { access: 'open', action: 'certificate-verify', desktop: false },

  // Accountability and what leaves the vault.
  'audit.entries': { access: ADMIN, action: 'audit-read' },
  'audit.verify': { access: ADMIN, action: 'audit-verify' },
  'audit.export': { access: ADMIN, action: 'audit-export' },
  'export.crm': { access: OWNER, action: 'export-crm' },
  'export.preview': { access: OWNER, action: 'export-preview' },
  'report.art30': { access: READERS, action: 'report-art30' },
} as const satisfies Record<string, { access: Access; action: string; desktop?: false }>;

export type Channel = keyof typeof ACCESS;
export const CHANNEL_NAMES = Object.keys(ACCESS) as Channel[];

/**
 * The channels the desktop window may call over IPC: all but the command line's own (`desktop: false`), which
 * read or write a file named by path without an unlocked vault; the renderer is untrusted and has no use for them.
 */
export type DesktopChannel = { [C in Channel]: (typeof ACCESS)[C] extends { desktop: false } ? never : C }[Channel];
export const DESKTOP_CHANNEL_NAMES = CHANNEL_NAMES.filter((c): c is DesktopChannel => !('desktop' in ACCESS[c]));

/** The roles that may call a channel (every role for `member` channels); null for `open` ones. */
export function rolesFor(channel: Channel): readonly Role[] | null {
  const { access } = ACCESS[channel];
  return access === 'open' ? null : access === 'member' ? ROLES : access;
}
