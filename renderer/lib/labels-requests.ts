// Words the People's requests screen shows for the vocabularies of the suppression list, consent records and Art. 19
// tasks (src/shared/vocabulary.ts). Each map is typed by its vocabulary, so a word added there without a label here
// is a type error; a plain string (read from a subject access report) is looked up through `lookup` (lib/guards.ts).
import type { Art19Kind, ConsentMethod, SuppressionReason } from '../../src/shared/vocabulary.js';
import { lookup } from './guards.js';
import { CHANNEL_LABELS, humanise } from './labels.js';

/** Why a person is on the suppression list. */
export const SUPPRESSION_REASON_LABELS: Record<SuppressionReason, string> = {
  erasure: 'Erased on request (Art. 17)',
  objection: 'Objected (Art. 21)',
  'consent-withdrawn': 'Withdrew consent (Art. 7(3))',
};

/** How consent was given or withdrawn. */
export const CONSENT_METHOD_LABELS: Record<ConsentMethod, string> = {
  form: 'A form (web or paper)',
  reply: 'A reply (email or message)',
  call: 'A phone call',
  'in-person': 'In person',
  'unsubscribe-link': 'An unsubscribe link',
  other: 'Another way',
};

/** What a recipient must be told of (Art. 19). */
export const ART19_KIND_LABELS: Record<Art19Kind, string> = {
  erasure: 'Erasure',
  rectification: 'Rectification',
};

/** A word of one of these vocabularies in words, or the word humanised when it is none of them (a newer core). */
export const suppressionReasonLabel = (reason: string): string => lookup(SUPPRESSION_REASON_LABELS, reason) ?? humanise(reason);
export const consentMethodLabel = (method: string): string => lookup(CONSENT_METHOD_LABELS, method) ?? humanise(method);
export const channelLabel = (channel: string): string => lookup(CHANNEL_LABELS, channel) ?? humanise(channel);
export const channelsLabel = (channels: readonly string[]): string => channels.map(channelLabel).join(', ');
