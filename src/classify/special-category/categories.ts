// The categories of special-category data (UK GDPR Art. 9(1)) and criminal-offence data (Art. 10) that the detector
// hints at, with the words a person reads. A hint is for a person to review; it never classifies the person.
// Gender identity is not named in Art. 9(1), but it is sensitive and often reveals data about health or sex life:
// it is reported as its own category and handled as Art. 9 data (the stricter case) by every guardrail.
// Genetic data is a carrier status or a test result about the person. Biometric data (Art. 9(1)) is defined by
// technical processing for identification, which free text cannot show: it has no terms (lexicon/genetic.ts).

export const SPECIAL_CATEGORIES = [
  'racial-or-ethnic-origin',
  'political-opinions',
  'religious-or-philosophical-beliefs',
  'trade-union-membership',
  'genetic-data',
  'health',
  'sex-life-or-sexual-orientation',
  'gender-identity',
  'criminal-offences',
] as const;
export type SpecialCategory = (typeof SPECIAL_CATEGORIES)[number];

export const SPECIAL_CATEGORY_LABELS: Record<SpecialCategory, string> = {
  'racial-or-ethnic-origin': 'racial or ethnic origin (Art. 9(1))',
  'political-opinions': 'political opinions (Art. 9(1))',
  'religious-or-philosophical-beliefs': 'religious or philosophical beliefs (Art. 9(1))',
  'trade-union-membership': 'trade-union membership (Art. 9(1))',
  'genetic-data': 'genetic or biometric data (Art. 9(1))',
  health: 'data concerning health (Art. 9(1))',
  'sex-life-or-sexual-orientation': 'sex life or sexual orientation (Art. 9(1))',
  'gender-identity': 'gender identity (not named in Art. 9(1), but often reveals health or sex life: handled as Art. 9 data)',
  'criminal-offences': 'criminal convictions and offences (Art. 10)',
};
