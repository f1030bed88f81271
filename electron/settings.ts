// The desktop's few remembered facts, in a small JSON file under the user's app data folder: the vault opened last,
// the member name it was opened with (the user's own, to pre-fill the unlock form; never a passphrase), and when
// the daily destruction last ran for each vault. Nothing about contacts (the vault file holds that, encrypted).
// Written atomically (temporary file, then rename) with owner-only permissions.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { LastRunStore } from './scheduler.js';

export interface DesktopSettings {
  lastVaultPath: string | null;
  /** The member name the last vault was opened with (the user's own name on this computer). */
  lastMemberName: string | null;
  /** Vault path → ISO time of the last successful scheduled destruction. */
  lastDestruction: Record<string, string>;
}

export const SETTINGS_FILE = 'desktop-settings.json';

const empty = (): DesktopSettings => ({ lastVaultPath: null, lastMemberName: null, lastDestruction: {} });

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
  const { lastVaultPath, lastMemberName, lastDestruction } = raw as Record<string, unknown>;
  if (typeof lastVaultPath === 'string' && lastVaultPath.length > 0 && lastVaultPath.length <= 4096) settings.lastVaultPath = lastVaultPath;
  // The contract's limit for a member name (src/api/schemas.ts, memberName).
  if (settings.lastVaultPath && typeof lastMemberName === 'string' && lastMemberName.length > 0 && lastMemberName.length <= 200) settings.lastMemberName = lastMemberName;
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

/** The vault just opened, and the member name used (null forgets the name kept for another vault). */
export function rememberVault(file: string, path: string, name: string | null = null): void {
  updateSettings(file, (s) => {
    s.lastVaultPath = path;
    s.lastMemberName = name && name.length <= 200 ? name : null;
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
