// Genetic data (UK GDPR Art. 9(1), defined in Art. 4(13)): a person's inherited characteristics, in the words a
// headline uses about oneself: a carrier status or a test result ("BRCA2 carrier", "previvor", "Lynch syndrome").
// Vocabulary: the NHS pages on inherited cancer genes (BRCA1, BRCA2, Lynch syndrome), Huntington's disease and
// carrier screening, and the National Genomic Test Directory's names for the commonest tested conditions.
// Left out on purpose:
// - biometric data (Art. 4(14)) is defined by technical processing that identifies a person: free text cannot show
//   it, so no term hints at it ("fingerprint", "face ID" in a title are jobs, not data about the person).
// - occupations and fields: "geneticist", "genetic counsellor", "genomics", "DNA", "23andMe" (working for it or
//   studying genes says nothing of one's own genes).
// - inherited conditions that are illnesses (Huntington's disease, cystic fibrosis, sickle cell, haemochromatosis)
//   are in the health lexicon; only the carrier status and the gene are here ("sickle cell trait", "CF carrier").
// - "carrier" alone (Carrier, aircraft carriers, mobile carriers) and "carrier of" are cues, not terms.
// - "genetic condition" and the like are subjects, not self-descriptions: a "genetic conditions nurse" serves them.
import type { CategoryLexicon } from './types.js';

export const GENETIC: CategoryLexicon = {
  category: 'genetic-data',
  sources: [
    'UK GDPR Art. 4(13) (genetic data) and Art. 4(14) (biometric data)',
    'NHS: "Predictive genetic tests for cancer risk genes" (BRCA1, BRCA2, Lynch syndrome)',
    'NHS: Huntington\'s disease (the predictive test), sickle cell and thalassaemia carrier screening',
    'NHS England: National Genomic Test Directory',
  ],
  terms: {
    self: [
      'Huntington\'s disease gene carrier', 'homozygous', 'heterozygous', 'whole genome sequenced',
      'BRCA carrier', 'BRCA1 carrier', 'BRCA2 carrier', 'BRCA positive', 'BRCA1 positive', 'BRCA2 positive',
      'BRCA mutation carrier', 'previvor', 'gene carrier', 'genetic carrier', 'Huntington\'s gene', 'Huntingtons gene',
      'HD gene carrier', 'sickle cell trait', 'cystic fibrosis carrier', 'CF carrier', 'thalassaemia trait',
      'thalassemia trait', 'APOE4 carrier',
    ],
    subject: [
      'HD gene', 'MTHFR', 'Tay-Sachs', 'C282Y', 'Lynch', 'genome sequenced', 'Genomes Project participant',
      'BRCA', 'BRCA1', 'BRCA2', 'PALB2', 'Lynch syndrome', 'hereditary cancer', 'Huntington\'s', 'Huntingtons', 'APOE4',
      'factor V Leiden', 'Li-Fraumeni', 'gene mutation', 'genetic mutation',
      'genetic condition', 'genetic disorder', 'inherited condition',
    ],
  },
  cues: [
    'carrier', 'carrier of', 'positive', 'previvor', 'mutation', 'variant', 'gene', 'genes', 'tested', 'test result',
    'inherited', 'hereditary', 'family history', 'high risk', 'risk-reducing', 'genetic test', 'genetic testing',
  ],
};
