// Records of processing (Art. 30(1)): the controller and its DPO (a), a section per group with the required entries
// (its data subjects by source (c), the recipients its members went to (d)), the quarantine, the recipients (d) and
// transfers (e) from the register, the special-category data held, retention per category (f), the security measures
// (g); user text cannot break the Markdown; the CSV has one row per group and one for the quarantine, and parses back.
import { describe, expect, it } from 'vitest';
import {
  art30Csv,
  art30Markdown,
  DEFAULT_SECURITY_MEASURES,
  markdownText,
  TRANSFER_WORDS,
  type Art30Controller,
  type Art30Input,
  type Art30Recipient,
} from '../../src/export/art30-report.js';
import { DEFAULT_SCRYPT } from '../../src/crypto/scrypt-kdf.js';
import { policy } from '../policy/builders.js';
import { parseCsvRecords } from './helpers.js';

const CONTROLLER: Art30Controller = {
  name: 'Acme Ltd',
  contact: '1 High Street, London; privacy@acme.example',
  dpo: 'Dana Protector, dpo@acme.example',
  representative: null,
  recorded: true,
};
const HUBSPOT: Art30Recipient = { name: 'HubSpot', role: 'processor', contractDate: '2025-01-06', hostingRegion: 'EU (Frankfurt)', transfer: 'adequacy' };
const MAILER: Art30Recipient = { name: 'Mailer Inc', role: 'processor', contractDate: '2025-02-01', hostingRegion: 'USA', transfer: 'none' };
const PARTNER: Art30Recipient = { name: 'Partner Ltd', role: 'controller', contractDate: null, hostingRegion: 'United Kingdom', transfer: 'none' };
const QUARANTINE_NONE = { contacts: 0, retention: 'x', specialCategories: [], sources: [], disclosedTo: [] };
/** The register, labelled as such; and, per group, whom its current members went to. */
const REGISTER = 'Recipients (the register: every recipient any export went to or may go to)';
const DISCLOSED = 'Disclosed to (the disclosure log: the recipients its current members went to)';

function input(overrides: Partial<Art30Input> = {}): Art30Input {
  return {
    controller: CONTROLLER,
    generatedAt: '2025-02-10',
    groups: [
      {
        groupId: 'g1',
        label: 'Prospects',
        contacts: 120,
        policy: policy('legitimate-interests', { purpose: 'prospecting' }),
        retention: '24 months after import',
        dataCategories: ['user.name.first', 'user.name.last', 'user.contact.email'],
        specialCategories: [{ category: 'health', contacts: 2 }],
        sources: ['linkedin-connections'],
        disclosedTo: [],
      },
      {
        groupId: 'g2',
        label: 'Clients',
        contacts: 1,
        policy: policy('contract'),
        retention: 'Six years after the contract ends',
        dataCategories: ['user.name.first', 'user.job_title'],
        specialCategories: [],
        sources: ['linkedin-connections', 'linkedin-imported-contacts'],
        disclosedTo: [],
      },
      { groupId: 'g3', label: 'Unsorted', contacts: 4, policy: null, retention: '30 days (quarantine)', dataCategories: [], specialCategories: [], sources: ['linkedin-connections'], disclosedTo: [] },
    ],
    quarantined: {
      contacts: 7,
      retention: 'Destroyed 30 days after import',
      specialCategories: [{ category: 'criminal-offences', contacts: 1 }, { category: 'health', contacts: 1 }],
      sources: ['linkedin-imported-contacts'],
      disclosedTo: [],
    },
    recipients: [],
    securityMeasures: DEFAULT_SECURITY_MEASURES,
    ...overrides,
  };
}

/** The lines of the section that starts with `heading`, up to the next heading. */
function section(md: string, heading: string): string[] {
  const lines = md.split('\n');
  const start = lines.indexOf(heading);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  return lines.slice(start + 1, end === -1 ? undefined : end);
}

/** Table rows as [item, detail], splitting on unescaped pipes only. */
const tableRows = (lines: string[]) =>
  lines.filter((l) => l.startsWith('| ') && !l.startsWith('| Record') && !l.startsWith('| ---')).map((l) => l.split(/(?<!\\)\|/).slice(1, -1).map((s) => s.trim()));

describe('art30Markdown', () => {
  const md = art30Markdown(input());

  it('names the controller and the date', () => {
    expect(md.startsWith('# Records of processing activities (UK GDPR Art. 30(1))\n')).toBe(true);
    expect(md).toContain('- Controller: Acme Ltd');
    expect(md).toContain('- Generated: 10 February 2025');
  });

  it("Art. 30(1)(a): lists the controller's name, contact details and DPO", () => {
    expect(Object.fromEntries(tableRows(section(md, '## Controller (Art. 30(1)(a))')))).toEqual({
      Name: 'Acme Ltd',
      'Contact details': '1 High Street, London; privacy@acme.example',
      'Data protection officer': 'Dana Protector, dpo@acme.example',
    });
    const withRepresentative = art30Markdown(input({ controller: { ...CONTROLLER, dpo: null, representative: 'EU Rep GmbH, Berlin' } }));
    expect(Object.fromEntries(tableRows(section(withRepresentative, '## Controller (Art. 30(1)(a))')))).toMatchObject({
      'Data protection officer': 'No DPO recorded',
      Representative: 'EU Rep GmbH, Berlin',
    });
  });

  it('Art. 30(1)(a): says honestly what is not recorded, never that no DPO was designated', () => {
    const none = art30Markdown(input({ controller: { name: null, contact: null, dpo: null, representative: null, recorded: false } }));
    expect(none).toContain('- Controller: not recorded');
    expect(Object.fromEntries(tableRows(section(none, '## Controller (Art. 30(1)(a))')))).toEqual({
      Name: 'not recorded',
      'Contact details': 'not recorded',
      'Data protection officer': 'not recorded',
      Representative: 'not recorded',
    });
    expect(none).not.toMatch(/designated/i);
    // A name given with the request, and nothing recorded: only the name is known.
    const named = art30Markdown(input({ controller: { name: 'Given Name Ltd', contact: null, dpo: null, representative: null, recorded: false } }));
    expect(Object.fromEntries(tableRows(section(named, '## Controller (Art. 30(1)(a))')))).toMatchObject({ Name: 'Given Name Ltd', 'Contact details': 'not recorded' });
  });

  it('has a section per group with every Art. 30(1) entry', () => {
    for (const label of ['Prospects', 'Clients', 'Unsorted']) {
      const rows = tableRows(section(md, `## Group: ${label}`));
      expect(rows.map(([item]) => item)).toEqual([
        'Contacts',
        'Purpose',
        'Lawful basis',
        ...(label === 'Prospects' ? ['Special category data held'] : []),
        'Categories of data subjects',
        'Categories of personal data',
        'Recipients (the register: every recipient any export went to or may go to)',
        'Disclosed to (the disclosure log: the recipients its current members went to)',
        'Transfers to third countries',
        'Retention',
        'Security measures',
      ]);
    }
    const prospects = Object.fromEntries(tableRows(section(md, '## Group: Prospects')));
    expect(prospects).toMatchObject({
      Contacts: '120',
      Purpose: 'Prospecting: Monthly product news to the people in this group.',
      'Lawful basis': 'Legitimate interests (UK GDPR Art. 6(1)(f))',
      'Categories of data subjects': 'LinkedIn connections (business contacts)',
      'Categories of personal data': 'First name, Last name, Email address',
      'Special category data held': 'health (Art. 9): 2 contacts',
      [REGISTER]: 'none',
      [DISCLOSED]: 'none yet',
      'Transfers to third countries': 'No transfers recorded',
      Retention: '24 months after import',
    });
    expect(prospects['Security measures']).toContain('Every stored record is encrypted (AES-256-GCM) and tied to its own row');
    const unsorted = Object.fromEntries(tableRows(section(md, '## Group: Unsorted')));
    expect(unsorted['Lawful basis']).toContain('none recorded');
    expect(unsorted['Categories of personal data']).toBe('none');
  });

  it('mentions the quarantined contacts and their retention', () => {
    const text = section(md, '## Quarantine').join('\n');
    // Quarantined: the 7 in no group and the 4 of the group without a basis, counted together in the summary.
    expect(text).toContain('7 contacts are in no group, and 4 contacts in groups without a lawful basis (above): no lawful basis covers them');
    expect(md).toContain('quarantined: 11 (7 in no group, 4 in groups without a lawful basis)');
    expect(text).toContain('Retention: Destroyed 30 days after import');
    expect(art30Markdown(input({ quarantined: { ...QUARANTINE_NONE, contacts: 1 } }))).toContain('1 contact is in no group');
    expect(text).not.toContain('Disclosed before they were quarantined');
    const disclosed = art30Markdown(input({ quarantined: { ...input().quarantined, disclosedTo: ['HubSpot'] } }));
    expect(section(disclosed, '## Quarantine')).toContain('Disclosed before they were quarantined (the disclosure log): HubSpot');
  });

  it('lists the security measures', () => {
    const lines = section(md, '## Security measures (Art. 30(1)(g), Art. 32)').filter((l) => l.startsWith('- '));
    expect(lines).toHaveLength(DEFAULT_SECURITY_MEASURES.length);
    expect(lines[1]).toBe("- Each member's passphrase is stretched with scrypt using 128 MiB of memory per attempt, which makes guessing it slow");
  });

  it('shows an Art. 9(2) condition when a group has one', () => {
    const p = policy('consent', { art9Condition: 'explicit-consent', art9Justification: 'A separate tick box for health data.' });
    const group = { groupId: 'g9', label: 'Wellbeing', contacts: 2, policy: p, retention: '1 year', dataCategories: [], specialCategories: [], sources: [], disclosedTo: [] };
    const rows = Object.fromEntries(tableRows(section(art30Markdown(input({ groups: [group] })), '## Group: Wellbeing')));
    expect(rows['Special category / criminal offence condition']).toBe('Art. 9(2)(a) explicit consent');
  });

  it('names the DPA 2018 Sch. 1 condition and the appropriate policy document relied on (DPA 2018 Sch. 1 para. 41)', () => {
    const p = policy('contract', {
      art9Condition: 'substantial-public-interest',
      art9Justification: 'Equality of opportunity monitoring of our supplier panel.',
      schedule1Condition: 'Sch. 1 para. 8',
      appropriatePolicyDocument: 'APD-2025-01',
    });
    const group = { groupId: 'g9', label: 'Panel', contacts: 2, policy: p, retention: '1 year', dataCategories: [], specialCategories: [], sources: [], disclosedTo: [] };
    const rows = Object.fromEntries(tableRows(section(art30Markdown(input({ groups: [group] })), '## Group: Panel')));
    expect(rows['Special category / criminal offence condition']).toBe('Art. 9(2)(g) substantial public interest; DPA 2018 Sch. 1 para. 8; appropriate policy document: APD-2025-01');
    // Not firing: a condition that needs neither shows only itself (the test above).
  });

  it('Art. 30(1)(d): lists the recipients from the register, labelled as the register, "none" only when it is empty', () => {
    expect(section(md, '## Recipients (Art. 30(1)(d))').filter(Boolean)).toEqual([
      'The register: every recipient any export went to or may go to. Each group above names the recipients its current members were disclosed to.',
      'None: no recipient is registered, and every export to a CRM or mailing tool names a registered recipient.',
    ]);
    const withRegister = art30Markdown(input({ recipients: [HUBSPOT, PARTNER] }));
    const rows = section(withRegister, '## Recipients (Art. 30(1)(d))').filter((l) => l.startsWith('| ') && !l.startsWith('| ---'));
    expect(rows).toEqual([
      '| Recipient | Role | Art. 28 contract | Hosting region | Transfer mechanism |',
      "| HubSpot | Processor (acts on the controller's instructions, Art. 28) | 2025-01-06 | EU (Frankfurt) | UK adequacy regulations (Art. 45, DPA 2018 s.17A) |",
      '| Partner Ltd | Controller (uses the data for its own purposes) | not applicable (a controller) | United Kingdom | None recorded |',
    ]);
    const group = Object.fromEntries(tableRows(section(withRegister, '## Group: Prospects')));
    expect(group[REGISTER]).toBe('HubSpot (processor; Art. 28 contract: 2025-01-06; hosted in EU (Frankfurt)); Partner Ltd (controller; Art. 28 contract: not applicable (a controller); hosted in United Kingdom)');
    // Registered is not received: nobody in the group went anywhere yet.
    expect(group[DISCLOSED]).toBe('none yet');
  });

  it("Art. 30(1)(d): per group, names only the recipients the disclosure log shows its current members went to", () => {
    const [prospects, clients, unsorted] = input().groups;
    const out = art30Markdown(input({ recipients: [HUBSPOT, PARTNER], groups: [{ ...prospects!, disclosedTo: ['HubSpot'] }, { ...clients!, disclosedTo: ['HubSpot', 'Partner Ltd'] }, unsorted!] }));
    expect(Object.fromEntries(tableRows(section(out, '## Group: Prospects')))[DISCLOSED]).toBe('HubSpot');
    expect(Object.fromEntries(tableRows(section(out, '## Group: Clients')))[DISCLOSED]).toBe('HubSpot; Partner Ltd');
    expect(Object.fromEntries(tableRows(section(out, '## Group: Unsorted')))[DISCLOSED]).toBe('none yet');
  });

  it('Art. 30(1)(c): names the data subjects by where their details came from, never "connections" for an uploaded address book', () => {
    const subjects = (label: string) => Object.fromEntries(tableRows(section(md, `## Group: ${label}`)))['Categories of data subjects'];
    expect(subjects('Prospects')).toBe('LinkedIn connections (business contacts)');
    expect(subjects('Clients')).toBe('LinkedIn connections (business contacts); people in the address book a member uploaded to LinkedIn (not necessarily connections)');
    const book = art30Markdown(input({ groups: [{ ...input().groups[0]!, sources: ['linkedin-imported-contacts'] }] }));
    expect(Object.fromEntries(tableRows(section(book, '## Group: Prospects')))['Categories of data subjects']).toBe(
      'people in the address book a member uploaded to LinkedIn (not necessarily connections)',
    );
    expect(book).not.toContain('LinkedIn connections (business contacts)');
    const empty = art30Markdown(input({ groups: [{ ...input().groups[2]!, contacts: 0, sources: [] }] }));
    expect(Object.fromEntries(tableRows(section(empty, '## Group: Unsorted')))['Categories of data subjects']).toBe('none at present');
  });

  it('Art. 30(1)(e): lists every transfer with its mechanism, and "No transfers recorded" when there is none', () => {
    expect(section(md, '## Transfers to third countries (Art. 30(1)(e))').filter(Boolean)).toEqual(['No transfers recorded.']);
    const uk = art30Markdown(input({ recipients: [PARTNER] }));
    expect(section(uk, '## Transfers to third countries (Art. 30(1)(e))').filter(Boolean)).toEqual(['No transfers recorded.']);
    const withTransfer = art30Markdown(input({ recipients: [HUBSPOT, PARTNER, { ...MAILER, transfer: 'idta' }] }));
    expect(section(withTransfer, '## Transfers to third countries (Art. 30(1)(e))').filter(Boolean)).toEqual([
      `- HubSpot (EU (Frankfurt)): ${TRANSFER_WORDS.adequacy}`,
      `- Mailer Inc (USA): ${TRANSFER_WORDS.idta}`,
    ]);
  });

  it('Chapter V: flags a recipient hosted outside the UK with no transfer mechanism for checking, not one in the UK', () => {
    const out = art30Markdown(input({ recipients: [MAILER, PARTNER, { ...PARTNER, name: 'London Host', hostingRegion: 'London, U.K.' }] }));
    const lines = section(out, '## Transfers to third countries (Art. 30(1)(e))').filter(Boolean);
    expect(lines[0]).toBe('No transfers recorded.');
    expect(lines.slice(1)).toEqual([
      '- Check: Mailer Inc is hosted in "USA" with no transfer mechanism recorded: if that is outside the UK, the transfer needs a safeguard (UK GDPR Chapter V).',
    ]);
    const row = Object.fromEntries(tableRows(section(out, '## Group: Prospects')))['Transfers to third countries'];
    expect(row).toContain('Check: Mailer Inc is hosted in "USA"');
  });

  it('Art. 9, Art. 10: counts the contacts per special category held, groups and quarantine together', () => {
    expect(section(md, '## Special category and criminal offence data held (Art. 9, Art. 10)').filter(Boolean)).toEqual([
      '- criminal offences (Art. 10): 1 contact',
      '- health (Art. 9): 3 contacts',
    ]);
    const none = art30Markdown(input({ groups: [], quarantined: { ...QUARANTINE_NONE, contacts: 0 } }));
    expect(section(none, '## Special category and criminal offence data held (Art. 9, Art. 10)').filter(Boolean)).toEqual(['None found in the data kept.']);
  });

  it('Art. 30(1)(f): gives the retention per group and for the quarantine', () => {
    const rows = section(md, '## Retention per category (Art. 30(1)(f))').filter((l) => l.startsWith('| ') && !l.startsWith('| ---'));
    expect(rows).toEqual([
      '| Category | Retention |',
      '| Group: Prospects | 24 months after import |',
      '| Group: Clients | Six years after the contract ends |',
      '| Group: Unsorted | 30 days (quarantine) |',
      '| Quarantine | Destroyed 30 days after import |',
    ]);
  });

  it('keeps user text from breaking the table or injecting HTML', () => {
    const label = 'A | B\n## Fake <script>alert(1)</script> [x](http://evil.example)';
    const evil = input({ groups: [{ ...input().groups[0]!, label, retention: '| 1 | 2 |' }] });
    const out = art30Markdown(evil);
    expect(out).not.toContain('<script>');
    expect(out).not.toMatch(/(?<!\\)\]\(http/); // no link: the bracket is escaped
    expect(out.split('\n').filter((l) => l.startsWith('## Fake'))).toEqual([]);
    const heading = out.split('\n').find((l) => l.startsWith('## Group: '));
    expect(heading).toBe('## Group: A \\| B \\#\\# Fake \\<script\\>alert(1)\\</script\\> \\[x\\](http://evil.example)');
    const rows = tableRows(out.split('\n'));
    for (const row of rows) expect(row).toHaveLength(2);
    expect(Object.fromEntries(rows).Retention).toBe('\\| 1 \\| 2 \\|');
  });
});

describe('markdownText', () => {
  it.each([
    ['plain', 'plain'],
    ['a\r\nb\nc', 'a b c'],
    ['**bold** _it_ `code`', '\\*\\*bold\\*\\* \\_it\\_ \\`code\\`'],
    ['- item', '\\- item'],
    ['1. first', '1\\. first'],
    ['![img](x)', '\\!\\[img\\](x)'],
    ['a & b', 'a \\& b'],
  ])('%j → %j', (value, expected) => {
    expect(markdownText(value)).toBe(expected);
  });
});

describe('art30Csv', () => {
  it('has one row per group, then the quarantine, and parses back', () => {
    const records = parseCsvRecords(art30Csv(input()));
    expect(records.map((r) => r.Group)).toEqual(['Prospects', 'Clients', 'Unsorted', 'Quarantine']);
    expect(records[0]).toMatchObject({
      Controller: 'Acme Ltd',
      'Controller contact': '1 High Street, London; privacy@acme.example',
      'Data protection officer': 'Dana Protector, dpo@acme.example',
      Representative: '',
      Generated: '2025-02-10',
      'Group id': 'g1',
      Contacts: '120',
      'Lawful basis': 'Legitimate interests (UK GDPR Art. 6(1)(f))',
      'Categories of data subjects': 'LinkedIn connections (business contacts)',
      'Special category data held': 'health (Art. 9): 2 contacts',
      [REGISTER]: 'none',
      [DISCLOSED]: 'none yet',
      'Transfers to third countries': 'No transfers recorded',
      Retention: '24 months after import',
    });
    expect(records[1]?.['Lawful basis']).toBe('Contract (UK GDPR Art. 6(1)(b))');
    expect(records[2]?.Purpose).toContain('none recorded');
    expect(records[3]).toMatchObject({
      'Group id': '',
      Contacts: '7',
      Retention: 'Destroyed 30 days after import',
      'Special category data held': 'criminal offences (Art. 10): 1 contact; health (Art. 9): 1 contact',
      'Categories of data subjects': 'people in the address book a member uploaded to LinkedIn (not necessarily connections)',
      [DISCLOSED]: 'none yet',
    });
  });

  it('Art. 30(1)(a), (d), (e): carries the controller, the register and the transfers on every row', () => {
    const records = parseCsvRecords(art30Csv(input({ recipients: [HUBSPOT, MAILER], controller: { name: null, contact: null, dpo: null, representative: null, recorded: false } })));
    for (const r of records) {
      expect(r).toMatchObject({ Controller: 'not recorded', 'Controller contact': 'not recorded', 'Data protection officer': 'not recorded' });
      expect(r[REGISTER]).toContain('HubSpot (processor; Art. 28 contract: 2025-01-06; hosted in EU (Frankfurt))');
      expect(r[REGISTER]).toContain('Mailer Inc (processor');
      expect(r['Transfers to third countries']).toContain(`HubSpot (EU (Frankfurt)): ${TRANSFER_WORDS.adequacy}`);
      expect(r['Transfers to third countries']).toContain('Check: Mailer Inc is hosted in "USA"');
    }
  });

  it('neutralises a formula in a group label', () => {
    const evil = input({ groups: [{ ...input().groups[0]!, label: '=1+1' }] });
    expect(parseCsvRecords(art30Csv(evil))[0]?.Group).toBe("'=1+1");
  });
});

describe('DEFAULT_SECURITY_MEASURES', () => {
  it('is frozen and names the encryption, key slots, roles, audit log and destruction', () => {
    expect(Object.isFrozen(DEFAULT_SECURITY_MEASURES)).toBe(true);
    const text = DEFAULT_SECURITY_MEASURES.join('\n');
    for (const word of ['AES-256-GCM', 'scrypt', 'importer, data owner, admin', 'hash-chained', 'certificate', 'overwritten', 'file is rewritten', 'CSV injection']) {
      expect(text).toContain(word);
    }
  });

  it('is read by a DPO: no parameter notation or SQLite words', () => {
    const text = DEFAULT_SECURITY_MEASURES.join('\n');
    expect(DEFAULT_SECURITY_MEASURES.filter((m) => m.includes(';')), 'a semicolon would split a measure in the table cell').toEqual([]);
    for (const jargon of [/N=2\^/, /\br=\d/, /\bp=\d/, /secure_delete/, /\bWAL\b/, /blind ind/i, /dedupe/i, /plaintext/]) expect(text).not.toMatch(jargon);
  });

  it("states scrypt's memory as the default parameters need it (128·N·r bytes)", () => {
    const mib = (128 * DEFAULT_SCRYPT.N * DEFAULT_SCRYPT.r) / 2 ** 20;
    expect(DEFAULT_SECURITY_MEASURES.join('\n')).toContain(`scrypt using ${mib} MiB of memory`);
  });
});
