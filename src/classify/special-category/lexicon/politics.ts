// Political opinions (UK GDPR Art. 9(1)). Vocabulary: the parties on the Electoral Commission's register that hold
// seats in a UK parliament or council, by their registered names and the short forms people write ("Labour Party",
// "Lib Dem", "Tory"); their youth wings and affiliated societies; elected and party offices; a few major US, Irish
// and EU parties; self-described ideologies ("socialist").
// Left out on purpose:
// - one-word names that are everyday words are `ambiguous` (Labour, Conservative, Green, Reform, Liberal, Alliance,
//   Democrat, Republican, Unionist, Momentum, Plaid (the fintech), Tory (Tory Burch), BNP (BNP Paribas)), and so are
//   acronyms with a bigger other user: PPC (pay-per-click), MSP (managed service provider), MEP (mechanical,
//   electrical and plumbing engineering), MLA (a landscape architecture degree), DNC ("do not call"), CDU (an A&E
//   clinical decision unit), SPD, AfD (Agence française de développement), SDP, RNC. "MS" for a Member of the
//   Senedd is left to "member of the Senedd": the word "MS" belongs to health (multiple sclerosis), and a term
//   lives in one category only (the detector takes the first category's entry).
// - cues: bare "member" ("Member of the Alliance for …", "Green Team member"), "ward" (a hospital's labour ward),
//   "association" (the Green Building association), "volunteer" (conservation volunteers), "peer" (peer review,
//   peer support) and "delegate" are not cues; "canvasser" is a cue only (door-to-door sales canvassers).
// - "party organiser" (an events job), ideologies as self-descriptions: a "Marxist historian" studies Marxism, so
//   "socialist", "Marxist" and the like are subjects, counted with a cue about the person.
// - bare "minister", "mayor", "peer", "special adviser" and parliamentary staff (researchers, caseworkers,
//   assistants): government, ceremonial or House posts that say nothing certain of a party; a party named next to
//   them is found anyway. "Assembly member" (AM) stays, bare "AM" does not (the verb).
// - campaigns and charities that are not parties (Hope not Hate, Best for Britain) except two protest movements whose
//   membership is itself a political opinion (Extinction Rebellion, Just Stop Oil).
import type { CategoryLexicon } from './types.js';

export const POLITICS: CategoryLexicon = {
  category: 'political-opinions',
  sources: [
    'Electoral Commission: register of political parties (search.electoralcommission.org.uk)',
    'UK Parliament: MPs and Lords by party (members.parliament.uk)',
    'Scottish Parliament, Senedd and Northern Ireland Assembly: lists of members by party',
    'Party websites for youth wings and affiliated societies (Labour Party rule book, chapter on socialist societies)',
    'Wikipedia: List of political parties in the United Kingdom; Democratic and Republican parties (US)',
  ],
  terms: {
    self: [
      'Labour member', 'Labour voter', 'Conservative member', 'Conservative voter', 'Tory voter', 'Lib Dem member', 'Lib Dem voter', 'Green Party member', 'Green voter', 'Reform UK member', 'SNP member', 'Plaid member',
    'political activist', 'party activist', 'party member', 'party supporter', 'party campaigner'],
    // Ideologies: with a cue about the person ("proud socialist"), not in a job that studies them.
    subject: [
      'Remainer', 'Brexiteer', 'Rejoiner',
      'socialist', 'democratic socialist', 'eco-socialist', 'communist', 'Marxist', 'Trotskyist', 'anarchist',
      'libertarian', 'social democrat',
    ],
    office: [
      'mayoral candidate', 'precinct committeeman', 'precinct captain',
      'councillor', 'Cllr', 'ward councillor', 'county councillor', 'borough councillor', 'district councillor',
      'town councillor', 'city councillor', 'council candidate', 'party candidate', 'parliamentary candidate',
      'prospective parliamentary candidate', 'Member of Parliament', 'Member of the Scottish Parliament',
      'Member of the Senedd', 'Assembly Member', 'Member of the Legislative Assembly',
      'Member of the European Parliament', 'constituency chair', 'constituency secretary', 'constituency officer',
      'constituency agent', 'election agent', 'party agent', 'party chair', 'party chairman', 'party treasurer',
      'party secretary', 'party whip', 'party leader', 'deputy party leader', 'shadow minister',
      'shadow secretary of state', 'shadow cabinet', 'Leader of the Opposition',
    ],
    body: [
      // Party headquarters, national sections and German parties, added after the labelled set showed them missing.
      'Conservative Campaign Headquarters', 'CCHQ', 'Scottish Labour', 'Welsh Labour', 'Scottish Conservatives', 'Welsh Conservatives', 'CSU',
      'Labour Party', 'Labour Co-op', 'Labour and Co-operative', 'Co-operative Party', 'Conservative Party',
      'Conservative and Unionist Party', 'Conservatives', 'Conservative Association', 'Tory Party', 'Tories',
      'Liberal Democrats', 'Liberal Democrat', 'Lib Dem', 'LibDem', 'Green Party', 'Green Party of England and Wales',
      'Scottish Greens', 'Scottish Green Party', 'SNP', 'Scottish National Party', 'Plaid Cymru', 'Reform UK',
      'Reform Party', 'Brexit Party', 'UKIP', 'UK Independence Party', 'DUP', 'Democratic Unionist Party',
      'Sinn Féin', 'SDLP', 'Social Democratic and Labour Party', 'UUP', 'Ulster Unionist Party', 'Alliance Party',
      'TUV', 'Traditional Unionist Voice', 'People Before Profit', 'Aontú', 'Alba Party', 'Women\'s Equality Party',
      'Workers Party', 'Workers Party of Britain', 'Liberal Party', 'Social Democratic Party', 'Mebyon Kernow',
      'Yorkshire Party', 'Heritage Party', 'Reclaim Party', 'Christian Peoples Alliance', 'Communist Party',
      'Communist Party of Britain', 'Socialist Party', 'Socialist Workers Party', 'British National Party',
      'Britain First', 'Official Monster Raving Loony Party',
      // Youth wings, affiliated societies and factions.
      'Young Labour', 'Labour Students', 'Labour Youth', 'Young Conservatives', 'Young Conservative',
      'Conservative Future', 'Conservative Youth', 'Young Liberals', 'Liberal Youth', 'Young Greens', 'SNP Youth',
      'Young Scots for Independence', 'Plaid Ifanc', 'Young Independence', 'Young Unionists', 'Ógra Shinn Féin',
      'Conservative Women\'s Organisation', 'Labour Women\'s Network', 'Fabian Society', 'Young Fabians',
      'Socialist Health Association', 'Labour Friends of Israel', 'Conservative Friends of Israel',
      'Labour Friends of Palestine', 'Socialist Campaign Group', 'Tory Reform Group', 'Bow Group',
      'Conservative Way Forward', 'Progressive Britain', 'Extinction Rebellion', 'Just Stop Oil',
      // Abroad.
      'Democratic Party', 'Republican Party', 'GOP', 'Young Democrats', 'Young Republicans', 'College Democrats',
      'College Republicans', 'Fianna Fáil', 'Fine Gael', 'Alternative für Deutschland', 'Die Grünen',
      'Rassemblement National', 'La France Insoumise', 'PSOE', 'Partido Popular', 'Fidesz', 'European People\'s Party',
    ],
    ambiguous: [
      'MP',
      'Labour', 'Conservative', 'Tory', 'Green', 'Reform', 'Liberal', 'Alliance', 'Democrat', 'Republican', 'Unionist',
      'Momentum', 'Plaid', 'BNP', 'PPC', 'MSP', 'MEP', 'MLA', 'SDP', 'RNC', 'DNC', 'CDU', 'SPD', 'AfD',
    ],
  },
  cues: [
    'proud', 'lifelong', 'card carrying', 'unashamed', 'mitglied',
    'party', 'candidate', 'councillor', 'Cllr', 'activist', 'campaigner', 'canvasser', 'canvassing', 'constituency',
    'CLP', 'MP', 'MSP', 'MLA', 'parliament', 'parliamentary', 'Senedd', 'Stormont', 'legislative assembly', 'election',
    'elected', 'election agent', 'politician', 'political', 'supporter', 'organiser', 'organizer', 'caucus',
    'hustings', 'manifesto', 'shadow', 'whip', 'party member', 'branch chair', 'branch secretary',
  ],
};
