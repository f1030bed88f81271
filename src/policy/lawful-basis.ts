// A group's policy: its Art. 6(1) lawful basis, the purpose, the evidence that basis needs, any Art. 9(2)
// condition, and the Art. 14 notice. Validated with zod; parseGroupPolicy turns failures into readable sentences.
import { z } from 'zod';
import { isIsoDay } from './dates.js';
import { isPlaceholderAnswer, isPlaceholderText, LIA_MIN_ANSWER_LENGTH } from './evidence-heuristics.js';
import {
  ART9_CONDITIONS,
  ART9_SCHEDULE_1,
  LAWFUL_BASES,
  NOTICE_STATUSES,
  PURPOSES,
  type Art9Condition,
  type LawfulBasis,
  type Purpose,
} from '../shared/vocabulary.js';

export { LAWFUL_BASES, PURPOSES, type LawfulBasis, type Purpose };

export const Art9ConditionSchema = z.enum(ART9_CONDITIONS, { error: 'choose one of the conditions of Art. 9(2)(a)-(j)' });
export { ART9_CONDITIONS, ART9_SCHEDULE_1, type Art9Condition };

/** The letter of a condition of Art. 9(2): 'a' for explicit consent, … 'j' for archiving and research. */
export const art9Letter = (condition: Art9Condition): string => String.fromCharCode(97 + ART9_CONDITIONS.indexOf(condition));

/** A trimmed, non-empty string; `what` completes the sentence '… is required'. */
const required = (what: string) => z.string({ error: `${what} is required` }).trim().min(1, { error: `${what} is required` });
const isoDate = (what: string) =>
  z
    .string({ error: `${what} is required (yyyy-mm-dd)` })
    .trim()
    .refine(isIsoDay, { error: `${what} must be a date written yyyy-mm-dd` });
/** A date that may be left out, and when given is written yyyy-mm-dd. */
const optionalDate = (what: string) =>
  z
    .string()
    .trim()
    .refine(isIsoDay, { error: `${what} must be a date written yyyy-mm-dd` })
    .optional();
/** An object that, when missing altogether, says which record is missing. */
const record = <T extends z.ZodRawShape>(what: string, shape: T) => z.object(shape, { error: `${what} is required` });

/** Art. 6(1)(a), Art. 7: who agreed to what, when, how, and how they can take it back. */
export const ConsentEvidenceSchema = record('the consent record (evidence)', {
  method: required('how consent was obtained (e.g. a sign-up form with an unticked box)'),
  obtainedAt: isoDate('the date consent was obtained'),
  wording: required('the exact statement the person agreed to'),
  withdrawalRoute: required('how people can withdraw consent (Art. 7(3))'),
  recordLocation: z.string().trim().optional(),
});

/**
 * Art. 6(1)(f): the ICO's three-part legitimate interests assessment (purpose, necessity, balancing), kept as a living
 * document: a version (a new one when the purpose changes), who signed it off and when, and when it is to be reviewed
 * (left out: 12 months after the assessment, computed by liaReviewDue in src/policy/lia.ts, never stored).
 */
export const LegitimateInterestsEvidenceSchema = record('the legitimate interests assessment (evidence)', {
  purposeTest: required('the purpose test of the legitimate interests assessment (what is the legitimate interest)'),
  necessityTest: required('the necessity test of the legitimate interests assessment (why no less intrusive way would do)'),
  balancingTest: required('the balancing test of the legitimate interests assessment'),
  optOut: required('the opt-out offered (e.g. an unsubscribe link in every message)'),
  assessedAt: isoDate('the date of the legitimate interests assessment'),
  assessedBy: required('who made the legitimate interests assessment'),
  version: required('the version of the legitimate interests assessment (e.g. 1, or 2026-03)'),
  /** The data owner or admin who signed the assessment off: a name or role, as typed. */
  signedOffBy: z.string().trim().optional(),
  signedOffAt: optionalDate('the date the legitimate interests assessment was signed off'),
  reviewBy: optionalDate('the date the legitimate interests assessment is to be reviewed by'),
})
  .refine((e) => !e.signedOffBy === (e.signedOffAt === undefined), {
    error: 'a sign-off needs both who signed the assessment off and the date (signedOffBy and signedOffAt)',
    path: ['signedOffAt'],
  })
  .refine((e) => e.signedOffAt === undefined || e.signedOffAt >= e.assessedAt, {
    error: 'the assessment cannot be signed off before it was made (signedOffAt is before assessedAt)',
    path: ['signedOffAt'],
  })
  .refine((e) => e.reviewBy === undefined || e.reviewBy > e.assessedAt, {
    error: 'the review date must come after the assessment (reviewBy is not after assessedAt)',
    path: ['reviewBy'],
  });

/** Art. 6(1)(b): the contract with the person, or the steps they asked for before entering one. */
export const ContractEvidenceSchema = record('the contract evidence', {
  contract: required('the contract (or the steps before entering it)'),
  necessity: required('why the processing is necessary for that contract'),
});

/** Art. 6(1)(c). */
export const LegalObligationEvidenceSchema = record('the legal obligation evidence', {
  law: required('the law (statute or regulation) that creates the obligation'),
  justification: required('a justification'),
});

/** Art. 6(1)(d). */
export const VitalInterestsEvidenceSchema = record('the vital interests evidence', {
  justification: required('a justification'),
});

/** Art. 6(1)(e). */
export const PublicTaskEvidenceSchema = record('the public task evidence', {
  justification: required('a justification'),
  legalBasisReference: required('the statutory function or official authority (legal basis reference)'),
});

/**
 * Art. 14: people whose data came from LinkedIn, not from them, must be told. This is the group's plan (how and when
 * its people are to be told); who was actually told is recorded per person (src/app/use-cases/notices.ts).
 */
export const Art14NoticeSchema = record('the Art. 14 notice (sent, planned or exempt)', {
  status: z.enum(NOTICE_STATUSES, { error: "the notice's status must be sent, planned or exempt" }),
  /** sent: when it was sent; planned: when it will be; exempt: when the exemption was decided. */
  date: isoDate('the date of the notice'),
  method: z
    .string({ error: 'how people are told (the method) is required' })
    .trim()
    .min(3, { error: 'how people are told (the method) is required' }),
  /** Required when exempt: the Art. 14(5) ground and the reason, e.g. 'Art. 14(5)(b) disproportionate effort: …'. */
  exemption: z.string().trim().optional(),
}).refine((n) => n.status !== 'exempt' || (n.exemption ?? '').length >= 10, {
  error: 'an exemption needs its Art. 14(5) ground and the reason (e.g. Art. 14(5)(b) disproportionate effort, because …)',
  path: ['exemption'],
});

const common = {
  purpose: z.enum(PURPOSES, { error: `the purpose must be one of ${PURPOSES.join(', ')}` }),
  purposeDescription: z
    .string({ error: "a description of the purpose in the data owner's words is required" })
    .trim()
    .min(10, { error: "describe the purpose in the data owner's words (at least 10 characters)" }),
  art9Condition: Art9ConditionSchema.optional(),
  /** Why the Art. 9(2) condition applies: a real answer (specialCategoryEvidenceErrors). */
  art9Justification: z.string().trim().optional(),
  /** (e): where the person made the data manifestly public themselves, e.g. the headline of their own profile. */
  art9MadePublicWhere: z.string().trim().optional(),
  /** (b), (g), (h), (i), (j): the DPA 2018 Sch. 1 condition relied on (ART9_SCHEDULE_1). */
  schedule1Condition: z.string().trim().optional(),
  /** The reference of the appropriate policy document (DPA 2018 Sch. 1 Part 4) for (b), (g) and Art. 10 data. */
  appropriatePolicyDocument: z.string().trim().optional(),
  /** Art. 10: the official authority or DPA 2018 Sch. 1 condition that allows criminal-offence data. */
  art10Authority: z.string().trim().optional(),
  /** The group's notice plan; optional since schema 6, when notices became per person. */
  art14Notice: Art14NoticeSchema.optional(),
};

/**
 * Discriminated by `basis`, so that `policy.basis === 'consent'` narrows `policy.evidence` to the consent record.
 * The evidence object never repeats the basis.
 */
export const GroupPolicySchema = z
  .discriminatedUnion(
    'basis',
    [
      z.object({ basis: z.literal('consent'), evidence: ConsentEvidenceSchema, ...common }),
      z.object({ basis: z.literal('contract'), evidence: ContractEvidenceSchema, ...common }),
      z.object({ basis: z.literal('legal-obligation'), evidence: LegalObligationEvidenceSchema, ...common }),
      z.object({ basis: z.literal('vital-interests'), evidence: VitalInterestsEvidenceSchema, ...common }),
      z.object({ basis: z.literal('public-task'), evidence: PublicTaskEvidenceSchema, ...common }),
      z.object({ basis: z.literal('legitimate-interests'), evidence: LegitimateInterestsEvidenceSchema, ...common }),
    ],
    { error: (issue) => (issue.code === 'invalid_union' ? `choose one of the Art. 6(1) lawful bases: ${LAWFUL_BASES.join(', ')}` : undefined) },
  )
  .refine((p) => p.art9Condition === undefined || (p.art9Justification ?? '').length > 0, {
    error: 'say why the Art. 9(2) condition applies (art9Justification)',
    path: ['art9Justification'],
  });

export type GroupPolicy = z.infer<typeof GroupPolicySchema>;

/**
 * The version an LIA saved before assessments had versions reads as. Shown, never stored: such an LIA has no sign-off
 * either, so it is not current (src/policy/lia.ts) until a data owner saves it again with a version and its sign-off.
 */
export const UNVERSIONED_LIA = 'unversioned (saved before assessments had versions)';

/** A policy as the vault saved it (src/vault/groups-repo.ts), read with today's shape: see UNVERSIONED_LIA. */
export function savedPolicy(stored: GroupPolicy): GroupPolicy {
  if (stored.basis !== 'legitimate-interests' || typeof stored.evidence.version === 'string') return stored;
  return { ...stored, evidence: { ...stored.evidence, version: UNVERSIONED_LIA } };
}

/** 'evidence.balancingTest', or 'policy' for the whole object. */
function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
  return out || 'policy';
}

/**
 * What an Art. 9(2) condition or an Art. 10 authority still lacks, as 'field: sentence'. Checked when a policy is saved
 * (parseGroupPolicy), and again wherever a saved policy is relied on (src/policy/special-category.ts), since a policy
 * saved before these rules may lack them; not part of GroupPolicySchema, which also reads saved policies.
 */
export function specialCategoryEvidenceErrors(policy: GroupPolicy): string[] {
  const art9 = art9EvidenceErrors(policy);
  const apdAsked = art9.some((e) => e.startsWith(APD_FIELD));
  return [...art9, ...art10EvidenceErrors(policy).filter((e) => !(apdAsked && e.startsWith(APD_FIELD)))];
}

const APD_FIELD = 'appropriatePolicyDocument:';
const apdError = (policy: GroupPolicy, why: string): string[] =>
  isPlaceholderText(policy.appropriatePolicyDocument ?? '') ? [`${APD_FIELD} give the reference of your appropriate policy document (DPA 2018 Sch. 1 Part 4): ${why}`] : [];

/**
 * The Art. 9(2) condition's evidence: its justification a real answer, not a placeholder (isPlaceholderAnswer: 20
 * characters, three different words); for (e), where the person made the data manifestly public (their own act of
 * publishing it); for (b), (g), (h), (i), (j), the DPA 2018 Sch. 1 condition (s.10(2)-(3)), and for (b) and (g) the
 * appropriate policy document it needs (Sch. 1 para. 1(1)(b), para. 5(1)).
 */
export function art9EvidenceErrors(policy: GroupPolicy): string[] {
  const condition = policy.art9Condition;
  if (condition === undefined) return [];
  const errors: string[] = [];
  const letter = art9Letter(condition);
  const justification = policy.art9Justification ?? '';
  if (justification !== '' && isPlaceholderAnswer(justification)) {
    errors.push(
      `art9Justification: say why Art. 9(2)(${letter}) applies in a real answer (at least ${LIA_MIN_ANSWER_LENGTH} characters and three different words, not a placeholder)`,
    );
  }
  if (condition === 'made-public-by-data-subject' && isPlaceholderText(policy.art9MadePublicWhere ?? '')) {
    errors.push(
      'art9MadePublicWhere: say where the person made this data manifestly public themselves (e.g. the headline of their own ' +
        'LinkedIn profile): Art. 9(2)(e) needs their own act of publishing it',
    );
  }
  const schedule1 = ART9_SCHEDULE_1[condition];
  if (schedule1 === undefined) return errors;
  if (isPlaceholderText(policy.schedule1Condition ?? '')) {
    errors.push(
      `schedule1Condition: name the DPA 2018 Sch. 1 condition relied on (${schedule1.paragraph}): Art. 9(2)(${letter}) has a basis in UK law only through it (DPA 2018 s.10(2)-(3))`,
    );
  }
  if (schedule1.apd) {
    errors.push(...apdError(policy, `${schedule1.paragraph} is met only with one in place (DPA 2018 Sch. 1 ${condition === 'employment-social-security' ? 'para. 1(1)(b)' : 'para. 5(1)'})`));
  }
  return errors;
}

/**
 * The Art. 10 authority's evidence: the appropriate policy document. The authority is free text, so which DPA 2018
 * Sch. 1 condition it names (and whether that one needs the document) cannot be told: the product asks every time.
 */
export function art10EvidenceErrors(policy: GroupPolicy): string[] {
  if (!policy.art10Authority) return [];
  return apdError(
    policy,
    'the employment and substantial public interest conditions need one (DPA 2018 Sch. 1 para. 1(1)(b), para. 5(1)); ' +
      'which condition the authority names cannot be told from its words, so this product asks for the document with every Art. 10 authority',
  );
}

export function parseGroupPolicy(input: unknown): { ok: true; policy: GroupPolicy } | { ok: false; errors: string[] } {
  const result = GroupPolicySchema.safeParse(input);
  if (!result.success) return { ok: false, errors: result.error.issues.map((issue) => `${fieldPath(issue.path)}: ${issue.message}`) };
  const errors = specialCategoryEvidenceErrors(result.data);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, policy: result.data };
}
