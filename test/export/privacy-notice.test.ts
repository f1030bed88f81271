// The privacy notice (UK GDPR Art. 14(1)-(2)) generated from a group's policy: what it must tell, the Art. 21(4)
// right to object shown separately, consent as each person's own (never the group's wording as "what you agreed
// to"), automated decision-making (Art. 14(2)(g)), complaints to the controller (DPA 2018 s.164A) and the right to go to the ICO (Art. 77), and
// plain text without Markdown.
import { describe, expect, it } from 'vitest';
import { BASIS_WORDS, SOURCE_BY_KIND } from '../../src/export/labels.js';
import { ICO_COMPLAINTS_URL, privacyNotice, type PrivacyNoticeInput } from '../../src/export/privacy-notice.js';
import { NO_AUTOMATED_DECISIONS } from '../../src/export/subject-access.js';
import type { LawfulBasis } from '../../src/policy/lawful-basis.js';
import { EVIDENCE, policy } from '../policy/builders.js';

const input = (overrides: Partial<PrivacyNoticeInput> = {}): PrivacyNoticeInput => ({
  controller: { name: 'Acme Payroll Ltd', contact: 'privacy@acme.example, 1 High Street, Leeds' },
  policy: policy('legitimate-interests'),
  categories: ['user.name.first', 'user.name.last', 'user.contact.email', 'user.workplace'],
  specialCategories: [],
  source: 'linkedin-connections',
  recipients: [{ name: 'HubSpot', role: 'processor', hostingRegion: 'EU (Ireland)', transfer: 'adequacy' }],
  retention: 'Group policy: 24 months from the date connected',
  ...overrides,
});

/** The text of one Markdown section, from its heading to the next. */
const section = (markdown: string, heading: string): string => {
  const start = markdown.indexOf(`## ${heading}\n`);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const next = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, next === -1 ? undefined : next);
};

describe('privacy notice contents (Art. 14(1)-(2))', () => {
  const { markdown, text } = privacyNotice(input({ version: 'v2026-03' }));

  it('names the controller and how to contact them (Art. 14(1)(a))', () => {
    expect(section(markdown, 'Who we are')).toContain('Acme Payroll Ltd');
    expect(section(markdown, 'Who we are')).toContain('privacy@acme.example');
    expect(markdown).toContain('Notice version: v2026-03');
  });

  it('gives the purpose, the lawful basis in words and, under legitimate interests, the interest itself (Art. 14(1)(c), 14(2)(b))', () => {
    const purpose = section(markdown, 'What we use your details for');
    expect(purpose).toContain('Email marketing');
    expect(purpose).toContain(BASIS_WORDS['legitimate-interests']);
    expect(purpose).toContain(EVIDENCE['legitimate-interests']!.purposeTest!.slice(0, 40));
    expect(purpose).not.toContain('..'); // the interest already ends its sentence
  });

  it('lists the categories held, the recipients with their role, the transfer and the retention (Art. 14(1)(d)-(f), 14(2)(a))', () => {
    expect(section(markdown, 'The details we hold')).toMatch(/your email address[\s\S]*the company you work for/);
    const recipients = section(markdown, 'Who receives your details');
    expect(recipients).toContain('HubSpot');
    expect(recipients).toContain('processor');
    expect(recipients).toContain('UK adequacy regulations');
    expect(section(markdown, 'How long we keep your details')).toContain('24 months from the date connected');
    const unset = section(privacyNotice(input({ retention: null })).markdown, 'How long we keep your details');
    expect(unset).toContain('No retention period has been set yet');
    expect(unset).not.toContain('destroyed');
  });

  it('says "None outside the controller" only when the recipients register is empty (Art. 14(1)(e))', () => {
    expect(markdown).not.toContain('None outside the controller');
    expect(section(privacyNotice(input({ recipients: [] })).markdown, 'Who receives your details')).toContain('None outside the controller.');
  });

  it('tells the source truthfully for both LinkedIn sources (Art. 14(2)(f))', () => {
    expect(section(markdown, 'Where your details came from')).toContain(SOURCE_BY_KIND['linkedin-connections']);
    const book = privacyNotice(input({ source: 'linkedin-imported-contacts' })).markdown;
    expect(section(book, 'Where your details came from')).toContain(SOURCE_BY_KIND['linkedin-imported-contacts']);
    expect(book).not.toContain(SOURCE_BY_KIND['linkedin-connections']);
  });

  it('shows the Art. 21(4) right to object in its own section, before and apart from the list of rights', () => {
    const object = section(markdown, 'Your right to object');
    expect(object).toContain('object at any time to our use of your details for direct marketing');
    expect(object).toContain('Art. 21(1)'); // legitimate interests: the general right too
    expect(object).toMatch(/\*\*.*direct marketing.*\*\*/); // prominent
    expect(markdown.indexOf('## Your right to object')).toBeLessThan(markdown.indexOf('## Your rights'));
    expect(section(markdown, 'Your rights')).not.toContain('direct marketing');
  });

  it('states that no decisions with legal or similar effects are automated, in the words subject access uses (Art. 14(2)(g))', () => {
    expect(section(markdown, 'Automated decision-making')).toContain(NO_AUTOMATED_DECISIONS);
    expect(NO_AUTOMATED_DECISIONS).toContain('Contacts are sorted into groups by rules the controller sets.');
    expect(text).toContain(`AUTOMATED DECISION-MAKING\n\n${NO_AUTOMATED_DECISIONS}`);
  });

  it('offers complaints to the controller (DPA 2018 s.164A) and states the right to complain to the ICO (Art. 77, Art. 14(2)(e))', () => {
    const complaints = section(markdown, 'Complaints');
    expect(complaints).toContain('s.164A');
    expect(complaints.indexOf('privacy@acme.example')).toBeLessThan(complaints.indexOf(ICO_COMPLAINTS_URL));
    expect(complaints).toContain("You also have the right to complain to the Information Commissioner's Office (ICO)");
    expect(complaints).toContain('The ICO usually expects you to raise your complaint with us first.');
    // The right to complain to the ICO is not made conditional on our answer.
    expect(complaints).not.toMatch(/complain to us first|If you are not satisfied/);
    expect(ICO_COMPLAINTS_URL).toBe('https://ico.org.uk/make-a-complaint/');
  });

  it('gives the same facts as plain text without Markdown markers', () => {
    for (const fact of ['Acme Payroll Ltd', 'HubSpot', SOURCE_BY_KIND['linkedin-connections'], ICO_COMPLAINTS_URL, 'YOUR RIGHT TO OBJECT', 'v2026-03']) expect(text).toContain(fact);
    expect(text).not.toMatch(/^#|^- |\*\*|\\/m);
  });

  it('escapes what people typed in Markdown, never in plain text', () => {
    const odd = privacyNotice(input({ controller: { name: 'Acme *Bold* [Ltd](http://x)', contact: 'line one\nline two' } }));
    expect(odd.markdown).toContain('Acme \\*Bold\\* \\[Ltd\\](http://x)');
    expect(odd.text).toContain('Acme *Bold* [Ltd](http://x)');
    expect(odd.text).toContain('line one, line two');
  });
});

describe('rights by lawful basis (Art. 14(2)(c)-(d), Art. 20, Art. 21, Art. 7(3))', () => {
  const rights = (basis: LawfulBasis) => section(privacyNotice(input({ policy: policy(basis) })).markdown, 'Your rights');
  const objection = (basis: LawfulBasis) => section(privacyNotice(input({ policy: policy(basis) })).markdown, 'Your right to object');

  it('offers portability only under consent or contract (Art. 20(1)(a))', () => {
    expect(rights('consent')).toContain('Portability');
    expect(rights('contract')).toContain('Portability');
    expect(rights('legitimate-interests')).not.toContain('Portability');
    expect(rights('legal-obligation')).not.toContain('Portability');
  });

  it("consent (Art. 7(1)): relies on each person's own consent, never presents the group's wording as what they agreed to", () => {
    const purpose = section(privacyNotice(input({ policy: policy('consent') })).markdown, 'What we use your details for');
    expect(purpose).not.toContain(EVIDENCE.consent!.wording!);
    expect(purpose).toContain(EVIDENCE.consent!.withdrawalRoute!);
    expect(purpose).not.toContain('What you agreed to');
    expect(purpose).toContain('We rely on the consent you gave us');
    expect(purpose).toContain('We keep a record of what you agreed to, and when and how you agreed');
    expect(purpose).toContain('you can ask us for it (Art. 15)');
    expect(purpose).toContain('You can withdraw your consent at any time');
    // Not firing: another basis says nothing of consent.
    expect(section(privacyNotice(input()).markdown, 'What we use your details for')).not.toContain('consent');
  });

  it('offers withdrawal of consent only under consent (Art. 7(3)), with the route to withdraw', () => {
    expect(rights('consent')).toContain('Withdrawing consent');
    expect(rights('consent')).toContain('Unsubscribe link in every email');
    expect(rights('legitimate-interests')).not.toContain('Withdrawing consent');
  });

  it('always states the right to object to direct marketing (Art. 21(2), (4)); the general objection only under (e) or (f) (Art. 21(1))', () => {
    for (const basis of ['consent', 'contract', 'legitimate-interests', 'public-task'] as LawfulBasis[]) expect(objection(basis)).toContain('direct marketing');
    expect(objection('consent')).not.toContain('Art. 21(1)');
    expect(objection('public-task')).toContain('Art. 21(1)');
    expect(rights('consent')).toMatch(/Access[\s\S]*Rectification[\s\S]*Erasure[\s\S]*Restriction/);
  });
});
