// The LinkedIn archive: Connections.csv found wherever it sits, everything else listed, ZIP bombs refused.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { inspectExport } from '../../src/report/inspect.js';
import { DEFAULT_LIMITS } from '../../src/import/limits.js';
import { fixture, HEADER, scratch } from '../support/fixtures.js';

const tmp = scratch();
const CSV = `${HEADER}\nAnn,Lee,https://www.linkedin.com/in/ann,,Acme,Engineer,01 Jan 2020\n`;

async function zip(entries: Record<string, string | Buffer>, name = `a-${Math.random().toString(36).slice(2)}.zip`): Promise<string> {
  const z = new yazl.ZipFile();
  for (const [entry, content] of Object.entries(entries)) z.addBuffer(Buffer.from(content), entry);
  z.end();
  const path = tmp.path(name);
  const out = z.outputStream.pipe(createWriteStream(path));
  await once(out, 'finish');
  return path;
}

describe('the LinkedIn archive ZIP', () => {
  it('finds Connections.csv inside a folder', async () => {
    const path = await zip({ 'Complete_LinkedInDataExport_01-02-2026/Connections.csv': CSV, 'Complete_LinkedInDataExport_01-02-2026/Profile.csv': 'x' });
    const report = await inspectExport(path);
    expect(report.source).toMatchObject({ container: 'zip', entry: 'Complete_LinkedInDataExport_01-02-2026/Connections.csv' });
    expect(report.records).toBe(1);
  });

  it('an archive without Connections.csv gets a clear error that lists what it holds', async () => {
    const path = await zip({ 'Profile.csv': 'x', 'messages.csv': 'y' });
    await expect(inspectExport(path)).rejects.toMatchObject({
      code: 'zip-no-connections',
      message: expect.stringMatching(/no Connections\.csv \(it holds Profile\.csv, messages\.csv\)/),
    });
  });

  it('refuses an entry that would inflate more than the ratio limit (a ZIP bomb), before inflating it', async () => {
    const path = await zip({ 'Connections.csv': Buffer.alloc(50 * 1024 * 1024) });
    await expect(inspectExport(path)).rejects.toMatchObject({ code: 'zip-bomb', message: expect.stringMatching(/expand \d+ times/) });
  });

  it('refuses archives with too many entries or too large a total', async () => {
    await expect(inspectExport(fixture('Basic_LinkedInDataExport_11-29-2026.zip'), { limits: { ...DEFAULT_LIMITS, maxZipEntries: 3 } })).rejects.toMatchObject({
      code: 'zip-bomb',
      message: expect.stringMatching(/lists 5 files/),
    });
    await expect(inspectExport(fixture('Basic_LinkedInDataExport_11-29-2026.zip'), { limits: { ...DEFAULT_LIMITS, maxZipTotalBytes: 1000 } })).rejects.toMatchObject({
      code: 'zip-bomb',
    });
  });

  it('a damaged archive is a clear error', async () => {
    const good = await zip({ 'Connections.csv': CSV });
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync(good);
    const cut = tmp.write(bytes.subarray(0, bytes.length - 30), 'cut.zip');
    await expect(inspectExport(cut)).rejects.toMatchObject({ code: 'zip-invalid' });
  });

  it('an empty Connections.csv inside the archive is an empty-file error', async () => {
    await expect(inspectExport(await zip({ 'Connections.csv': '' }))).rejects.toMatchObject({ code: 'empty-file' });
  });
});
