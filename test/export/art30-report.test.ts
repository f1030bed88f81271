// Records of processing (Art. 30(1)): a section per group with the required entries, the quarantine, the
// security measures; user text cannot break the Markdown; the CSV has one row per group and parses back.
import { describe, expect, it } from 'vitest';
import { art30Csv, art30Markdown, DEFAULT_SECURITY_MEASURES, markdownText, type Art30Input } from '../../src/export/art30-report.js';
import { policy } from '../policy/builders.js';
import { parseCsvRecords } from './helpers.js';

function input(overrides: Partial<Art30Input> = {}): Art30Input {
  return {
    controller: 'Acme Ltd, 1 High Street, London',
    generatedAt: '2025-02-10',
    groups: [
      {
        groupId: 'g1',
        label: 'Prospects',
        contacts: 120,
        policy: policy('legitimate-interests', { purpose: 'prospecting' }),
        retention: '24 months after import',
        dataCategories: ['user.name.first', 'user.name.last', 'user.contact.email'],
      },
      {
        groupId: 'g2',
        label: 'Clients',
        contacts: 1,
        policy: policy('contract'),
        retention: 'Six years after the contract ends',
        dataCategories: ['user.name.first', 'user.job_title'],
      },
      { groupId: 'g3', label: 'Unsorted', contacts: 4, policy: null, retention: '30 days (quarantine)', dataCategories: [] },
    ],
    quarantined: { contacts: 7, retention: 'Destroyed 30 days after import' },
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
    expect(md).toContain('- Controller: Acme Ltd, 1 High Street, London');
    expect(md).toContain('- Generated: 2025-02-10');
  });

  it('has a section per group with every Art. 30(1) entry', () => {
    for (const label of ['Prospects', 'Clients', 'Unsorted']) {
      const rows = tableRows(section(md, `## Group: ${label}`));
      expect(rows.map(([item]) => item)).toEqual([
        'Contacts',
        'Purpose',
        'Lawful basis',
        'Categories of data subjects',
        'Categories of personal data',
        'Recipients',
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
      'Categories of personal data': 'user.name.first, user.name.last, user.contact.email',
      Recipients: 'none outside the controller unless exported to a CRM',
      'Transfers to third countries': 'none',
      Retention: '24 months after import',
    });
    expect(prospects['Security measures']).toContain('AES-256-GCM encryption of every stored record, bound to its row');
    const unsorted = Object.fromEntries(tableRows(section(md, '## Group: Unsorted')));
    expect(unsorted['Lawful basis']).toContain('none recorded');
    expect(unsorted['Categories of personal data']).toBe('none');
  });

  it('mentions the quarantined contacts and their retention', () => {
    const text = section(md, '## Quarantine').join('\n');
    expect(text).toContain('7 contacts are in quarantine');
    expect(text).toContain('Retention: Destroyed 30 days after import');
    expect(art30Markdown(input({ quarantined: { contacts: 1, retention: 'x' } }))).toContain('1 contact is in quarantine');
  });

  it('lists the security measures', () => {
    const lines = section(md, '## Security measures (Art. 30(1)(g), Art. 32)').filter((l) => l.startsWith('- '));
    expect(lines).toHaveLength(DEFAULT_SECURITY_MEASURES.length);
    expect(lines[1]).toBe('- Passphrase key slots with scrypt (N=2^17, r=8, p=1)');
  });

  it('shows an Art. 9(2) condition when a group has one', () => {
    const p = policy('consent', { art9Condition: 'explicit-consent', art9Justification: 'A separate tick box for health data.' });
    const group = { groupId: 'g9', label: 'Wellbeing', contacts: 2, policy: p, retention: '1 year', dataCategories: [] };
    const rows = Object.fromEntries(tableRows(section(art30Markdown(input({ groups: [group] })), '## Group: Wellbeing')));
    expect(rows['Special category / criminal offence condition']).toBe('Art. 9(2): explicit-consent');
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
  it('has one row per group and parses back', () => {
    const records = parseCsvRecords(art30Csv(input()));
    expect(records.map((r) => r.Group)).toEqual(['Prospects', 'Clients', 'Unsorted']);
    expect(records[0]).toMatchObject({
      Controller: 'Acme Ltd, 1 High Street, London',
      Generated: '2025-02-10',
      'Group id': 'g1',
      Contacts: '120',
      'Lawful basis': 'Legitimate interests (UK GDPR Art. 6(1)(f))',
      'Categories of data subjects': 'LinkedIn connections (business contacts)',
      'Transfers to third countries': 'none',
      Retention: '24 months after import',
    });
    expect(records[1]?.['Lawful basis']).toBe('Contract (UK GDPR Art. 6(1)(b))');
    expect(records[2]?.Purpose).toContain('none recorded');
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
    for (const word of ['AES-256-GCM', 'scrypt (N=2^17, r=8, p=1)', 'importer, data owner, admin', 'Hash-chained', 'secure_delete']) {
      expect(text).toContain(word);
    }
  });
});
