// The shapes of the values the core returns where the contract says only "an object" (anyObject). They mirror the
// core's types (src/report/report-schema.ts, src/vault/use-cases/*.ts), which the renderer may not import.
import type { Response } from '../src/api/contract.js';
import type { Role } from './lib/nav.js';

export type Member = NonNullable<Response<'vault.status'>['member']>;
export type { Role };

export interface ReportFinding {
  line: number;
  column: string | null;
  kind: string;
  detail: string;
  start?: number;
  end?: number;
  category?: string;
}

export interface InspectReport {
  source: {
    container: 'csv' | 'zip';
    entry: string | null;
    encoding: string;
    bom: boolean;
    delimiter: string;
    lineEnding: string;
    kind: 'linkedin-connections' | 'linkedin-imported-contacts';
    variant: string;
    preamble: boolean;
    headerLine: number;
    bytes: number;
    archive: { name: string; bytes: number; description: string }[];
  };
  records: number;
  columns: { header: string; category: string; personalData: boolean; filled: number; explanation: string }[];
  findings: ReportFinding[];
  errors: { line: number; message: string }[];
  summary: { byKind: Record<string, number>; byColumn: Record<string, number>; contactsWithEmail: number };
  notes: string[];
}

export interface CommitReport {
  importId: string;
  sha256: string;
  records: number;
  added: number;
  updated: number;
  duplicatesSkipped: number;
  duplicatesInFile: number;
  suppressedLines: number[];
  emptySkipped: number;
  errors: { line: number; message: string }[];
  columnsDropped: string[];
  fragmentsStripped: number;
  quarantined: number;
}

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

export interface ContactView {
  id: string;
  firstName: string;
  lastName: string;
  profileUrl: string | null;
  email: string | null;
  company: string;
  position: string;
  connectedOn: string | null;
  specialCategories: string[];
  soleTrader: boolean;
  extra: Record<string, string>;
  source: { importId: string; line: number };
  groupId: string | null;
  emailKind: 'corporate' | 'personal' | 'none';
  createdAt: string;
  updatedAt: string;
  expiresAt: string | null;
  legalHold: boolean;
  usable: boolean;
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
