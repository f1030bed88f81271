// Gender identity: not named in Art. 9(1), but handled as Art. 9 data (categories.ts). Vocabulary: the ONS Census
// 2021 gender-identity write-ins (trans woman, trans man, non-binary, other identities), the Equality Act 2010's
// protected characteristic of gender reassignment (s.7), and the pronoun sets people put in a headline
// ("they/them"; the detector joins the two words across the slash).
// Left out on purpose:
// - "trans" alone is `ambiguous` (trans-Atlantic, TransUnion, Trans Mountain, Trans-Pennine), counted with a cue
//   ("trans network", "proud", "trans community"); "trans woman", "trans man" and "trans person" are
//   self-descriptions.
// - "transitioning", "transition": a career change far more often ("transitioning into tech", "energy transition"),
//   and their cues would be everyday words ("network", "people"); not listed.
// - "she/her" and "he/him": a binary pronoun set says nothing of a trans history. Mixed sets ("she/they") are listed.
// - "MTF" (a multilateral trading facility) and "FTM": the long forms "trans woman" and "trans man" are listed.
// - "gender diverse" ("gender-diverse boards") and "gender identity" itself (a policy or research subject).
// - "intersex" is listed here, though it describes sex characteristics, not an identity: the closest category a
//   reviewer reads, and handled as Art. 9 data like the rest.
import type { CategoryLexicon } from './types.js';

export const GENDER_IDENTITY: CategoryLexicon = {
  category: 'gender-identity',
  sources: [
    'ONS Census 2021 dictionary: "Gender identity (detailed)" (trans woman, trans man, non-binary, all other)',
    'Equality Act 2010 s.7 (gender reassignment)',
    'GLAAD Media Reference Guide: transgender terms',
  ],
  terms: {
    self: [
      'transwoman', 'transman', 'trans man',
      'post-transition', 'transitioned at work', 'trans dad', 'trans mum', 'trans parent',
      'transgender', 'trans woman', 'trans person', 'trans masc', 'trans femme', 'transmasculine',
      'transfeminine', 'non-binary', 'nonbinary', 'enby', 'genderqueer', 'genderfluid', 'gender-fluid', 'agender',
      'bigender', 'two-spirit', 'gender non-conforming', 'gender nonconforming', 'intersex', 'they/them', 'she/they',
      'he/they', 'they/she', 'they/he', 'xe/xem', 'ze/zir', 'ze/hir',
    ],
    ambiguous: ['trans'],
  },
  cues: [
    'woman', 'man', 'dad', 'mum', 'person', 'parent',
    'community', 'network', 'staff network', 'rights', 'proud', 'proudly', 'Pride', 'visibility', 'LGBT', 'LGBTQ',
    'gender', 'HRT', 'medical transition', 'social transition', 'non-binary', 'nonbinary',
  ],
};
