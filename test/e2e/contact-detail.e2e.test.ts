// The contact detail names the import a record came from as a person recognises it: the kind of file, the day it was
// imported and its number among the vault's imports; the import's id is no longer shown (it stays in the title, to
// copy). No wall-clock timing: every step waits for what it shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, HEADER, scratch } from '../support/fixtures.js';
import { startApp, type App } from './harness.js';
import { steps } from './steps.js';

const tmp = scratch();
let app: App;
const s = steps(() => app);
let now = new Date('2026-11-02T10:00:00Z');

beforeAll(async () => {
  app = await startApp({ now: () => now });
  app.page.setDefaultTimeout(15_000);
  await s.signIn(tmp.path('detail.vault'));
}, 60_000);
afterAll(async () => {
  await app?.close();
});

describe('the contact detail', { timeout: 60_000 }, () => {
  it('names the source import by its file and day, not by its id', async () => {
    const first = await app.service.call('import.commit', { path: fixture('connections-tricky.csv'), choices: {} });
    // A second import, days later, updates Ada: her record now comes from it.
    now = new Date('2026-11-29T10:00:00Z');
    const ada = 'Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace-1815,ada@analytical-engines.example,Analytical Engines Ltd,Head of Computation,10 Dec 2019';
    const second = await app.service.call('import.commit', { path: tmp.write([HEADER, ada, ''].join('\n'), 'ada.csv'), choices: { onDuplicate: 'update' } });
    expect(second.updated).toBe(1);

    await s.open('contacts');
    await app.page.getByTestId('contact-row').filter({ hasText: 'Lovelace' }).first().click();
    const detail = s.byTestId('contact-detail');
    await detail.waitFor();
    await expect.poll(() => s.byTestId('detail-source').innerText()).toBe('line 2 of the LinkedIn connections file imported on 29 November 2026 (import 2)');
    const shown = await detail.innerText();
    for (const id of [first.importId, second.importId]) expect(shown).not.toContain(id);
    // The id stays at hand, to copy, in the title.
    expect(await s.byTestId('detail-source').getAttribute('title')).toBe(`Import id ${second.importId}`);
    await s.accessible('contact-detail-source');
  });
});
