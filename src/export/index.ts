// The export module: sanitised CSV for a CRM, one person's data (Art. 15) and the records of processing
// (Art. 30). Pure: no Node built-ins, no I/O, no clock; plain data in, strings out.
export { CRLF, neutraliseCell, toCsv, UTF8_BOM } from './csv-cell.js';
export {
  CRM_FIELDS,
  crmDecisions,
  crmExport,
  excludedUnread,
  HUBSPOT_LEGAL_BASES,
  HUBSPOT_LEGAL_BASIS_COLUMN,
  hubspotLegalBasis,
  type CrmDecisions,
  type CrmExportOptions,
  type CrmExportResult,
  type CrmField,
  type ExportableContact,
  type HubSpotLegalBasis,
  type UnreadContact,
} from './crm-export.js';
export { rightsOf, subjectAccessCsv, subjectAccessJson, type SubjectAccessData } from './subject-access.js';
export { art30Csv, art30Markdown, DEFAULT_SECURITY_MEASURES, markdownText, type Art30Group, type Art30Input } from './art30-report.js';
export { BASIS_WORDS, PURPOSE_WORDS, SOURCE_BY_KIND, SOURCE_WORDS } from './labels.js';
export { ICO_COMPLAINTS_URL, privacyNotice, type PrivacyNoticeInput } from './privacy-notice.js';
