// Steps the browser suites share: find by test id, check a screen with axe-core (no violation of any severity) and
// save its screenshot, read the status region, and start a day with a vault already made and unlocked in the core
// (the page then takes up the open session, as after a reload in the desktop app).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ACCESS } from '../../src/api/access.js';
import * as vocabulary from '../../src/shared/vocabulary.js';
import type { Role } from '../../src/shared/vocabulary.js';
import { PASSPHRASE } from '../support/vault.js';
import type { App } from './harness.js';

const AXE = readFileSync(join(createRequire(import.meta.url).resolve('axe-core'), '..', 'axe.min.js'), 'utf8');

/** Every vocabulary key that cannot pass for words (hyphenated), and the audit log's action names; two are left out
 * because they are also English adjectives the screens use ("special-category data", "carried-over notices"). */
const ALSO_ENGLISH = ['special-category', 'carried-over'];
const LISTS = (Object.values(vocabulary) as unknown[]).filter((v): v is string[] => Array.isArray(v));
export const RAW_KEYS = [...new Set([...LISTS.flat(), ...Object.values(ACCESS).map((a) => a.action)])].filter(
  (k) => typeof k === 'string' && k.includes('-') && !ALSO_ENGLISH.includes(k),
);
const escape = (k: string) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const RAW_KEY = new RegExp(`(?<![\\w-])(?:${RAW_KEYS.map(escape).join('|')})(?![\\w-])`);
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

export interface Steps {
  byTestId(id: string): ReturnType<App['page']['getByTestId']>;
  /** axe-core over the whole page: no violation of any severity; then a screenshot named `screen`. */
  accessible(screen: string): Promise<void>;
  status(): Promise<string>;
  /** What the element with `testId` says, as a person reads it: no raw vocabulary key, and no id unless `idsShown`
   * (only a certificate's own text, a document: elsewhere an id is a "Copy id" button, its id the tooltip); its text. */
  inWords(testId?: string, options?: { idsShown?: boolean }): Promise<string>;
  /** Create a vault at `path` in the core, unlocked by `name` with `roles`, and reload the page into it. */
  signIn(path: string, options?: { name?: string; roles?: Role[] }): Promise<void>;
  /** Open a screen from the navigation. */
  open(screen: string): Promise<void>;
  /** `accessible` in the light and the dark theme, at 1024×700 and at 1920×1080, from the top of the page:
   * screenshots `<name>-<theme>-<size>`; then the walk's own size, scroll and the OS's theme again. */
  looks(name: string): Promise<void>;
}

/** The two window sizes every look is judged at (issue 14). */
export const LOOK_SIZES = [
  { name: '1024', width: 1024, height: 700 },
  { name: '1920', width: 1920, height: 1080 },
] as const;

export function steps(app: () => App): Steps {
  const page = () => app().page;
  const byTestId = (id: string) => page().getByTestId(id);
  const self: Steps = {
    byTestId,
    async accessible(screen) {
      await page().evaluate(AXE);
      const violations = (await page().evaluate(async () => {
        const g = globalThis as unknown as { document: unknown; axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: unknown }[] }[] }> } };
        const result = await g.axe.run(g.document, { resultTypes: ['violations'] });
        return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => JSON.stringify(n.target)).slice(0, 3) }));
      })) as { id: string; impact: string; targets: string[] }[];
      expect(violations, screen).toEqual([]);
      await app().screenshot(screen);
    },
    async status() {
      return (await byTestId('status').textContent()) ?? '';
    },
    async inWords(testId = 'app', options = {}) {
      const said = await byTestId(testId).innerText();
      // The offending phrase with a little of what surrounds it, to find it on the screen.
      const around = (m: RegExpMatchArray | null) => (m ? said.slice(Math.max(0, m.index! - 60), m.index! + m[0].length + 60) : undefined);
      expect(around(said.match(RAW_KEY)), `${testId} shows a raw key`).toBeUndefined();
      if (!options.idsShown) expect(around(said.match(UUID)), `${testId} shows an id`).toBeUndefined();
      return said;
    },
    async signIn(path, options = {}) {
      const name = options.name ?? 'Alice Admin';
      await app().service.call('vault.create', { path, name, passphrase: PASSPHRASE, roles: options.roles ?? ['admin', 'data-owner', 'importer'] });
      await page().reload();
      await byTestId('session').waitFor();
    },
    async open(screen) {
      await byTestId(`nav-${screen}`).click();
    },
    async looks(name) {
      const walkSize = page().viewportSize();
      const scrolled = Number(await page().evaluate('window.scrollY'));
      try {
        for (const theme of ['light', 'dark'] as const) {
          await page().emulateMedia({ colorScheme: theme });
          for (const size of LOOK_SIZES) {
            await page().setViewportSize({ width: size.width, height: size.height });
            // From the top: a full-page screenshot of a scrolled page draws the sticky navigation and headers where
            // the scroll left them, over the content.
            await page().evaluate('window.scrollTo(0, 0)');
            await self.accessible(`${name}-${theme}-${size.name}`);
          }
        }
      } finally {
        await page().emulateMedia({ colorScheme: null });
        if (walkSize) await page().setViewportSize(walkSize);
        await page().evaluate(`window.scrollTo(0, ${scrolled})`);
      }
    },
  };
  return self;
}
