// The shapes of the values the core returns: taken from the contract where it states them, and written out here
// where it says only "an object" (they mirror the core's types, which the renderer may not import).
import type { Response } from '../src/api/contract.js';

export type InspectReport = Response<'import.preview'>['report'];
export type ReportFinding = InspectReport['findings'][number];
export type CommitReport = Response<'import.commit'>;
export type ContactView = Response<'contacts.show'>;
import type { Role } from './lib/nav.js';

export type Member = NonNullable<Response<'vault.status'>['member']>;
export type { Role };




export type GroupRule =
  | { type: 'company'; companies: string[] }
  | { type: 'email-kind'; kind: 'corporate' | 'personal' | 'none' }
  | { type: 'connected-year'; from?: number; to?: number }
  | { type: 'position-keyword'; keywords: string[] }
  | { type: 'manual'; contactIds: string[] };

export interface SavedPolicy {
  basis: string;
  purpose: string;
  purposeDescription: string;
  evidence: Record<string, string>;
  art9Condition?: string;
  art9Justification?: string;
  art10Authority?: string;
  art14Notice: { status: 'sent' | 'planned' | 'exempt'; date: string; method: string; exemption?: string };
}

export interface GroupView {
  id: string;
  order: number;
  label: string;
  rule: GroupRule;
  policy: { policy: SavedPolicy; assignedAt: string; assignedBy: string; art14Due: string } | null;
  description: string;
  contacts: number;
}

export interface GroupsList {
  groups: GroupView[];
  unassigned: number;
  overdue: { groupId: string; label: string; due: string }[];
}


export interface RetentionPolicy {
  scope: { type: 'group'; groupId: string } | { type: 'basis'; basis: string };
  months: number;
  anchor: string;
}

export interface HoldView {
  id: string;
  contactId: string | null;
  groupId: string | null;
  reason: string;
  createdAt: string;
}

export interface Certificate {
  format: string;
  id: string;
  kind: 'scheduled' | 'erasure';
  issuedAt: string;
  vaultId: string;
  actor: { memberId: string } | { tokenId: string };
  policies: Record<string, string | number>[];
  destroyed: { total: number; byGroup: { groupId: string | null; basis: string | null; count: number }[] };
  audit: { seq: number; hash: string };
}

export type PurgeResult = Response<'destruction.run'>;

export interface AuditEntry {
  seq: number;
  at: string;
  member: string | null;
  action: string;
  outcome: 'success' | 'refused' | 'failed';
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export type AuditVerification = { ok: true; entries: number; head: string } | { ok: false; entries: number; brokenAt: number; problem: string };

export type MemberListItem = Response<'members.list'>[number];

/** A value the contract types as a plain object, read as the shape the core documents. */
export function as<T>(value: unknown): T {
  return value as T;
}
