// The words the whole product shares, each list defined once: the core validates with them, the contract builds its
// zod enums from them, the CLI offers them as choices, the renderer labels them, and the audit log accepts them as
// the only free-standing words in its details. Add a value here and every layer sees it.

/** Who may do what (docs/architecture.md, "Roles"): a member holds one or more. */
export const ROLES = ['admin', 'data-owner', 'importer'] as const;
export type Role = (typeof ROLES)[number];

/** A role as it reads in a sentence ("Only an admin can …"). */
export const ROLE_NAMES: Record<Role, string> = {
  admin: 'an admin',
  'data-owner': 'a data owner',
  importer: 'an importer',
};

/** The lawful bases of UK GDPR Art. 6(1)(a)-(f), in order. */
export const LAWFUL_BASES = ['consent', 'contract', 'legal-obligation', 'vital-interests', 'public-task', 'legitimate-interests'] as const;
export type LawfulBasis = (typeof LAWFUL_BASES)[number];

/** What a group's contacts are used for (purpose limitation, Art. 5(1)(b)); exports are made for one purpose. */
export const PURPOSES = ['email-marketing', 'prospecting', 'recruitment', 'networking', 'account-management', 'events', 'other'] as const;
export type Purpose = (typeof PURPOSES)[number];

/** What the inspector flags in a cell or a record (src/classify/findings.ts explains each). */
export const FINDING_KINDS = [
  'email-address',
  'phone-number',
  'personal-mailbox',
  'corporate-mailbox',
  'sole-trader',
  'special-category',
  'formula',
  'duplicate',
  'empty-record',
  'invalid-email',
  'invalid-date',
  'invalid-url',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** The findings whose fragments an import can cut out of a cell before it is stored (data minimisation). */
export const STRIPPABLE = ['phone-number', 'email-address', 'special-category'] as const;
export type Strippable = (typeof STRIPPABLE)[number];

/** A contact's mailbox, as PECR reg. 22 sees it: a corporate subscriber, an individual one, or no email. */
export const EMAIL_KINDS = ['corporate', 'personal', 'none'] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

/** The kinds of rule that put a contact into a group. */
export const RULE_TYPES = ['company', 'email-kind', 'connected-year', 'position-keyword', 'manual'] as const;
export type RuleType = (typeof RULE_TYPES)[number];

/** The dates a retention period may count from. */
export const ANCHORS = ['imported', 'connected', 'basis-assigned', 'last-review'] as const;
export type Anchor = (typeof ANCHORS)[number];

/** What to do with a record that is already in the vault. */
export const ON_DUPLICATE = ['skip', 'update'] as const;
export type OnDuplicate = (typeof ON_DUPLICATE)[number];

/** Why a person is on the suppression list. */
export const SUPPRESSION_REASONS = ['erasure', 'objection'] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];

/** How an Art. 14 notice stands. */
export const NOTICE_STATUSES = ['sent', 'planned', 'exempt'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

/** The fields a CRM export may carry. */
export const CRM_FIELDS = ['firstName', 'lastName', 'email', 'company', 'position', 'profileUrl', 'connectedOn'] as const;
export type CrmField = (typeof CRM_FIELDS)[number];

/** What the audit log records of how an entry ended. */
export const AUDIT_OUTCOMES = ['success', 'refused', 'failed'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** The kinds of destruction certificate. */
export const CERTIFICATE_KINDS = ['scheduled', 'erasure'] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];

/** How a member unlocked. */
export const UNLOCK_METHODS = ['passphrase', 'recovery', 'keychain'] as const;
