// The command as a script or a person uses it: exit codes, exactly one JSON object on stdout, one sentence on stderr.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InspectReportSchema } from '../../src/report/report-schema.js';
import { fixture, scratch } from '../support/fixtures.js';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'contact-sanitizer.js');
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
const tmp = scratch();

describe('contact-sanitizer inspect', () => {
  it('--json prints exactly one JSON object matching the schema, exit 0', () => {
    const r = run('inspect', fixture('connections-tricky.csv'), '--json');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const report = InspectReportSchema.parse(JSON.parse(r.stdout));
    expect(report.records).toBe(14);
    expect(report.source).toMatchObject({ container: 'csv', entry: null, encoding: 'utf-8', delimiter: ',', kind: 'linkedin-connections', variant: 'current' });
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('exit 0 with record errors: the file was read', () => {
    const r = run('inspect', fixture('connections-broken-quote.csv'), '--json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).errors).toEqual([{ line: 8, message: expect.any(String) }]);
  });

  it('a readable summary without --json', () => {
    const r = run('inspect', fixture('Basic_LinkedInDataExport_11-29-2026.zip'));
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/14 contact records, 6 with an email address/);
    expect(r.stdout).toMatch(/ImportedContacts\.csv: the address book you uploaded/);
    expect(r.stdout).toMatch(/special-category \(4\)/);
    expect(r.stdout).toMatch(/line 8, Position: a phone number/);
  });

  it.each([
    ['empty.csv', /empty/],
    ['messages.csv', /messages\.csv.*not your connections/],
  ])('exit 2 and one clear sentence on stderr for %s', (file, message) => {
    const r = run('inspect', fixture(file), '--json');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('exit 2 for a missing file, 64 for a usage error', () => {
    expect(run('inspect', tmp.path('missing.csv')).status).toBe(2);
    const usage = run('inspect');
    expect(usage.status).toBe(64);
    expect(usage.stderr).toMatch(/missing required argument 'file'/);
  });

  it('reads ImportedContacts.csv from the archive only when named', () => {
    const r = run('inspect', fixture('Basic_LinkedInDataExport_11-29-2026.zip'), '--entry', 'ImportedContacts.csv', '--json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).source.kind).toBe('linkedin-imported-contacts');
  });
});
