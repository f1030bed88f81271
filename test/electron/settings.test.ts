// The desktop settings file: the last vault path and last destruction times, nothing else, written atomically.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lastRunStore, readSettings, rememberVault, SETTINGS_FILE, writeSettings } from '../../electron/settings.js';

let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cs-settings-'));
  file = join(dir, 'userData', SETTINGS_FILE);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('desktop settings', () => {
  it('defaults when the file is missing, unreadable or not ours', () => {
    expect(readSettings(file)).toEqual({ lastVaultPath: null, lastDestruction: {} });
    writeSettings(file, { lastVaultPath: null, lastDestruction: {} });
    for (const junk of ['{', '[]', 'null', '{"lastVaultPath": 3, "lastDestruction": {"/a": "yesterday"}}']) {
      writeFileSync(file, junk);
      expect(readSettings(file), junk).toEqual({ lastVaultPath: null, lastDestruction: {} });
    }
  });

  it('remembers the last vault path, and only what it was given', () => {
    rememberVault(file, '/home/me/team.vault');
    rememberVault(file, '/home/me/other.vault');
    expect(readSettings(file).lastVaultPath).toBe('/home/me/other.vault');
    expect(Object.keys(JSON.parse(readFileSync(file, 'utf8'))).sort()).toEqual(['lastDestruction', 'lastVaultPath']);
    expect(readdirSync(join(dir, 'userData'))).toEqual([SETTINGS_FILE]); // no temporary file left behind
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o077).toBe(0);
  });

  it('keeps the scheduler’s last run per vault', () => {
    const store = lastRunStore(file);
    expect(store.get('/a.vault')).toBeNull();
    store.set('/a.vault', new Date('2026-01-01T02:30:00Z'));
    store.set('/b.vault', new Date('2026-01-02T02:30:00Z'));
    rememberVault(file, '/a.vault');
    expect(lastRunStore(file).get('/a.vault')).toEqual(new Date('2026-01-01T02:30:00Z'));
    expect(lastRunStore(file).get('/b.vault')).toEqual(new Date('2026-01-02T02:30:00Z'));
    expect(readSettings(file).lastVaultPath).toBe('/a.vault');
  });
});
