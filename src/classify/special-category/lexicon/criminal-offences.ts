// Criminal convictions and offences (UK GDPR Art. 10; DPA 2018 s.11(2): allegations, proceedings and sentences
// too). Vocabulary: the Rehabilitation of Offenders Act 1974 (spent and unspent convictions, licence), the words the
// Ministry of Justice and HMPPS use ("prison leaver", "on licence", "on probation"), and those people with
// convictions and their charities use for themselves (Nacro and Unlock: "person with convictions", "lived experience
// of prison"; the US "returning citizen", "formerly incarcerated", "justice-involved").
// Left out on purpose:
// - bare "offender", "prisoner", "prison", "probation", "custody" and "conviction": "Offender Manager", "Prisoner
//   Custody Officer", "Prison Officer" and "Probation Officer" are jobs, and a conviction is also a belief. They are
//   cues. "Second chance" ("second chance hiring" is an employer's programme) is `ambiguous`.
// - "DBS" and "criminal record check": a check is done on everyone in some jobs and reveals nothing. "Criminal
//   record" is a subject, counted with a cue about the person ("I have a criminal record").
// - "sex offender": only ever a job's object here ("sex offender manager"); not listed.
import type { CategoryLexicon } from './types.js';

export const CRIMINAL_OFFENCES: CategoryLexicon = {
  category: 'criminal-offences',
  sources: [
    'UK GDPR Art. 10; Data Protection Act 2018 s.11(2) (allegations, proceedings and sentences)',
    'Rehabilitation of Offenders Act 1974 (spent and unspent convictions); gov.uk "Disclosure and Barring"',
    'Ministry of Justice and HMPPS: "prison leavers", "on licence", "on probation"',
    'Nacro (incorporating Unlock): language guide on people with convictions',
    'US Department of Justice: "returning citizens"; the Formerly Incarcerated People\'s Movement',
  ],
  terms: {
    self: [
      'wrongly convicted', 'former drug dealer',
      'did time', 'doing time',
      'young offender', 'convicted of', 'second-chance hire', 'second chance employee',
      'ex-offender', 'former offender', 'prison leaver', 'former prisoner', 'ex-prisoner', 'ex-con', 'ex-convict',
      'former inmate', 'ex-inmate', 'formerly incarcerated', 'previously incarcerated', 'justice-involved',
      'returning citizen', 'served time', 'served a sentence', 'served a prison sentence', 'years in prison',
      'months in prison', 'years behind bars', 'released from prison', 'time in prison', 'on licence', 'on license',
      'on probation', 'on parole', 'on remand', 'felon', 'person with convictions', 'person with a conviction',
      'lived experience of prison', 'lived experience of the criminal justice system',
      'lived experience of the justice system', 'lived experience of incarceration', 'wrongfully convicted',
      'exoneree',
    ],
    subject: [
      'sentence',
      'criminal record', 'criminal conviction', 'spent conviction', 'unspent conviction', 'felony', 'prison sentence',
      'suspended sentence', 'community sentence', 'custodial sentence',
    ],
    ambiguous: [
      'HMP',
    'second chance'],
  },
  cues: [
    'alumnus', 'released from', 'inmate',
    'served', 'serving', 'sentence', 'incarcerated', 'incarceration', 'conviction', 'convictions',
    'convicted', 'record', 'licence', 'license', 'probation', 'parole', 'custody', 'released', 'behind bars',
    'lived experience', 'criminal justice', 'offence', 'offense', 'offending', 'rehabilitation',
  ],
};
