// Every category's lexicon, in the order of SPECIAL_CATEGORIES (categories.ts). Each file names the public
// vocabularies its terms come from and what it leaves out on purpose. A term lives in one category only: where two
// categories list the same phrase, the detector takes the first category's entry.
import { CRIMINAL_OFFENCES } from './criminal-offences.js';
import { ETHNICITY } from './ethnicity.js';
import { GENDER_IDENTITY } from './gender-identity.js';
import { GENETIC } from './genetic.js';
import { HEALTH } from './health.js';
import { POLITICS } from './politics.js';
import { RELIGION } from './religion.js';
import { SEXUAL_ORIENTATION } from './sexual-orientation.js';
import { TRADE_UNIONS } from './trade-unions.js';
import type { CategoryLexicon } from './types.js';

export const LEXICON: readonly CategoryLexicon[] = [
  ETHNICITY,
  POLITICS,
  RELIGION,
  TRADE_UNIONS,
  GENETIC,
  HEALTH,
  SEXUAL_ORIENTATION,
  GENDER_IDENTITY,
  CRIMINAL_OFFENCES,
];
