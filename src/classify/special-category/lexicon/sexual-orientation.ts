// Sex life or sexual orientation (UK GDPR Art. 9(1)). Vocabulary: the ONS Census 2021 sexual-orientation question
// (gay or lesbian, bisexual, and the write-ins it reports: pansexual, asexual, queer), the LGBT+ initialisms in their
// usual spellings ("LGBTQ+" is the word "lgbtq"), and the workplace networks whose membership says it ("Pride
// network"). A sex life is rarely written in a job title; "polyamorous" is the one self-description listed.
// Left out on purpose:
// - "bi" is `ambiguous` (BI is business intelligence: "Power BI"), counted with a pride or visibility cue only; the
//   cues "community" ("Power BI Community Super User"), "out" ("BI roll-out"), "partner" ("BI partner") and
//   "identity" are not used. "LGB" alone is left out (the LGB Alliance's supporters need not be LGB).
// - "ace" (aces, ACE awards) and "pan" ("pan-European"): their long forms are listed.
// - "gay dad", "gay founder" and the like: "gay" already counts as a self-description, whatever follows.
// - Stonewall, Diversity Role Models and other LGBT+ charities, Pride events and "ally": a charity that serves, an
//   event anyone attends and support for others say nothing of one's own orientation. LGBT+ staff networks are
//   caught by "LGBT" itself; "Pride network" is listed because the word "Pride" alone is everyday.
// - Gender identity (trans, non-binary) is its own category (gender-identity.ts), though "LGBTQ+" covers both.
import type { CategoryLexicon } from './types.js';

export const SEXUAL_ORIENTATION: CategoryLexicon = {
  category: 'sex-life-or-sexual-orientation',
  sources: [
    'ONS Census 2021 dictionary: "Sexual orientation (detailed)" (with the write-ins)',
    'ONS: "Sexual orientation, England and Wales: Census 2021" (pansexual, asexual and queer write-ins)',
    'Government Equalities Office: National LGBT Survey 2018 (terms respondents used)',
  ],
  terms: {
    self: [
      'out & proud', 'husband to my husband', 'wife to my wife',
      'gay', 'lesbian', 'bisexual', 'queer', 'pansexual', 'asexual', 'demisexual', 'aromantic', 'homosexual',
      'polyamorous', 'LGBT', 'LGBTQ', 'LGBTQI', 'LGBTQIA', 'LGBTQIAP', 'LGBTQIA2S', 'LGBTI', 'LGBTIQ', 'LGBTQ2S',
      'GLBT', 'out and proud', 'sapphic', 'same-sex attracted',
    ],
    body: ['Pride network', 'Pride staff network', 'Pride employee network', 'Rainbow network'],
    ambiguous: ['bi'],
  },
  cues: [
    'woman', 'man', 'dad', 'mum', 'person',
    'Pride', 'proud', 'proudly', 'visibility', 'bi visibility', 'bisexual', 'LGBT', 'LGBTQ', 'queer', 'bi and proud',
  ],
};
