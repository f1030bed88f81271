// A contact's subscriber type under PECR (reg. 2, reg. 22): inferred from the data as likely corporate, likely
// individual or unknown, always with the reason in words, and overridden by what a person confirmed. The email domain
// alone never makes a corporate subscriber: a sole trader, or a partnership outside Scotland, is an individual
// subscriber whatever their address. Unknown is treated as individual.
import type { EmailKind, InferredSubscriberType, SubscriberEntity, SubscriberType } from '../shared/vocabulary.js';

/** What the inference reads: the contact's mailbox kind, the sole-trader words found at import, company and position. */
export interface SubscriberSignals {
  emailKind: EmailKind;
  soleTrader: boolean;
  company: string;
  position: string;
}

export interface SubscriberInference {
  type: InferredSubscriberType;
  /** Why, in one sentence a data owner can check against what they know. */
  reason: string;
}

/** What a person confirmed, for this contact or for every contact of its company (by the company name's blind index). */
export interface SubscriberConfirmation {
  type: SubscriberType;
  entity: SubscriberEntity;
  by: 'contact' | 'company';
}

export interface SubscriberStanding {
  inferred: SubscriberInference;
  confirmed: SubscriberConfirmation | null;
  /** What the PECR rules apply: the confirmed type, else corporate only when likely corporate (unknown is individual). */
  treatedAs: SubscriberType;
}

/**
 * PECR reg. 2: a corporate subscriber is a company, an LLP, a Scottish partnership or another corporate body; a sole
 * trader or another partnership is an individual subscriber, as is anyone else.
 */
export const ENTITY_TYPE: Record<SubscriberEntity, SubscriberType> = {
  company: 'corporate',
  llp: 'corporate',
  'scottish-partnership': 'corporate',
  'sole-trader': 'individual',
  partnership: 'individual',
  other: 'individual',
};

/** Company-form words that end a corporate body's name (dots removed first: "L.L.P." reads "LLP"). */
const CORPORATE_SUFFIXES = new Map<string, string>([
  ['ltd', 'Ltd'],
  ['limited', 'Limited'],
  ['plc', 'plc'],
  ['llp', 'LLP'],
  ['cyf', 'Cyf'],
  ['cyfyngedig', 'Cyfyngedig'],
  ['ccc', 'CCC'],
  ['cic', 'CIC'],
  ['inc', 'Inc'],
  ['incorporated', 'Incorporated'],
  ['corp', 'Corp'],
  ['corporation', 'Corporation'],
  ['llc', 'LLC'],
  ['gmbh', 'GmbH'],
  ['ag', 'AG'],
  ['bv', 'BV'],
  ['nv', 'NV'],
  ['sa', 'SA'],
  ['sas', 'SAS'],
  ['sarl', 'SARL'],
  ['srl', 'SRL'],
  ['spa', 'SpA'],
  ['ab', 'AB'],
  ['oy', 'Oy'],
]);

/** "& Co", "and Company", "Partners", "Partnership": a firm that may be an ordinary partnership. */
const PARTNERSHIP_NAME = /(?:&|\band)\s*(?:co|company)\b|\bpartners\b|\bpartnership\b/i;
/** "Partner" as the job title itself ("Partner", "Managing Partner", "Partner at …"), not "Partner Manager". */
const PARTNER_TITLE = /^(?:(?:managing|senior|equity|salaried|founding|general|name)\s+)?partner(?:\s*$|\s*[,;|/(@–—-]|\s+(?:at|of|in|with)\b)/i;
/** "Owner" or "Proprietor" as the job title itself, not "Product Owner". */
const OWNER_TITLE = /^(?:(?:sole|business)\s+)?(?:owner|proprietor)(?:\s*$|\s*[,;|/(@&–—-]|\s+(?:at|of|and)\b)/i;

/**
 * Short forms that are also everyday words ("Glow Spa", "Riverside Day Spa", "Sa", "Ab"): taken as a company form only
 * written as the form is written (SpA, SA, AB, AG, Oy, BV, NV), never in another case.
 */
const CASE_SENSITIVE = new Set(['spa', 'sa', 'ab', 'ag', 'oy', 'bv', 'nv']);

/** The company-form word that ends the name ("Ltd", "LLP", …), or null. */
export function corporateSuffix(company: string): string | null {
  const words = company.replace(/\./g, '').trim().split(/[\s,()]+/).filter(Boolean);
  const word = words.at(-1);
  if (word === undefined || words.length < 2) return null;
  const form = CORPORATE_SUFFIXES.get(word.toLowerCase()) ?? null;
  return form !== null && CASE_SENSITIVE.has(word.toLowerCase()) && word !== form ? null : form;
}

const SCOTLAND =
  'a partnership outside Scotland is an individual subscriber, a Scottish partnership a corporate one, and the data cannot tell which: confirm it';

/** The subscriber type the data suggests, and why. The first rule that applies decides; individual signs come first. */
export function inferSubscriberType(s: SubscriberSignals): SubscriberInference {
  const company = s.company.trim();
  const suffix = corporateSuffix(company);
  if (s.emailKind === 'personal') {
    return { type: 'likely-individual', reason: 'A personal mailbox (a free-mail domain): the person holds it themselves, so they are an individual subscriber.' };
  }
  if (s.soleTrader) {
    return { type: 'likely-individual', reason: 'Self-employed, freelance or sole-trader words in the company or position: a sole trader is an individual subscriber whatever their address.' };
  }
  if (suffix === null && PARTNERSHIP_NAME.test(company)) {
    return { type: 'likely-individual', reason: `Partnership words in the company name ("& Co", "Partners"), and no Ltd, plc or LLP: ${SCOTLAND}.` };
  }
  if (suffix === null && PARTNER_TITLE.test(s.position.trim())) {
    return { type: 'likely-individual', reason: `"Partner" as the job title, at a firm with no Ltd, plc or LLP in its name: ${SCOTLAND}.` };
  }
  if (suffix === null && OWNER_TITLE.test(s.position.trim())) {
    return { type: 'likely-individual', reason: '"Owner" or "Proprietor" as the job title, at a business with no Ltd, plc or LLP in its name: likely a sole trader, an individual subscriber.' };
  }
  if (s.emailKind === 'none') return { type: 'unknown', reason: 'No email address: nothing in the data shows who holds the mailbox or the line.' };
  if (suffix === 'LLP') return { type: 'likely-corporate', reason: 'The firm is an LLP: a limited liability partnership is a corporate subscriber.' };
  if (suffix !== null) return { type: 'likely-corporate', reason: `The company name ends in "${suffix}", which suggests a company: a company is a corporate subscriber (confirm it to be sure).` };
  if (company !== '') {
    return {
      type: 'likely-corporate',
      reason: 'Only a work mailbox (not a free-mail domain) and a company name, with no sign of a sole trader or a partnership: confirm it to be sure.',
    };
  }
  return { type: 'unknown', reason: 'A work mailbox but no company name: the data does not show whose mailbox it is.' };
}

/** The contact's standing: a confirmation decides; otherwise only "likely corporate" is corporate. */
export function subscriberStanding(signals: SubscriberSignals, confirmed: SubscriberConfirmation | null = null): SubscriberStanding {
  const inferred = inferSubscriberType(signals);
  return { inferred, confirmed, treatedAs: confirmed?.type ?? (inferred.type === 'likely-corporate' ? 'corporate' : 'individual') };
}

/**
 * A company name as its blind index is taken: Unicode-compatible, lower case, without dots, a comma read as a space, one space
 * between words, "limited" as "ltd". So "Dee & Co." and "dee & co" are one company; '' when nothing is left.
 */
export function normaliseCompanyName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\./g, '')
    .replace(/,/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\blimited$/, 'ltd');
}
