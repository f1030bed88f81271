// The words around a term that decide whether it says something about the person (src/classify/special-category/
// detect.ts). Lists, not grammar: each list is a kind of context a headline writer uses, and a word belongs to a list
// only when it means the same thing wherever it appears in a job title.

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/));

/**
 * Phrases about the person (in the same clause as a subject or an ambiguous term): "living with MS", "proud
 * Muslim", "member of Equity", "cancer survivor", "my ADHD". Folded words; a phrase is matched as consecutive words.
 */
export const PERSON_CUES: readonly string[][] = [
  'living with', 'lives with', 'diagnosed', 'diagnosis', 'survivor', 'warrior', 'thriver', 'fighter', 'proud', 'proudly',
  'member', 'members', 'membership', 'i am', 'im', 'i m', 'i have', 'ive', 'i ve', 'my', 'own', 'lived experience', 'recovering', 'in recovery',
  'identify', 'identifies', 'openly', 'out', 'born', 'heritage', 'raised', 'descent', 'journey', 'convert', 'practising',
  'practicing', 'devout', 'believer', 'follower', 'faith', 'sufferer', 'carrier', 'lifelong', 'unashamed',
  'card carrying', 'committed', 'thriving', 'define me', 'observant', 'released from', 'former', 'fighting', 'battling', 'beat', 'survived',
].map((p) => p.split(' '));

/** Nouns for a person that, right after a subject, make it describe them: "Muslim woman", "autistic founder", "gay dad". */
export const PERSON_NOUNS = set(`
  woman women man men girl girls boy guy person mum mom mummy dad daddy mother father parent wife husband son daughter
  founder cofounder entrepreneur leader ceo cto coo cfo engineer developer designer creative writer author artist
  professional professionals techie geek mama papa poet actor actress accountant lad lass foodie
`);

/**
 * Occupations that serve or study a subject: with one of them in the clause, "oncology nurse", "RE teacher",
 * "political correspondent", "disability insurer" and "church architect" are jobs, not facts about the person.
 */
export const OCCUPATIONS = set(`
  nurse nurses nursing specialist specialists specialism researcher researchers research scientist scientists lecturer
  lecturers professor professors teacher teachers teaching tutor educator trainer trainers training coach coaching
  consultant consultancy adviser advisor advisory therapist therapy counsellor counselor counselling psychologist
  psychiatrist psychotherapist doctor physician gp clinician clinical surgeon medic midwife pharmacist practitioner
  physio physiotherapist dietitian audiologist caseworker analyst analysts analytics correspondent journalist reporter
  editor historian insurer insurance underwriter underwriting actuary broker architect architects architecture
  lawyer solicitor barrister attorney counsel paralegal translator interpreter recruiter recruitment interviewer
  scholar academic theologian sociologist criminologist epidemiologist geneticist oncologist studies study
  curriculum examiner assessor auditor inspector regulator policy strategist economist statistician
  commentator columnist presenter producer photographer illustrator expert experts
`);

/** Words after a term that make it the subject of a service ("deaf awareness", "autism services", "LGBTQ+ inclusion"). */
export const SUBJECT_FOLLOWERS = set(`
  awareness inclusion services service support care research studies education rights law policy policies programme
  programmes program programs project projects team unit ward clinic clinics charity charities advice outreach
  screening testing diagnostics prevention treatment medicine health pathway pathways strategy provision
  friendly sector market markets industry finance banking cuisine food foods language literature history history
  affairs relations engagement equality diversity training theory movement wedding weddings helpline travel tourism
  aware books film films magazine talent trends statistics case accommodation employment housing liaison
  rehabilitation resettlement healthcare sales compliance insolvency restructuring
`);

/**
 * Occupations that study, report on, design for or represent a body or a group, not belong to it: with one of them in
 * the clause a union, party or faith body ("political correspondent covering the Labour Party", "church architect")
 * or a national origin ("Chinese translator", "Punjabi teacher") is the subject of the work.
 */
export const STUDIES = set(`
  correspondent journalist reporter editor lecturer lecturers professor researcher researchers research researching
  historian scholar academic analyst analysts architect architects architecture conservator lawyer solicitor
  barrister attorney insurer underwriter theologian sociologist anthropologist commentator columnist translator
  translators translation interpreter interpreting studies study
`);

/** Teaching a language or recruiting from a group: with a national origin, the subject of the work ("Punjabi teacher"). */
export const TEACHING = set(`
  teacher teachers teaching tutor tutors trainer trainers recruiter recruiters recruitment
`);

/** People served: "supporting autistic adults", "mentor to ex-offenders", "charity for people living with dementia". */
export const POPULATIONS = set(`
  people adults children child kids young youth youngsters pupils students learners patients clients families
  individuals residents tenants service users users offenders colleagues communities groups survivors carers veterans
`);

/** Words before a term in its clause that serve someone else: "for", "supporting", "helping", "working (with)". */
export const SERVING = set(`
  for supporting support supports helping help helps serving serves empowering championing advocating working
  alongside representing represent represents covering covered reporting about on into towards mentoring
  coaching teaching treating treat caring insuring researching specialising specializing
`);

/**
 * Words after a term that make it part of a proper noun: a street, an institution or a company named after it
 * ("Church Street Dental", "Catholic University", "Black Friday", "Irish Life").
 */
export const PROPER_NOUN_NEXT = set(`
  street st road rd lane avenue ave way square place row close hill park gardens court crescent drive
  school schools primary secondary academy college university uni hospital hospitals hospice infirmary
  ltd limited plc llp llc inc gmbh co bank banking insurance hotel hotels house press records radio tv media
  capital partners ventures foods brewery winery vineyard energy homes housing life friday country belt tie box
  mirror hat rock stone quarter fashion cosmetics dior water airways airlines express society institute foundation
  drinks curious association inn pub tavern arms institution chamber oil sheep farm city times eye students
`);
