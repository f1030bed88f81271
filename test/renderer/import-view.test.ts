// The import screen's pure parts (renderer/lib/import-view.ts): each special-category line's decision (the importer's
// own over the choice for all), the requests that carry every decision to the core, and when the counts are stale.
import { describe, expect, it } from 'vitest';
import { categoryWords, commitRequest, contactEntries, hintLines, lineDecision, predictionKey, previewRequest, type ImportChoices } from '../../renderer/lib/import-view.js';

const findings = [
  { line: 9, kind: 'special-category' },
  { line: 4, kind: 'phone-number' },
  { line: 7, kind: 'special-category' },
  { line: 7, kind: 'special-category' },
];

describe('special-category decisions, line by line', () => {
  it('lists the lines with a hint once each, in order', () => {
    expect(hintLines(findings)).toEqual([7, 9]);
  });

  it('takes the importer’s decision for a line over the choice for all, which defaults to strip', () => {
    const all: ImportChoices = { dropColumns: [], strip: ['special-category'], onDuplicate: 'skip', lineChoices: { 7: 'keep' } };
    expect(lineDecision(all, 7)).toBe('keep');
    expect(lineDecision(all, 9)).toBe('strip');
    expect(lineDecision({ ...all, strip: [], lineChoices: {} }, 9)).toBe('keep');
  });

  it('sends every hint line’s decision with the commit and the preview, and recounts when one changes', () => {
    const choices: ImportChoices = { dropColumns: ['Email Address'], strip: ['special-category', 'phone-number'], onDuplicate: 'update', lineChoices: { 7: 'keep' } };
    const req = commitRequest('/x.csv', choices, 'a'.repeat(64), null, [7, 9]);
    expect(req.choices).toEqual({
      dropColumns: ['Email Address'],
      strip: ['phone-number', 'special-category'],
      onDuplicate: 'update',
      expectedSha256: 'a'.repeat(64),
      lineChoices: [
        { line: 7, specialCategory: 'keep' },
        { line: 9, specialCategory: 'strip' },
      ],
    });
    expect(previewRequest('/x.zip', 'ImportedContacts.csv', choices, [7, 9])).toEqual({
      path: '/x.zip',
      entry: 'ImportedContacts.csv',
      choices: { dropColumns: ['Email Address'], strip: ['phone-number', 'special-category'], lineChoices: req.choices.lineChoices },
    });
    expect(previewRequest('/x.csv', null, null)).toEqual({ path: '/x.csv' });
    // The duplicate choice is predicted both ways at once: changing it needs no recount; a line's decision does.
    expect(predictionKey({ ...choices, onDuplicate: 'skip' }, [7, 9])).toBe(predictionKey(choices, [7, 9]));
    expect(predictionKey({ ...choices, lineChoices: {} }, [7, 9])).not.toBe(predictionKey(choices, [7, 9]));
  });
});

describe('words, not keys', () => {
  it('offers only the archive’s contact files', () => {
    expect(contactEntries([{ name: 'Connections.csv' }, { name: 'messages.csv' }, { name: 'ImportedContacts.csv' }, { name: 'Profile.csv' }])).toEqual(['Connections.csv', 'ImportedContacts.csv']);
  });

  it('names a column’s category in words', () => {
    expect(categoryWords('user.job_title')).toBe('Job title');
    expect(categoryWords('user.contact.email')).toBe('Email address');
    expect(categoryWords('something.new')).toBe('Other personal data');
  });
});
