// The desktop settings file: the last vault path, the member name used, last destruction times, nothing else, written atomically.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lastRunStore, readSettings, rememberVault, SETTINGS_FILE, writeSettings } from '../../electron/settings.js';

const EMPTY = { lastVaultPath: null, lastMemberName: null, lastDestruction: {} };
let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cs-settings-'));
  file = join(dir, 'userData', SETTINGS_FILE);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('desktop settings', () => {
  it('defaults when the file is missing, unreadable or not ours', () => {
    expect(readSettings(file)).toEqual(EMPTY);
    writeSettings(file, EMPTY);
    for (const junk of ['{', '[]', 'null', '{"lastVaultPath": 3, "lastDestruction": {"/a": "yesterday"}}', '{"lastMemberName": "Alice"}', '{"lastMemberName": 7}']) {
      writeFileSync(file, junk);
      expect(readSettings(file), junk).toEqual(EMPTY);
    }
  });

  it('remembers the last vault path, and only what it was given', () => {
    rememberVault(file, '/home/me/team.vault');
    rememberVault(file, '/home/me/other.vault');
    expect(readSettings(file).lastVaultPath).toBe('/home/me/other.vault');
    expect(Object.keys(JSON.parse(readFileSync(file, 'utf8'))).sort()).toEqual(['lastDestruction', 'lastMemberName', 'lastVaultPath']);
    expect(readdirSync(join(dir, 'userData'))).toEqual([SETTINGS_FILE]); // no temporary file left behind
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o077).toBe(0);
  });

  it('remembers the member name with the vault, survives a restart, and never keeps more than it was given', () => {
    rememberVault(file, '/home/me/team.vault', 'Alice Admin');
    // A new process reads the same file.
    expect(readSettings(file)).toEqual({ lastVaultPath: '/home/me/team.vault', lastMemberName: 'Alice Admin', lastDestruction: {} });
    const written = readFileSync(file, 'utf8');
    expect(written).not.toMatch(/passphrase|secret/i);
    // Another vault opened without a name forgets the name kept for the first.
    rememberVault(file, '/home/me/other.vault');
    expect(readSettings(file)).toMatchObject({ lastVaultPath: '/home/me/other.vault', lastMemberName: null });
    // A name too long for the contract is not kept.
    rememberVault(file, '/home/me/team.vault', 'x'.repeat(201));
    expect(readSettings(file).lastMemberName).toBeNull();
    writeFileSync(file, JSON.stringify({ lastVaultPath: '/a.vault', lastMemberName: 'y'.repeat(201), lastDestruction: {} }));
    expect(readSettings(file).lastMemberName).toBeNull();
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
