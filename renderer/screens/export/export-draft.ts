// The CRM export form's draft and its rules, pure: what is wrong with it field by field, and the preview's request
// built from a valid one (export-options.tsx shows them).
import type { Request } from '../../../src/api/contract.js';
import { CONTACT_CHANNELS, CRM_FIELDS, isMarketingPurpose, type ContactChannel, type CrmField, type Purpose } from '../../../src/shared/vocabulary.js';

export interface ExportDraft {
  purpose: Purpose;
  channels: ContactChannel[];
  fields: CrmField[];
  /** '' until the person answers; asked only when the purpose is not always direct marketing. */
  directMarketing: 'yes' | 'no' | '';
  noticeRun: boolean;
  recipientId: string;
}

export const EMPTY_DRAFT: ExportDraft = { purpose: 'networking', channels: ['email'], fields: [...CRM_FIELDS], directMarketing: '', noticeRun: false, recipientId: '' };

export type DraftErrors = Partial<Record<'channels' | 'fields' | 'directMarketing' | 'recipientId', string>>;

/** What is wrong with the draft, field by field; the recipient only matters for the export itself. */
export function draftErrors(d: ExportDraft, forExport: boolean): DraftErrors {
  const errors: DraftErrors = {};
  if (d.channels.length === 0) errors.channels = 'Choose at least one channel the file is for: PECR’s rules follow the channels.';
  if (d.fields.length === 0) errors.fields = 'Choose at least one field to export.';
  if (!isMarketingPurpose(d.purpose) && d.directMarketing === '') errors.directMarketing = 'Say whether this export is direct marketing.';
  if (forExport && d.recipientId === '') errors.recipientId = 'Choose who receives the file: every export is recorded as a disclosure to them.';
  return errors;
}

/** The preview's request from a valid draft (the export adds the recipient). */
export function previewRequest(d: ExportDraft): Request<'export.preview'> {
  return {
    purpose: d.purpose,
    channels: CONTACT_CHANNELS.filter((c) => d.channels.includes(c)),
    fields: CRM_FIELDS.filter((f) => d.fields.includes(f)),
    noticeRun: d.noticeRun,
    ...(isMarketingPurpose(d.purpose) ? {} : { directMarketing: d.directMarketing === 'yes' }),
  };
}

