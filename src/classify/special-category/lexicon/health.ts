// Data concerning health (UK GDPR Art. 9(1)). Vocabulary: the NHS Health A to Z (nhs.uk/conditions), by the families
// a headline mentions about oneself (cancers, long-term conditions, mental health, neurodivergence, sensory loss,
// addiction and recovery, pregnancy and fertility), and the words disabled people and patients' organisations use for
// themselves ("wheelchair user", "partially sighted", "stroke survivor", "in recovery"); the Equality Act 2010's
// disabilities (s.6; cancer, HIV and multiple sclerosis from diagnosis, Sch. 1 para. 6).
// Left out on purpose:
// - "ME" alone (the pronoun: "ask me about my recovery" would carry a cue) and "ADD" (the verb): their long forms
//   are listed, and "ME/CFS" (the detector joins words across a slash).
// - `ambiguous`, counted with a health cue only: "MS" (Microsoft, "Ms"), "stroke" (swimming, a brush stroke),
//   "depression" (economics), "anxiety", "OCD" and "BPD" (said loosely; BPD is also barrels per day), "blind"
//   ("blinds" are window blinds), "ALS" (advanced life support), "CFS", "IBS", "EDS", "POTS", "SMA", "ASD".
// - "disabled" is a subject, not a self-description: a "Disabled Facilities Grant officer" is a council job;
//   "disabled founder", "proud disabled woman" or "Disabled" alone still count.
// - cues: bare "recovery" (NHS "recovery worker" jobs, "disaster recovery" next to MS SQL) and "journey" ("customer
//   journey" next to MS Dynamics): "my recovery", "recovery journey" and "in recovery" instead; "advocate" (an
//   Independent Mental Health Advocate is a statutory job, an advocate a Scottish lawyer).
// - "alcoholic" alone (non-alcoholic drinks), "AIDS" (hearing aids), "PrEP" (meal prep), "burnout" (not a diagnosis),
//   maternity leave (a status, flagged far too widely), occupations ("oncology nurse"), and condition charities
//   (Diabetes UK, Macmillan, Mind): working for them serves people with the condition and says nothing of one's own.
import type { CategoryLexicon } from './types.js';

export const HEALTH: CategoryLexicon = {
  category: 'health',
  sources: [
    'NHS Health A to Z (nhs.uk/conditions) and NHS mental health conditions (nhs.uk/mental-health/conditions)',
    'Equality Act 2010 s.6 and Sch. 1 para. 6 (cancer, HIV infection and multiple sclerosis are disabilities)',
    'ICO guide to the UK GDPR: "What is special category data?" (data concerning health)',
    'Scope, RNIB, RNID and the National Autistic Society: style guides on how disabled people describe themselves',
  ],
  terms: {
    self: [
      'T1 diabetic', 'T2 diabetic', 'type one diabetic', 'type two diabetic', 'Paralympian', 'para athlete', 'Deaflympian', 'wheelchair racer', 'partially blind', 'ex-addict', 'former addict', 
      // Added after the labelled set (test/fixtures/special-category-labelled.jsonl) showed them missing.
      'coeliac', 'asthmatic', 'person who stammers', 'person who stutters', 'stammerer', 'double mastectomy', 'transplant survivor', 'transplant recipient',
      'autistic', 'ADHDer', 'AuDHD', 'dyslexic', 'dyspraxic', 'dyscalculic', 'neurodivergent', 'on the spectrum',
      'deaf', 'deafblind', 'hard of hearing', 'hearing impaired', 'partially sighted', 'sight impaired',
      'severely sight impaired', 'visually impaired', 'vision impaired', 'registered blind', 'legally blind',
      'wheelchair user', 'amputee', 'chronically ill', 'type 1 diabetic', 'type 2 diabetic', 'epileptic',
      'cancer survivor', 'cancer thriver', 'cancer-free', 'in remission', 'stroke survivor', 'heart attack survivor',
      'cardiac arrest survivor', 'organ recipient', 'spoonie', 'immunocompromised',
      'clinically extremely vulnerable', 'person with a disability', 'HIV positive', 'ostomate',
      'cochlear implant user', 'hearing aid user', 'guide dog user', 'in recovery', 'recovering alcoholic',
      'recovering addict', 'addiction survivor', 'sober', 'sobriety', 'clean since', 'on sick leave',
      'on medical leave', 'pregnant',
    ],
    subject: [
      'cancer', 'breast cancer', 'prostate cancer', 'bowel cancer', 'lung cancer', 'ovarian cancer', 'cervical cancer',
      'testicular cancer', 'skin cancer', 'blood cancer', 'brain tumour', 'brain tumor', 'melanoma', 'leukaemia',
      'leukemia', 'lymphoma', 'myeloma', 'sarcoma', 'chemotherapy', 'diabetes', 'type 1 diabetes', 'type 2 diabetes',
      'diabetic', 'T1D', 'multiple sclerosis', 'Parkinson\'s', 'Parkinsons', 'motor neurone disease', 'MND',
      'amyotrophic lateral sclerosis', 'myalgic encephalomyelitis', 'ME/CFS', 'chronic fatigue syndrome',
      'chronic fatigue', 'fibromyalgia', 'lupus', 'endometriosis', 'adenomyosis', 'PCOS', 'polycystic ovary syndrome',
      'Crohn\'s', 'Crohns', 'colitis', 'ulcerative colitis', 'IBD', 'inflammatory bowel disease',
      'irritable bowel syndrome', 'coeliac disease', 'celiac disease', 'epilepsy', 'long COVID', 'HIV', 'hepatitis',
      'tuberculosis', 'bipolar', 'PTSD', 'CPTSD', 'complex PTSD', 'post-traumatic stress disorder',
      'obsessive-compulsive disorder', 'eating disorder', 'anorexia', 'bulimia', 'ARFID', 'schizophrenia',
      'schizoaffective', 'psychosis', 'borderline personality disorder', 'personality disorder',
      'postnatal depression', 'self-harm', 'mental illness', 'mental health', 'mental health condition', 'dementia',
      'young onset dementia', 'Alzheimer\'s', 'Alzheimers', 'Huntington\'s disease', 'arthritis',
      'ankylosing spondylitis', 'chronic pain', 'chronic illness', 'invisible illness', 'invisible disability',
      'rare disease', 'migraine', 'tinnitus', 'sight loss', 'visual impairment', 'hearing loss', 'hearing impairment',
      'cerebral palsy', 'spina bifida', 'Down\'s syndrome', 'Downs syndrome', 'Down syndrome', 'Ehlers-Danlos',
      'hypermobility', 'cystic fibrosis', 'sickle cell', 'thalassaemia', 'haemochromatosis', 'muscular dystrophy',
      'spinal muscular atrophy', 'brain injury', 'acquired brain injury', 'spinal cord injury',
      'chronic kidney disease', 'kidney failure', 'dialysis', 'heart failure', 'heart condition',
      'congenital heart disease', 'asthma', 'COPD', 'postural tachycardia syndrome',
      'functional neurological disorder', 'FND', 'alopecia', 'psoriasis', 'obesity', 'stoma', 'ileostomy',
      'colostomy', 'stammer', 'autism', 'autism spectrum', 'Asperger\'s', 'Aspergers', 'Asperger syndrome', 'ADHD',
      'dyslexia', 'dyspraxia', 'dyscalculia', 'dysgraphia', 'Tourette\'s', 'Tourettes', 'Tourette syndrome',
      'neurodiversity', 'neurodiverse', 'learning disability', 'learning difficulty', 'disability', 'disabled',
      'addiction', 'alcoholism', 'infertility', 'IVF', 'miscarriage', 'baby loss', 'menopause', 'perimenopause',
    ],
    ambiguous: [
      'MS', 'stroke', 'depression', 'anxiety', 'OCD', 'BPD', 'blind', 'ALS', 'CFS', 'IBS', 'EDS', 'POTS', 'SMA', 'ASD',
    ],
  },
  cues: [
    'living w', 'lives w', 'fighting', 'battling', 'beat', 'survived', 'stage 4', 'stage four',
    'screen reader', 'guide dog',
    'living with', 'lives with', 'lived with', 'diagnosed', 'diagnosis', 'survivor', 'warrior', 'thriver', 'fighter',
    'sufferer', 'my recovery', 'recovery journey', 'road to recovery', 'in recovery', 'relapse',
    'remission', 'lived experience', 'my own', 'own experience', 'activist', 'chronic', 'chronically ill', 'disabled',
    'disability', 'invisible illness', 'spoonie', 'mental health', 'neurodivergent',
  ],
};
