// Racial or ethnic origin (UK GDPR Art. 9(1)). Vocabulary: the ONS Census 2021 ethnic-group classification (its 19
// tick-box groups and their write-ins), the terms the UK government's "Writing about ethnicity" guidance lists (BAME,
// BME, ethnic minority, people of colour), and common self-descriptions (British Asian, mixed race, Latinx, the
// Windrush generation, Indigenous peoples).
// Left out on purpose:
// - bare "white", "English", "Welsh", "Scottish", "British", "Northern Irish" (White & Case, an English teacher,
//   Scottish Widows, British Airways): national identity, not an ethnic group, except in the Census's "White
//   British"-style pairs, which are listed.
// - national and regional adjectives (Indian, Chinese, Pakistani, Nigerian, Irish, Black, Asian, Arab, …) are
//   `ambiguous`: a company, a cuisine, a language or a national professional body uses them ("Indian Oil", "Chinese
//   translator", "Nigerian Society of Engineers"), so they count only with a community, network or heritage cue.
//   "Society" and "association" are not cues for the same reason; "Roma" (Rome, AS Roma) and "POC" (proof of
//   concept) are ambiguous too. "Polish" is left out (the verb: "I help professionals polish their network").
// - "Jewish" (an ethnicity in UK law as well) is in the religion lexicon only: a term lives in one category.
// - "traveller" alone (travel) and "GRT": only "Irish Traveller", "Traveller community", "Gypsy", "Romani".
import type { CategoryLexicon } from './types.js';

export const ETHNICITY: CategoryLexicon = {
  category: 'racial-or-ethnic-origin',
  sources: [
    'ONS Census 2021 dictionary: "Ethnic group" (ethnic_group_tb, 19 tick-box categories) and its write-ins',
    'GOV.UK Ethnicity facts and figures: "List of ethnic groups" and "Writing about ethnicity"',
    'Equality Act 2010 s.9 (race: colour, nationality, ethnic or national origins)',
  ],
  terms: {
    self: [
      'Afro-Latina', 'Afro-Latino', 'Afro-Latinx', 'Polish-born', 'white working class',
      'mixed race', 'mixed heritage', 'dual heritage', 'mixed ethnicity', 'biracial', 'multiracial', 'person of colour',
      'person of color', 'woman of colour', 'woman of color', 'women of colour', 'women of color', 'man of colour',
      'man of color', 'men of colour', 'men of color', 'first-generation immigrant', 'second-generation immigrant',
    ],
    subject: [
      // ONS Census 2021 groups.
      'White British', 'White English', 'White Welsh', 'White Scottish', 'White Irish', 'White Northern Irish',
      'Gypsy', 'Irish Traveller', 'Traveller community', 'Romani', 'Romany', 'Asian British', 'British Asian',
      'British Indian', 'British Pakistani', 'British Bangladeshi', 'British Chinese', 'Black British', 'Black Welsh',
      'Black African', 'Black Caribbean', 'White and Black Caribbean', 'White and Black African', 'White and Asian',
      'British Arab',
      // Self-descriptions and collective terms.
      'BAME', 'BME', 'ethnic minority', 'minority ethnic', 'ethnically diverse', 'global majority', 'BIPOC',
      'people of colour', 'people of color', 'Afro-Caribbean', 'African Caribbean', 'African American',
      'Black American', 'British Nigerian', 'British Ghanaian', 'British Somali', 'British Jamaican',
      'British Caribbean', 'British African', 'British Bengali', 'British Punjabi', 'British Sri Lankan',
      'British Tamil', 'British Turkish', 'British Kurdish', 'British Iranian', 'British Filipino',
      'British Vietnamese', 'Anglo-Indian', 'East African Asian', 'Windrush generation', 'Latinx', 'Latina', 'Latino',
      'Latine', 'Hispanic', 'Indigenous', 'Aboriginal', 'First Nations', 'Torres Strait Islander', 'Native American',
      'Alaska Native', 'Māori', 'Pacific Islander', 'Inuit', 'Métis', 'Black in Tech',
    ],
    ambiguous: [
      'Black', 'Asian', 'South Asian', 'East Asian', 'Southeast Asian', 'Indian', 'Pakistani', 'Bangladeshi',
      'Chinese', 'African', 'Caribbean', 'Arab', 'Irish', 'Roma', 'Nigerian', 'Ghanaian', 'Somali', 'Eritrean',
      'Ethiopian', 'Jamaican', 'Kenyan', 'Ugandan', 'Zimbabwean', 'Sri Lankan', 'Tamil', 'Punjabi', 'Bengali',
      'Gujarati', 'Kashmiri', 'Kurdish', 'Turkish', 'Cypriot', 'Iranian', 'Persian', 'Afghan', 'Iraqi', 'Syrian',
      'Lebanese', 'Romanian', 'Filipino', 'Vietnamese', 'Korean', 'Japanese', 'Malaysian', 'Nepalese', 'Yoruba',
      'Igbo', 'POC',
    ],
  },
  cues: [
    'American',
    'British', 'born', 'refugee', 'first gen', 'students society',
    'network', 'staff network', 'employee network', 'employee resource group', 'ERG', 'community leader', 'community member', 'community champion', 'community network', 'communities',
    'heritage', 'diaspora', 'descent', 'origin', 'ancestry', 'roots', 'professionals', 'women', 'woman', 'in tech',
    'first generation', 'second generation', 'ethnicity', 'ethnic', 'race equality', 'minority', 'collective',
    'caucus', 'of colour', 'of color',
  ],
};
