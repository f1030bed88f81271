// Curated hints of special-category data (UK GDPR Art. 9(1)) and criminal-offence data (Art. 10) in free text.
// A hint is for a person to review; it never classifies the person. Terms were chosen to point at the person
// themselves (a role in a union, a faith or a party; a condition they live with), not at a job in a sector:
// "Nurse", "NHS", "Ministry of …" and "Mental Health Nurse" alone are not hints. Review this list when it changes.
// Biometric data (Art. 9(1)) is defined by technical processing for identification, which free text cannot show:
// it has no terms on purpose.

export type SpecialCategory =
  | 'racial-or-ethnic-origin'
  | 'political-opinions'
  | 'religious-or-philosophical-beliefs'
  | 'trade-union-membership'
  | 'genetic-data'
  | 'health'
  | 'sex-life-or-sexual-orientation'
  | 'criminal-offences';

export const SPECIAL_CATEGORY_LABELS: Record<SpecialCategory, string> = {
  'racial-or-ethnic-origin': 'racial or ethnic origin (Art. 9(1))',
  'political-opinions': 'political opinions (Art. 9(1))',
  'religious-or-philosophical-beliefs': 'religious or philosophical beliefs (Art. 9(1))',
  'trade-union-membership': 'trade-union membership (Art. 9(1))',
  'genetic-data': 'genetic data (Art. 9(1))',
  health: 'data concerning health (Art. 9(1))',
  'sex-life-or-sexual-orientation': 'sex life or sexual orientation (Art. 9(1))',
  'criminal-offences': 'criminal convictions and offences (Art. 10)',
};

/** Lower-case phrases; matched case-insensitively as whole words. */
export const SPECIAL_CATEGORY_TERMS: Record<SpecialCategory, string[]> = {
  'trade-union-membership': [
    'trade union', 'trades union', 'union rep', 'union representative', 'union official', 'union organiser',
    'union organizer', 'shop steward', 'unite the union', 'unison', 'gmb union', 'tuc', 'usdaw', 'nasuwt',
    'national education union', 'rmt union', 'pcs union', 'communication workers union', 'teamsters', 'ver.di',
  ],
  'religious-or-philosophical-beliefs': [
    'pastor', 'priest', 'imam', 'rabbi', 'chaplain', 'vicar', 'curate', 'deacon', 'bishop', 'minister of religion',
    'missionary', 'church', 'chapel', 'mosque', 'synagogue', 'gurdwara', 'parish', 'diocese', 'christian', 'muslim',
    'islamic', 'jewish', 'hindu', 'sikh', 'buddhist', 'catholic', 'evangelical', 'quaker', 'humanist', 'atheist',
    'faith leader', 'worship leader', 'bible study', 'quran',
  ],
  'political-opinions': [
    'labour party', 'conservative party', 'conservatives', 'tory', 'tories', 'liberal democrat', 'liberal democrats',
    'lib dem', 'lib dems', 'green party', 'snp', 'plaid cymru', 'reform uk', 'ukip', 'sinn féin', 'sinn fein',
    'democratic party', 'republican party', 'party member', 'party candidate', 'parliamentary candidate',
    'councillor', 'member of parliament', 'mep', 'socialist', 'communist party', 'extinction rebellion',
  ],
  health: [
    'living with', 'diagnosed with', 'cancer survivor', 'survivor of', 'my own story', 'in recovery', 'hiv',
    'hiv+', 'diabetes', 'diabetic', 'multiple sclerosis', 'autistic', 'autism', 'adhd', 'dyslexic', 'dyslexia',
    'neurodivergent', 'disabled', 'disability', 'wheelchair user', 'deaf', 'chronic illness', 'depression',
    'bipolar', 'ptsd', 'long covid', 'epilepsy', 'pregnant', 'on sick leave', 'mental health recovery',
  ],
  'sex-life-or-sexual-orientation': [
    'lgbt', 'lgbt+', 'lgbtq', 'lgbtq+', 'lgbtqia', 'lgbtqia+', 'gay', 'lesbian', 'bisexual', 'queer', 'transgender',
    'trans woman', 'trans man', 'non-binary', 'pride network', 'stonewall',
  ],
  'racial-or-ethnic-origin': [
    'bame', 'bme network', 'ethnic minority', 'race equality network', 'black professionals', 'black british',
    'african caribbean', 'black in tech', 'latinx', 'indigenous', 'aboriginal', 'first nations', 'traveller community',
  ],
  'genetic-data': ['genetic condition', 'brca carrier', 'brca1', 'brca2', 'huntington'],
  'criminal-offences': [
    'ex-offender', 'former offender', 'prison leaver', 'served time', 'criminal record', 'on probation',
    'formerly incarcerated', 'ex-prisoner',
  ],
};
