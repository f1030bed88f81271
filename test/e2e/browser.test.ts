// The browser suite's discovery order (browser.ts), on an imagined machine: CHROMIUM_PATH, the system paths in
// order, then the npm package's shell; nothing here looks at this machine's files or unpacks anything.
import { describe, expect, it, vi } from 'vitest';
import { findBrowser, SYSTEM_BROWSERS, type FoundBrowser, type Probe } from './browser.js';

const SHIPPED: FoundBrowser = { path: '/tmp/chromium', source: '@sparticuz/chromium', env: { LD_LIBRARY_PATH: '/tmp/al2023/lib' } };

function machine(files: string[], env: Record<string, string | undefined> = {}) {
  const shipped = vi.fn(async () => SHIPPED);
  const probe: Probe = { env, exists: (path) => files.includes(path), shipped };
  return { probe, shipped };
}

describe('findBrowser', () => {
  it('takes CHROMIUM_PATH first, before any system browser', async () => {
    const { probe, shipped } = machine(['/usr/bin/chromium', '/home/me/chrome'], { CHROMIUM_PATH: '/home/me/chrome' });
    expect(await findBrowser(probe)).toEqual({ path: '/home/me/chrome', source: 'CHROMIUM_PATH', env: {} });
    expect(shipped).not.toHaveBeenCalled();
  });

  it('refuses a CHROMIUM_PATH that does not exist, rather than falling back', async () => {
    const { probe, shipped } = machine(['/usr/bin/chromium'], { CHROMIUM_PATH: '/nowhere/chrome' });
    await expect(findBrowser(probe)).rejects.toThrow(/CHROMIUM_PATH is set to "\/nowhere\/chrome", which does not exist/);
    expect(shipped).not.toHaveBeenCalled();
  });

  it('takes the first system browser in order when CHROMIUM_PATH is unset or empty', async () => {
    for (const [i, path] of SYSTEM_BROWSERS.entries()) {
      const { probe } = machine(SYSTEM_BROWSERS.slice(i), { CHROMIUM_PATH: i % 2 ? '' : undefined });
      expect(await findBrowser(probe)).toEqual({ path, source: 'system', env: {} });
    }
  });

  it('covers the common Linux and macOS places', () => {
    expect(SYSTEM_BROWSERS).toEqual(
      expect.arrayContaining(['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/opt/google/chrome/chrome']),
    );
    expect(SYSTEM_BROWSERS.filter((p) => p.startsWith('/Applications/'))).toHaveLength(2);
  });

  it('falls back to the npm package only when nothing else is there', async () => {
    const { probe, shipped } = machine(['/usr/bin/firefox']);
    expect(await findBrowser(probe)).toEqual(SHIPPED);
    expect(shipped).toHaveBeenCalledOnce();
  });
});
