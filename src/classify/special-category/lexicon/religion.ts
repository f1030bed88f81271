// Religious or philosophical beliefs (UK GDPR Art. 9(1)). Vocabulary: the ONS Census 2021 religion classification
// (the six tick-box religions and the "other religion" write-ins), the main Christian denominations and Islamic and
// Jewish branches, the offices and places of worship of each faith, national faith bodies and faith charities, and
// the philosophical beliefs UK courts have recognised under the Equality Act 2010 s.10 (humanism, atheism, ethical
// veganism, gender-critical belief).
// Left out on purpose:
// - "agnostic" ("platform-agnostic"), bare "vegan" (a diet, a product), "spiritual", "mission" ("mission-driven"),
//   "ministry" and "minister" (government), "father", "sister", "brother", "guru" (a tech guru), "rev" (RevOps),
//   "canon" (cameras), "dean" (universities), "abbey", "priory" (the Priory Group), "cardinal", "moderator", "pandit"
//   and "sheikh" (surnames and given names), "mufti" (a clothing brand), "celebrant" alone (civil celebrants), "Jedi"
//   (ONS codes it "no religion"). "Pastoral" is not a cue (pastoral care in schools).
// - `ambiguous`, counted with a faith cue only: "temple" (Temple Bar, Temple University), "chapel" (Chapel Hill),
//   "parish" (civil parish councils, Louisiana), "rector" (a university's head), "curate" (the verb), "cantor"
//   (Cantor Fitzgerald), "elder", "evangelist" (a technology evangelist), "orthodox", "Druid" (Apache Druid, whose
//   developers a person noun would not tell apart), "LDS" (the dental licentiate), bare "bishop" (Bishop's
//   Stortford, Bishop Auckland, Bishop Fleming): "Bishop of …" and the titled bishops are offices. "Quaker" (Quaker
//   Oats) and "Jain" (a common surname) are subjects: they need a cue about the person, which a company name lacks.
// - the YMCA (no longer a faith body in practice). "Christian" stays a subject although it is a given name: the
//   detector treats "Christian Dior" and the like as proper nouns. Jewish identity is also an ethnicity in UK law;
//   it is listed here only (a term lives in one category).
import type { CategoryLexicon } from './types.js';

export const RELIGION: CategoryLexicon = {
  category: 'religious-or-philosophical-beliefs',
  sources: [
    'ONS Census 2021 dictionary: "Religion (detailed)", 58 categories with the "other religion" write-ins',
    'Equality Act 2010 s.10; Grainger plc v Nicholson [2010] IRLR 4 (the test of a philosophical belief)',
    'Casamitjana v League Against Cruel Sports (ET 3331129/2018, 2020): ethical veganism is a philosophical belief',
    'Forstater v CGD Europe [2021] UKEAT/0105/20: gender-critical belief is a philosophical belief',
    'Church of England, Church of Scotland, Methodist Church, Catholic Bishops\' Conference: titles of ministry',
    'Inter Faith Network for the UK: faith communities\' places of worship and national bodies',
  ],
  terms: {
    self: [
      'observant Jew',
      'follower of Christ', 'follower of Jesus', 'Christ follower', 'Jesus follower', 'child of God', 'born again',
      'saved by grace', 'faith-driven', 'faith-based entrepreneur', 'person of faith', 'woman of faith', 'man of faith',
      'hijabi', 'seminarian', 'ordained',
    ],
    office: [
      'priest', 'priestess', 'parish priest', 'imam', 'mosque imam', 'rabbi', 'rebbetzin', 'pastor', 'youth pastor',
      'worship pastor', 'vicar', 'team vicar', 'vicar general', 'assistant curate', 'team rector', 'chaplain',
      'deacon', 'deaconess', 'Bishop of', 'suffragan bishop', 'area bishop', 'assistant bishop', 'auxiliary bishop',
      'archbishop', 'archdeacon', 'rural dean', 'area dean', 'prebendary', 'ordained minister', 'ordained priest',
      'minister of religion', 'church minister', 'parish minister', 'youth minister', 'lay minister',
      'licensed lay minister', 'Methodist minister', 'Baptist minister', 'lay preacher', 'local preacher',
      'lay reader', 'licensed lay reader', 'worship leader', 'church warden', 'churchwarden', 'church elder', 'verger',
      'sacristan', 'granthi', 'pujari', 'hazzan', 'chazzan', 'muezzin', 'maulana', 'monk', 'nun', 'friar', 'abbot',
      'abbess', 'bhikkhu', 'bhikkhuni', 'swami', 'lama', 'missionary', 'humanist celebrant', 'Reverend', 'Revd',
    ],
    body: [
      'church', 'cathedral', 'diocese', 'diocesan', 'basilica', 'chaplaincy', 'mosque', 'masjid', 'Islamic centre',
      'synagogue', 'shul', 'gurdwara', 'mandir', 'vihara', 'Buddhist centre', 'Kingdom Hall', 'monastery', 'convent',
      'seminary', 'yeshiva', 'madrasa', 'madrassa', 'Darul Uloom', 'Church of England', 'Church of Scotland',
      'Church in Wales', 'Catholic Church', 'Roman Catholic Church', 'Methodist Church', 'Baptist Union',
      'United Reformed Church', 'Salvation Army', 'Church Army', 'Mothers\' Union', 'Christian Aid', 'Islamic Relief',
      'Muslim Aid', 'CAFOD', 'SCIAF', 'Trócaire', 'Jewish Care', 'World Jewish Relief',
      'United Synagogue', 'Board of Deputies of British Jews', 'Muslim Council of Britain', 'Hindu Council UK',
      'Sikh Council UK', 'Network of Sikh Organisations', 'Evangelical Alliance', 'Scripture Union', 'Bible Society',
      'Christians Against Poverty', 'Samaritan\'s Purse', 'World Vision', 'Opus Dei', 'Humanists UK',
      'British Humanist Association', 'Religious Society of Friends', 'Quakers in Britain', 'Church of Scientology',
      'Church of Jesus Christ of Latter-day Saints',
    ],
    subject: [
      'Muslimah', 'revert to Islam', 'ex-Muslim', 'ex-Christian',
      'Christian', 'Christianity', 'Buddhist', 'Buddhism', 'Hindu', 'Hinduism', 'Jewish', 'Jew', 'Judaism', 'Muslim',
      'Islam', 'Islamic', 'Sikh', 'Sikhism', 'Catholic', 'Roman Catholic', 'Anglican', 'Episcopalian', 'Methodist',
      'Baptist', 'Presbyterian', 'Lutheran', 'Pentecostal', 'Evangelical', 'charismatic Christian', 'Adventist',
      'Seventh-day Adventist', 'Greek Orthodox', 'Russian Orthodox', 'Eastern Orthodox', 'Orthodox Christian',
      'Orthodox Jewish', 'Coptic', 'Latter-day Saint', 'Mormon', 'Jehovah\'s Witness', 'Christadelphian', 'Quaker',
      'Sunni', 'Shia', 'Shiite', 'Sufi', 'Ismaili', 'Ahmadi', 'Ahmadiyya', 'Alevi', 'Pagan', 'Paganism', 'Wicca',
      'Wiccan', 'Heathen', 'Druidry', 'Spiritualist', 'Rastafarian', 'Jain', 'Jainism', 'Ravidassia', 'Baha\'i',
      'Bahai', 'Zoroastrian', 'Parsi', 'Shamanism', 'Taoist', 'Shinto', 'Scientologist', 'Satanist', 'Brahma Kumari',
      'Eckankar', 'Druze', 'humanist', 'atheist', 'ethical vegan', 'gender-critical',
    ],
    ambiguous: [
      'temple', 'chapel', 'parish', 'rector', 'curate', 'cantor', 'elder', 'evangelist', 'Orthodox', 'Druid', 'LDS',
      'bishop',
    ],
  },
  cues: [
    'church', 'faith', 'worship', 'congregation', 'ministry', 'prayer', 'pray', 'parish', 'diocese', 'God', 'Jesus',
    'Christ', 'gospel', 'Bible', 'scripture', 'sermon', 'liturgy', 'religious', 'religion', 'denomination', 'ordained',
    'ordination', 'spiritual', 'chaplaincy', 'mosque', 'synagogue', 'gurdwara', 'mandir', 'Allah', 'Quran', 'Torah',
    'meeting for worship', 'Hindu', 'Buddhist', 'Jain community', 'choir', 'Sabbath', 'dharma',
  ],
};
