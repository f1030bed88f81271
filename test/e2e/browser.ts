// Which Chromium the browser suite drives (harness.ts): CHROMIUM_PATH, else a system Chromium or Chrome, else the
// headless shell shipped in the npm package @sparticuz/chromium (unpacked into the temp folder, no network).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export type BrowserSource = 'CHROMIUM_PATH' | 'system' | '@sparticuz/chromium';

export interface FoundBrowser {
  path: string;
  source: BrowserSource;
  /** Variables to add to the browser's environment (the shipped shell's own libraries); never set in ours. */
  env: Record<string, string>;
}

/** Where a system Chromium or Chrome lives on Linux and macOS, in the order tried. */
export const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
] as const;

export interface Probe {
  env: Record<string, string | undefined>;
  exists: (path: string) => boolean;
  /** The npm package's browser, called only when nothing else is found. */
  shipped: () => Promise<FoundBrowser>;
}

/** The first browser in the order above; `CHROMIUM_PATH`, when set, must exist. */
export async function findBrowser(probe: Probe = { env: process.env, exists: existsSync, shipped: shippedChromium }): Promise<FoundBrowser> {
  const chosen = probe.env.CHROMIUM_PATH;
  if (chosen) {
    if (!probe.exists(chosen)) throw new Error(`CHROMIUM_PATH is set to "${chosen}", which does not exist: point it at a Chromium or Chrome binary, or unset it.`);
    return { path: chosen, source: 'CHROMIUM_PATH', env: {} };
  }
  const system = SYSTEM_BROWSERS.find((path) => probe.exists(path));
  if (system) return { path: system, source: 'system', env: {} };
  return probe.shipped();
}

/**
 * The headless shell of @sparticuz/chromium. Outside AWS Lambda the package unpacks the binary and its fonts but
 * not the libraries it was built against (NSS, expat): when `ldd` finds some missing here, its al2023 archive is
 * unpacked beside the binary and named in LD_LIBRARY_PATH for the browser alone. The package's `args` are not
 * used: they turn web security off.
 */
export async function shippedChromium(): Promise<FoundBrowser> {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`No Chromium or Chrome found, and @sparticuz/chromium ships only for Linux x64: set CHROMIUM_PATH.`);
  }
  const { default: Chromium } = await import('@sparticuz/chromium');
  const path = await Chromium.executablePath();
  const env: Record<string, string> = {};
  if (!existsSync('/etc/fonts/fonts.conf')) env.FONTCONFIG_PATH = join(tmpdir(), 'fonts');
  if (missingLibraries(path, env).length === 0) return { path, source: '@sparticuz/chromium', env };
  // The package's own unpacking (its index.js calls it for al2023.tar.br only on Lambda); to tmpdir()/al2023.
  const build = dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium')); // build/cjs
  const { inflate } = (await import(pathToFileURL(join(build, '..', 'esm', 'lambdafs.js')).href)) as { inflate(file: string): Promise<string> };
  const libs = join(await inflate(join(build, '..', '..', 'bin', 'al2023.tar.br')), 'lib');
  env.LD_LIBRARY_PATH = [libs, ...(process.env.LD_LIBRARY_PATH ? [process.env.LD_LIBRARY_PATH] : [])].join(delimiter);
  const missing = missingLibraries(path, env);
  if (missing.length) throw new Error(`${path} (from @sparticuz/chromium) needs ${missing.join(', ')}, which this machine lacks: install Chromium or set CHROMIUM_PATH.`);
  return { path, source: '@sparticuz/chromium', env };
}

/** Shared libraries `ldd` cannot find for the binary, with these variables added to the environment. */
function missingLibraries(binary: string, env: Record<string, string>): string[] {
  const out = execFileSync('ldd', [binary], { encoding: 'utf8', env: { ...process.env, ...env } });
  return [...out.matchAll(/^\s*(\S+) => not found/gm)].map((m) => m[1]!);
}
