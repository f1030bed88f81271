// Trade-union membership (UK GDPR Art. 9(1)). Vocabulary: the unions affiliated to the TUC (full names and the
// acronyms they go by), the main independent unions outside it, the Irish and international unions a UK user meets,
// and the lay and full-time roles of a union branch (TUC Education's reps' courses name them).
// Left out on purpose, or kept to a phrase:
// - everyday words that are union names are `ambiguous` (Unite, Equity, Prospect, Accord), and so are acronyms with
//   a bigger other user: FDA (the US Food and Drug Administration), PCS ("PCs"), EIS (the Enterprise Investment
//   Scheme), POA (power of attorney), AEP (American Electric Power), RCN, RCM
//   (the Royal College of Music), BMA, BDA, PFA, Fórsa (a German polling firm). Their "X union" and "X member"
//   phrases are bodies. RMT stays a body although a registered massage therapist writes it too: the rail union
//   is the common reading in a UK export, and a false hint costs a review where a missed one costs a breach.
// - unions whose short name is a brand or a common word are listed by their full name or "X union" phrase only:
//   Advance (Advance Auto Parts), Unity (the game engine), Aegis, Nautilus (fitness), NARS (cosmetics), "MU"
//   (Musicians' Union), "NUM" (National Union of Mineworkers), and bare "Community" ("community member/organiser"
//   is everyday). Voice merged into Community in 2017.
// - the Police Federation and the Police Superintendents' Association: statutory staff associations, not unions
//   (police officers may not join a union, Police Act 1996 s.64; membership is automatic unless opted out).
// - the Pharmacists' Defence Association itself (an indemnity body): only its union, "PDA Union".
// - bare "convenor" (a university course convenor), "health and safety rep" without a union (employers appoint them
//   too), "full-time officer" (students' unions have them), "branch secretary" and "branch chair" (a party's
//   branch has them too): ambiguous, counted with a union cue ("UNISON branch secretary" is a body anyway).
// - cues: "member" is one ("RMT member", "Aegis member"); the names it would wrongly join are read as names by the
//   detector ("Unite Students", "Private Equity"). Not cues: "officer" (an "Equity Officer" in diversity work, a "Prospect Research Officer" in fundraising),
//   "branch" (an equity-release branch adviser), "negotiator" (estate agents) and "union" (Union Bank, Union
//   Investment next to Equity or Prospect): their union phrases are cues instead.
// GMB is a body although ITV's Good Morning Britain is also "GMB": the union is far more common in a job title.
import type { CategoryLexicon } from './types.js';

export const TRADE_UNIONS: CategoryLexicon = {
  category: 'trade-union-membership',
  sources: [
    'Trades Union Congress: affiliated unions ("Our unions", tuc.org.uk) and the TUC Directory',
    'Wikipedia: List of affiliates of the Trades Union Congress',
    'Certification Officer: the public list of trade unions (gov.uk, "Trade unions: current list and schedule")',
    'Irish Congress of Trade Unions: affiliated unions (ictu.ie)',
    'TUC Education: union reps\' roles (workplace, health and safety, learning and equality reps)',
    'Police Act 1996 s.64 (police officers may not be members of a trade union)',
  ],
  terms: {
    self: [
      'union member', 'union membership',
    'trade union', 'trades union', 'trade unionist', 'trades unionist', 'union activist', 'unionised worker'],
    office: [
      'school rep', 'branch rep', 'union steward',
      'union rep', 'union representative', 'shop steward', 'senior shop steward', 'union convenor',
      'union convener', 'works convenor', 'site convenor', 'union branch secretary', 'union branch chair',
      'union learning rep', 'union learning representative', 'union health and safety rep',
      'union health and safety representative', 'union safety rep', 'union equality rep', 'union organiser',
      'union organizer', 'union official', 'union caseworker', 'union negotiator', 'full-time union officer',
    ],
    body: [
      'RMT',
      // TUC affiliates (2024), and former names still written in profiles.
      'Unite the Union', 'Unite union', 'Unite member', 'member of Unite', 'UNISON', 'GMB', 'GMB union',
      'National Education Union', 'NEU', 'NASUWT', 'Public and Commercial Services Union', 'PCS union',
      'Communication Workers Union', 'CWU', 'National Union of Rail, Maritime and Transport Workers', 'RMT union',
      'ASLEF', 'Associated Society of Locomotive Engineers and Firemen', 'TSSA',
      'Transport Salaried Staffs\' Association',
      'Fire Brigades Union', 'FBU', 'Usdaw', 'Union of Shop, Distributive and Allied Workers', 'Prospect union',
      'Prospect member', 'member of Prospect', 'Bectu', 'Equity union', 'Equity member', 'member of Equity',
      'Musicians\' Union', 'National Union of Journalists', 'NUJ', 'University and College Union', 'UCU',
      'Educational Institute of Scotland', 'EIS union', 'Community union', 'Community trade union', 'FDA union',
      'Prison Officers\' Association', 'BFAWU', 'Bakers, Food and Allied Workers Union', 'NAHT',
      'National Association of Head Teachers', 'Napo union', 'National Association of Probation Officers',
      'Nautilus International', 'Nautilus UK', 'Nautilus union', 'BALPA', 'British Airline Pilots\' Association',
      'Accord union', 'Aegis the Union', 'Aegis union', 'Advance union', 'Unity union',
      'Association of Educational Psychologists', 'NSEAD', 'National Society for Education in Art and Design',
      'Professional Footballers\' Association', 'WGGB', 'Writers\' Guild of Great Britain', 'URTU',
      'United Road Transport Union', 'Society of Radiographers', 'Chartered Society of Physiotherapy',
      'Royal College of Midwives', 'Royal College of Podiatry', 'British Dietetic Association',
      'British Orthoptic Society Trade Union', 'HCSA', 'Hospital Consultants and Specialists Association',
      'National Union of Mineworkers', 'Nationwide Group Staff Union', 'NGSU', 'National Association of Racing Staff',
      'Artists\' Union England', 'National Union of Teachers', 'Association of Teachers and Lecturers', 'UCATT',
      'Amicus union', 'TGWU', 'TUC', 'Trades Union Congress', 'STUC', 'Wales TUC',
      // Outside the TUC.
      'Royal College of Nursing', 'British Medical Association', 'British Dental Association', 'ASCL',
      'Association of School and College Leaders', 'IWGB', 'Independent Workers\' Union of Great Britain', 'UVW',
      'United Voices of the World', 'IWW', 'Industrial Workers of the World', 'PDA Union', 'UCAC', 'SSTA',
      'Scottish Secondary Teachers\' Association',
      // Ireland and abroad.
      'SIPTU', 'Irish Nurses and Midwives Organisation', 'INMO', 'ICTU', 'Teamsters', 'ver.di', 'IG Metall',
      'AFL-CIO', 'SEIU', 'United Auto Workers', 'UAW', 'AFSCME', 'American Federation of Teachers', 'Unifor', 'CUPE',
    ],
    ambiguous: [
      'Unite', 'Equity', 'Prospect', 'Accord', 'Aegis', 'FDA', 'PCS', 'EIS', 'POA', 'AEP', 'Napo', 'RCN', 'RCM', 'BMA',
      'BDA', 'PFA', 'Fórsa', 'health and safety rep', 'health and safety representative', 'safety rep',
      'learning rep', 'equality rep', 'workplace rep', 'full-time officer', 'convenor', 'convener', 'branch secretary',
      'branch chair', 'branch officer',
    ],
  },
  cues: [
    'card holder', 
    'member',
    'rep', 'representative', 'steward', 'shop steward', 'convenor', 'convener', 'branch secretary', 'branch chair',
    'branch officer', 'branch committee', 'union branch', 'organiser', 'organizer', 'activist', 'caseworker',
    'learning rep', 'health and safety rep', 'equality rep', 'lay officer', 'union officer', 'full-time officer',
    'regional officer', 'national officer', 'general secretary', 'trade union', 'the union', 'union rep',
    'union member', 'TUC', 'industrial action', 'collective bargaining',
  ],
};
