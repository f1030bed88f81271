// The words for our enums and the evidence summary shown outside the team.
import { describe, expect, it } from 'vitest';
import { BASIS_WORDS, evidenceSummary, PURPOSE_WORDS } from '../../src/export/labels.js';
import { LAWFUL_BASES, PURPOSES } from '../../src/policy/lawful-basis.js';
import { EVIDENCE, policy } from '../policy/builders.js';

describe('labels', () => {
  it('has words for every basis (with its article) and every purpose', () => {
    LAWFUL_BASES.forEach((b, i) => expect(BASIS_WORDS[b]).toContain(`Art. 6(1)(${'abcdef'[i]})`));
    for (const p of PURPOSES) expect(PURPOSE_WORDS[p]).toMatch(/^[A-Z][a-z ]+$/);
  });

  it.each(LAWFUL_BASES)('summarises the %s evidence with every answer except internal ones', (basis) => {
    const summary = evidenceSummary(policy(basis));
    const values = summary.map(([, v]) => v);
    // Internal: who assessed an LIA. The group's consent record is the person's own business (Art. 7(1)): only how to
    // withdraw is said at group level; what each person agreed to, when and how is shown from their own record.
    const hidden = basis === 'legitimate-interests' ? ['assessedBy', 'signedOffBy'] : basis === 'consent' ? ['method', 'obtainedAt', 'wording'] : [];
    for (const [key, value] of Object.entries(EVIDENCE[basis])) {
      if (hidden.includes(key)) expect(values).not.toContain(value);
      else expect(values).toContain(value);
    }
  });

  it("gives the LIA's next review date, computed when none is recorded (12 months after the assessment)", () => {
    expect(evidenceSummary(policy('legitimate-interests'))).toContainEqual(['Next review by', '2026-01-10']);
    const recorded = policy('legitimate-interests', { evidence: { ...EVIDENCE['legitimate-interests'], reviewBy: '2025-09-30' } });
    expect(evidenceSummary(recorded)).toContainEqual(['Next review by', '2025-09-30']);
  });

  it('leaves out where consent records are kept', () => {
    const p = policy('consent', { evidence: { ...EVIDENCE.consent, recordLocation: 'SharePoint /hr/consents' } });
    expect(JSON.stringify(evidenceSummary(p))).not.toContain('SharePoint');
  });
});
