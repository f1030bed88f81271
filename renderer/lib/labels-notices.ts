// Words the Notices & PECR screen shows for the vocabularies of Art. 14 notices and PECR's records
// (src/shared/vocabulary.ts). Each map is typed by its vocabulary, so a word added there without a label here is a
// type error; a plain string is looked up through `lookup` (lib/guards.ts).
import type {
  Art14Exemption,
  InferredSubscriberType,
  PersonNoticeStatus,
  SoftOptInContext,
  SourceKind,
  SubscriberEntity,
  SubscriberType,
  TpsList,
} from '../../src/shared/vocabulary.js';

/** One person's notice status, as a column heading or a tag. */
export const PERSON_NOTICE_STATUS_LABELS: Record<PersonNoticeStatus, string> = {
  due: 'Due',
  overdue: 'Overdue',
  sent: 'Told',
  exempt: 'Exempt',
  'carried-over': 'Carried over',
};

/** What each status means, for the summary table's key. */
export const PERSON_NOTICE_STATUS_HINTS: Record<PersonNoticeStatus, string> = {
  due: 'not yet told, still within their month',
  overdue: 'not told by their date, or their data was disclosed first (Art. 14(3))',
  sent: 'a notice was sent to them',
  exempt: 'an Art. 14(5) exemption applies',
  'carried-over': 'copied from an old group record: counts only once confirmed',
};

/** The grounds of Art. 14(5) for not telling a person. */
export const ART14_EXEMPTION_LABELS: Record<Art14Exemption, string> = {
  'already-informed': 'They already have the information — Art. 14(5)(a)',
  'disproportionate-effort': 'Telling them is impossible or would take disproportionate effort — Art. 14(5)(b)',
  'required-by-law': 'Obtaining or disclosing the data is required by law — Art. 14(5)(c)',
  'professional-secrecy': 'The data must stay confidential under professional secrecy — Art. 14(5)(d)',
};

export const INFERRED_SUBSCRIBER_LABELS: Record<InferredSubscriberType, string> = {
  'likely-corporate': 'Likely corporate',
  'likely-individual': 'Likely individual',
  unknown: 'Unknown',
};

export const SUBSCRIBER_TYPE_LABELS: Record<SubscriberType, string> = {
  corporate: 'Corporate subscriber',
  individual: 'Individual subscriber',
};

export const SUBSCRIBER_ENTITY_LABELS: Record<SubscriberEntity, string> = {
  company: 'A company (corporate subscriber)',
  llp: 'A limited liability partnership, LLP (corporate subscriber)',
  'scottish-partnership': 'A Scottish partnership (corporate subscriber)',
  'sole-trader': 'A sole trader (individual subscriber)',
  partnership: 'Another partnership, not Scottish (individual subscriber)',
  other: 'Someone else: a private person (individual subscriber)',
};

export const SOFT_OPT_IN_CONTEXT_LABELS: Record<SoftOptInContext, string> = {
  sale: 'A sale (they bought from us)',
  negotiation: 'Negotiations for a sale (they asked about buying)',
};

export const TPS_LIST_LABELS: Record<TpsList, string> = {
  tps: 'TPS (individuals)',
  ctps: 'CTPS (corporates)',
  both: 'Both TPS and CTPS',
};

export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  'linkedin-connections': 'Their LinkedIn connection with us',
  'linkedin-imported-contacts': 'An address book a member uploaded to LinkedIn',
  manual: 'Entered by hand',
};
