// The desktop's few remembered facts, in a small JSON file under the user's app data folder: the vault opened last
// and when the daily destruction last ran for each vault. Paths and times only, never personal data (the vault
// file holds that, encrypted). Written atomically (temporary file, then rename) with owner-only permissions.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { LastRunStore } from './scheduler.js';

export interface DesktopSettings {
  lastVaultPath: string | null;
  /** Vault path → ISO time of the last successful scheduled destruction. */
  lastDestruction: Record<string, string>;
}

export const SETTINGS_FILE = 'desktop-settings.json';

const empty = (): DesktopSettings => ({ lastVaultPath: null, lastDestruction: {} });

/** The settings in `file`, or the defaults when it is missing or not what we wrote (it is never trusted further). */
export function readSettings(file: string): DesktopSettings {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return empty();
  }
  const settings = empty();
  if (typeof raw !== 'object' || raw === null) return settings;
  const { lastVaultPath, lastDestruction } = raw as Record<string, unknown>;
  if (typeof lastVaultPath === 'string' && lastVaultPath.length > 0 && lastVaultPath.length <= 4096) settings.lastVaultPath = lastVaultPath;
  if (typeof lastDestruction === 'object' && lastDestruction !== null) {
    for (const [path, at] of Object.entries(lastDestruction)) {
      if (typeof at === 'string' && !Number.isNaN(Date.parse(at))) settings.lastDestruction[path] = at;
    }
  }
  return settings;
}

export function writeSettings(file: string, settings: DesktopSettings): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
  renameSync(temp, file);
}

/** Read, change and write back in one step. */
export function updateSettings(file: string, change: (settings: DesktopSettings) => void): DesktopSettings {
  const settings = readSettings(file);
  change(settings);
  writeSettings(file, settings);
  return settings;
}

export function rememberVault(file: string, path: string): void {
  updateSettings(file, (s) => {
    s.lastVaultPath = path;
  });
}

/** The scheduler's last-run store, kept in the settings file. */
export function lastRunStore(file: string): LastRunStore {
  return {
    get: (target) => {
      const at = readSettings(file).lastDestruction[target];
      return at ? new Date(at) : null;
    },
    set: (target, at) =>
      updateSettings(file, (s) => {
        s.lastDestruction[target] = at.toISOString();
      }),
  };
}
