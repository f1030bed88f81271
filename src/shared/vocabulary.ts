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

/** The conditions of UK GDPR Art. 9(2)(a)-(j) for special-category data, in order. */
export const ART9_CONDITIONS = [
  'explicit-consent', // (a)
  'employment-social-security', // (b)
  'vital-interests', // (c)
  'not-for-profit-body', // (d)
  'made-public-by-data-subject', // (e)
  'legal-claims', // (f)
  'substantial-public-interest', // (g)
  'health-social-care', // (h)
  'public-health', // (i)
  'archiving-research', // (j)
] as const;
export type Art9Condition = (typeof ART9_CONDITIONS)[number];

/**
 * The conditions of Art. 9(2) that have a basis in UK law only through a condition of DPA 2018 Sch. 1 (s.10(2)-(3)):
 * which part of the Schedule, and whether that condition is met only with an appropriate policy document in place
 * (Sch. 1 para. 1(1)(b) for employment, para. 5(1) for Part 2; paras. 2-4 ask for none).
 */
export const ART9_SCHEDULE_1: Partial<Record<Art9Condition, { paragraph: string; apd: boolean }>> = {
  'employment-social-security': { paragraph: 'Sch. 1 para. 1', apd: true },
  'substantial-public-interest': { paragraph: 'a condition of Sch. 1 Part 2', apd: true },
  'health-social-care': { paragraph: 'Sch. 1 para. 2', apd: false },
  'public-health': { paragraph: 'Sch. 1 para. 3', apd: false },
  'archiving-research': { paragraph: 'Sch. 1 para. 4', apd: false },
};

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

/**
 * A contact's mailbox: a work address (its domain is not a free-mail one), a personal one, or no email. A work address
 * only suggests a corporate subscriber (PECR reg. 2): a sole trader, or a partnership outside Scotland, is an
 * individual subscriber whatever their address (src/policy/subscriber-type.ts); `subscriber confirm` settles it.
 */
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

/** What a contacts list may be narrowed to: usable (in a group with a lawful basis), quarantined, or under a legal hold. */
export const CONTACT_STATUSES = ['all', 'usable', 'quarantined', 'held'] as const;
export type ContactStatus = (typeof CONTACT_STATUSES)[number];

/** The most contacts one page of a list holds: the renderer never receives more (issue 13). */
export const MAX_PAGE = 500;
export type OnDuplicate = (typeof ON_DUPLICATE)[number];

/**
 * Why a person is on the suppression list: erased (Art. 17), objected (Art. 21: every use, and absolutely to direct
 * marketing), or withdrew a consent (Art. 7(3): that consent's purpose only).
 */
export const SUPPRESSION_REASONS = ['erasure', 'objection', 'consent-withdrawn'] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];

/** A group's plan for its Art. 14 notice (who was actually told is recorded per person: PERSON_NOTICE_STATUSES). */
export const NOTICE_STATUSES = ['sent', 'planned', 'exempt'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

/**
 * How one person's Art. 14 notice stands: not yet told (due, or overdue once its date passes), told (sent), or exempt
 * under Art. 14(5); a record carried over from a group record (before schema 6) counts only once a data owner confirms it.
 */
export const PERSON_NOTICE_STATUSES = ['due', 'overdue', 'sent', 'exempt', 'carried-over'] as const;
export type PersonNoticeStatus = (typeof PERSON_NOTICE_STATUSES)[number];

/** The grounds of Art. 14(5)(a)-(d) for not telling a person. */
export const ART14_EXEMPTIONS = ['already-informed', 'disproportionate-effort', 'required-by-law', 'professional-secrecy'] as const;
export type Art14Exemption = (typeof ART14_EXEMPTIONS)[number];

/** The channels a person is reached on, for consent, notices and (issue 11) marketing rules. */
export const CONTACT_CHANNELS = ['email', 'sms', 'phone', 'post', 'linkedin'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/**
 * The channels that are electronic mail under PECR (reg. 2: text, voice, sound or image messages stored in the network
 * or the recipient's terminal): email, SMS, and a LinkedIn message that markets. Reg. 22 governs them.
 */
export const ELECTRONIC_MAIL_CHANNELS = ['email', 'sms', 'linkedin'] as const satisfies readonly ContactChannel[];

/**
 * A subscriber under PECR reg. 2, as a person confirmed it: corporate (a company, an LLP, a Scottish partnership) or
 * individual (a sole trader, another partnership, anyone else).
 */
export const SUBSCRIBER_TYPES = ['corporate', 'individual'] as const;
export type SubscriberType = (typeof SUBSCRIBER_TYPES)[number];

/** What a subscriber is, as a person confirms it; each maps to one SUBSCRIBER_TYPES value (src/policy/subscriber-type.ts). */
export const SUBSCRIBER_ENTITIES = ['company', 'llp', 'scottish-partnership', 'sole-trader', 'partnership', 'other'] as const;
export type SubscriberEntity = (typeof SUBSCRIBER_ENTITIES)[number];

/** A subscriber type inferred from the data, never stated as fact: unknown is treated as individual. */
export const INFERRED_SUBSCRIBER_TYPES = ['likely-corporate', 'likely-individual', 'unknown'] as const;
export type InferredSubscriberType = (typeof INFERRED_SUBSCRIBER_TYPES)[number];

/** The channels a soft opt-in may cover (PECR reg. 22(3): electronic mail; the vault records email and SMS). */
export const SOFT_OPT_IN_CHANNELS = ['email', 'sms'] as const satisfies readonly ContactChannel[];
export type SoftOptInChannel = (typeof SOFT_OPT_IN_CHANNELS)[number];

/** Where the details were obtained for a soft opt-in (PECR reg. 22(3)(a)): a sale, or negotiations for one. */
export const SOFT_OPT_IN_CONTEXTS = ['sale', 'negotiation'] as const;
export type SoftOptInContext = (typeof SOFT_OPT_IN_CONTEXTS)[number];

/**
 * The registers a phone list is screened against (PECR reg. 21(1)(b), the register kept under reg. 26): TPS
 * (individuals), CTPS (corporates), both.
 */
export const TPS_LISTS = ['tps', 'ctps', 'both'] as const;
export type TpsList = (typeof TPS_LISTS)[number];

/** How a consent was given or withdrawn, or how a notice was delivered by hand. */
export const CONSENT_METHODS = ['form', 'reply', 'call', 'in-person', 'unsubscribe-link', 'other'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

/** Purposes that are direct marketing (promotion of the organisation, its products or aims: DPA 2018 s.122(5)). */
export const MARKETING_PURPOSES = ['email-marketing', 'prospecting', 'events'] as const satisfies readonly Purpose[];

/**
 * Whether a purpose is always direct marketing (MARKETING_PURPOSES): the one definition every layer uses. An export
 * for another purpose may still be declared direct marketing (src/export/crm-export.ts, `directMarketing`).
 */
export const isMarketingPurpose = (purpose: Purpose | ''): boolean => (MARKETING_PURPOSES as readonly string[]).includes(purpose);

/** Whether a recipient acts for us (Art. 28 processor) or on its own account (controller). */
export const RECIPIENT_ROLES = ['processor', 'controller'] as const;
export type RecipientRole = (typeof RECIPIENT_ROLES)[number];

/**
 * How data reaches a recipient outside the UK lawfully (UK GDPR Chapter V): no transfer (hosted in the UK), UK adequacy
 * regulations, the ICO's IDTA, the UK Addendum to the EU SCCs, binding corporate rules, or an Art. 49 derogation.
 */
export const TRANSFER_MECHANISMS = ['none', 'adequacy', 'idta', 'uk-addendum', 'binding-corporate-rules', 'art49-derogation'] as const;
export type TransferMechanism = (typeof TRANSFER_MECHANISMS)[number];

/** What a recipient must be told under Art. 19. */
export const ART19_KINDS = ['erasure', 'rectification'] as const;
export type Art19Kind = (typeof ART19_KINDS)[number];

/** Where a person's data came from (Art. 14(2)(f)). */
export const SOURCE_KINDS = ['linkedin-connections', 'linkedin-imported-contacts', 'manual'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/**
 * Why a CRM export leaves a person out: on the suppression list, withdrew consent for this purpose, in quarantine,
 * in a group for another purpose, in a consent group without their own live consent, not yet told (Art. 14) for a
 * marketing export, or already told (a notice run sends the notice to those not yet told), or, for a marketing export,
 * in a legitimate-interests group whose assessment is not signed off or is past its review date, or, for direct
 * marketing by SMS, an individual subscriber without consent or a soft opt-in covering SMS (the vault holds no number
 * to withhold, so the row itself is left out), or a hint at special-category or criminal-offence data outside the job
 * title that the group's basis has no Art. 9(2) condition (or Art. 10 authority) for (src/export/special-category-export.ts).
 */
export const CRM_EXCLUSIONS = [
  'basis-not-for-marketing',
  'suppressed',
  'consent-withdrawn',
  'no-lawful-basis',
  'purpose-differs',
  'no-consent-on-record',
  'notice-not-given',
  'notice-already-given',
  'lia-not-current',
  'channel-not-allowed',
  'special-category-without-condition',
] as const;
export type CrmExclusion = (typeof CRM_EXCLUSIONS)[number];

/**
 * Why a cell of an exported row is left empty (PECR reg. 22(2)-(3)): an individual subscriber with neither consent nor
 * a soft opt-in covering the channel, or a consent group's person whose consent does not cover email (or LinkedIn).
 */
export const WITHHELD_REASONS = ['individual-subscriber-without-consent', 'consent-does-not-cover-email', 'consent-does-not-cover-linkedin'] as const;
export type WithheldReason = (typeof WITHHELD_REASONS)[number];

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
