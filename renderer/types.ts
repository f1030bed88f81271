// The shapes of the values the renderer sends and receives, every one derived from the contract (src/api/contract.ts):
// none is written out here, so a change to a schema is a type error wherever a screen relies on the old shape.
import type { Request, Response } from '../src/api/contract.js';

// Sessions and members.
export type Member = NonNullable<Response<'vault.status'>['member']>;
export type MemberListItem = Response<'members.list'>[number];

// Import.
export type InspectReport = Response<'import.preview'>['report'];
export type ReportFinding = InspectReport['findings'][number];
export type CommitRequest = Request<'import.commit'>;
export type CommitReport = Response<'import.commit'>;

// Groups and lawful bases.
export type GroupsList = Response<'groups.list'>;
export type GroupView = GroupsList['groups'][number];
export type GroupRule = Request<'groups.add'>['rule'];
export type AssignedPolicy = NonNullable<GroupView['policy']>;
/** A group's policy as the core saved it (validated: a lawful basis, its evidence, the Art. 14 notice). */
export type SavedPolicy = AssignedPolicy['policy'];
/** A policy as a form drafts it for policy.check and policy.assign: every field a string, any may be missing. */
export type PolicyDraft = Request<'policy.check'>['policy'];
export type Art9Condition = NonNullable<SavedPolicy['art9Condition']>;
export type Guardrail = Response<'policy.check'>['guardrails'][number];

// Contacts and data subjects' requests.
export type ContactView = Response<'contacts.show'>;
/** One page of contacts: at most a page of rows, the total that match, and where the page starts. */
export type ContactsPage = Response<'contacts.list'>;
export type ContactStatusFilter = NonNullable<Request<'contacts.list'>['status']>;
/** Who a subject access or erasure request is about. */
export type PersonSelector = Request<'contacts.access'>;

// Retention and destruction.
/** The retention settings: the policies, the vault's default and the quarantine period. */
export type RetentionList = Response<'retention.list'>;
export type RetentionPolicyView = Response<'retention.list'>['policies'][number];
export type DefaultRetentionView = Response<'retention.list'>['defaultRetention'];
export type RetentionPolicy = RetentionPolicyView['policy'];
export type RetentionScope = RetentionPolicy['scope'];
/** A policy as an admin sets it: the rule and why this period. */
export type RetentionPolicyInput = Request<'retention.set'>['policy'];
export type Schedule = Response<'retention.schedule'>;
export type HoldsPage = Response<'holds.list'>;
export type HoldView = HoldsPage['holds'][number];
export type HoldRequest = Request<'holds.place'>;
export type PurgeResult = Response<'destruction.run'>;
export type CertificatesPage = Response<'certificates.list'>;
export type Certificate = CertificatesPage['certificates'][number];

// Accountability.
export type AuditEntry = Response<'audit.entries'>['entries'][number];
export type AuditPage = Response<'audit.entries'>;
export type AuditVerification = Response<'audit.verify'>;
/** What a change that recomputes due dates brought forward (groups.remove, retention.set/remove, quarantine.set). */
export type Impact = Response<'quarantine.set'>['impact'];
