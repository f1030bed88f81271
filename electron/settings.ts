// The desktop's few remembered facts, in a small JSON file under the user's app data folder: the vault opened last,
// the member name it was opened with (the user's own, to pre-fill the unlock form; never a passphrase) and that
// member's id, whether that member turned on the keychain unlock here, and when the daily destruction last ran for
// each vault. Nothing about contacts (the vault file holds that, encrypted). Written atomically (temporary file,
// then rename) with owner-only permissions.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { LastVault } from '../src/api/desktop-contract.js';
import type { LastRunStore } from './scheduler.js';
import type { VaultEvent } from './vault-opened.js';

export interface DesktopSettings {
  lastVaultPath: string | null;
  /** The member name the last vault was opened with (the user's own name on this computer). */
  lastMemberName: string | null;
  /** That member's id (from the opening's answer): an admin removing them is recognised by it. */
  lastMemberId: string | null;
  /** The member name, of the last vault, that turned on the keychain unlock on this computer; null when off. */
  keychainMember: string | null;
  /** Vault path → ISO time of the last successful scheduled destruction. */
  lastDestruction: Record<string, string>;
}

/** What the desktop remembers of the last opening (the settings without the scheduler's runs). */
export type Remembered = Pick<DesktopSettings, 'lastVaultPath' | 'lastMemberName' | 'lastMemberId' | 'keychainMember'>;

export const SETTINGS_FILE = 'desktop-settings.json';

/** The contract's limit for a member name (src/api/schemas.ts, memberName). */
const MAX_NAME = 200;

const empty = (): DesktopSettings => ({ lastVaultPath: null, lastMemberName: null, lastMemberId: null, keychainMember: null, lastDestruction: {} });

/** Names as the vault compares them (src/vault/members.ts): case, outer and repeated spaces aside. */
const sameName = (a: string | null, b: string | null) =>
  a !== null && b !== null && a.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase() === b.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

const nameOrNull = (name: string | null | undefined) => (typeof name === 'string' && name.length > 0 && name.length <= MAX_NAME ? name : null);

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
  const { lastVaultPath, lastMemberName, lastMemberId, keychainMember, lastDestruction } = raw as Record<string, unknown>;
  if (typeof lastVaultPath === 'string' && lastVaultPath.length > 0 && lastVaultPath.length <= 4096) settings.lastVaultPath = lastVaultPath;
  if (settings.lastVaultPath && typeof lastMemberName === 'string') settings.lastMemberName = nameOrNull(lastMemberName);
  if (settings.lastMemberName && typeof lastMemberId === 'string' && /^[0-9a-f-]{36}$/i.test(lastMemberId)) settings.lastMemberId = lastMemberId;
  // The keychain flag belongs to the remembered member, or to nobody.
  if (typeof keychainMember === 'string' && sameName(keychainMember, settings.lastMemberName)) settings.keychainMember = settings.lastMemberName;
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
    s.lastMemberName = nameOrNull(name);
    s.lastMemberId = null;
    s.keychainMember = null;
  });
}

/**
 * Change what is remembered after a successful answer (electron/vault-opened.ts): the same rules for the desktop's
 * file and the browser harness's memory. The keychain flag is kept only for the member who turned it on, with the
 * same vault; a new passphrase or a refused keychain unlock clears it; removing the remembered member forgets them.
 */
export function applyVaultEvent(s: Remembered, event: VaultEvent): void {
  switch (event.type) {
    case 'opened': {
      const name = nameOrNull(event.name);
      const keep = s.lastVaultPath === event.path && s.keychainMember !== null && sameName(s.keychainMember, name);
      s.lastVaultPath = event.path;
      s.lastMemberName = name;
      s.lastMemberId = name ? event.memberId : null;
      s.keychainMember = name && (event.keychain || keep) ? name : null;
      return;
    }
    case 'keychain':
      s.keychainMember = event.on ? s.lastMemberName : null;
      return;
    case 'keychain-refused':
      if (s.lastVaultPath === event.path && sameName(s.keychainMember, event.name)) s.keychainMember = null;
      return;
    case 'member-removed':
      if (s.lastMemberId !== null && s.lastMemberId === event.memberId) {
        s.lastMemberName = null;
        s.lastMemberId = null;
        s.keychainMember = null;
      }
      return;
  }
}

/** The unlock screen's offer: the last vault if its file is still there, its member name, and whether the keychain unlocks it. */
export function lastVaultOf(s: Remembered, exists: (path: string) => boolean): LastVault {
  const path = s.lastVaultPath !== null && exists(s.lastVaultPath) ? s.lastVaultPath : null;
  const name = path ? s.lastMemberName : null;
  return { path, name, keychain: name !== null && sameName(s.keychainMember, name) };
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
