// The desktop settings file: the last vault path, the member name used, last destruction times, nothing else, written atomically.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyVaultEvent, lastRunStore, lastVaultOf, readSettings, rememberVault, SETTINGS_FILE, updateSettings, writeSettings, type Remembered } from '../../electron/settings.js';

const EMPTY = { lastVaultPath: null, lastMemberName: null, lastMemberId: null, keychainMember: null, lastDestruction: {} };
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
    expect(Object.keys(JSON.parse(readFileSync(file, 'utf8'))).sort()).toEqual(['keychainMember', 'lastDestruction', 'lastMemberId', 'lastMemberName', 'lastVaultPath']);
    expect(readdirSync(join(dir, 'userData'))).toEqual([SETTINGS_FILE]); // no temporary file left behind
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o077).toBe(0);
  });

  it('remembers the member name with the vault, survives a restart, and never keeps more than it was given', () => {
    rememberVault(file, '/home/me/team.vault', 'Alice Admin');
    // A new process reads the same file.
    expect(readSettings(file)).toEqual({ ...EMPTY, lastVaultPath: '/home/me/team.vault', lastMemberName: 'Alice Admin' });
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

  it('remembers the keychain unlock for the member who turned it on, with that vault only, and forgets a removed member', () => {
    const ALICE = '0b6f3c52-3a53-4c41-9d27-1e0c8a3c1f01';
    const apply = (event: Parameters<typeof applyVaultEvent>[1]) => updateSettings(file, (s) => applyVaultEvent(s, event));
    const offer = () => lastVaultOf(readSettings(file), () => true);
    apply({ type: 'opened', path: '/team.vault', name: 'Alice Admin', memberId: ALICE, keychain: false });
    expect(offer()).toEqual({ path: '/team.vault', name: 'Alice Admin', keychain: false });
    apply({ type: 'keychain', on: true });
    expect(readSettings(file)).toMatchObject({ lastMemberId: ALICE, keychainMember: 'Alice Admin' });
    expect(offer()).toEqual({ path: '/team.vault', name: 'Alice Admin', keychain: true });
    // Unlocking the same vault as the same member (even typed differently) keeps it; the keychain unlock sets it.
    apply({ type: 'opened', path: '/team.vault', name: ' alice  admin', memberId: ALICE, keychain: false });
    expect(offer().keychain).toBe(true);
    // Another member, or another vault, is not offered the keychain.
    apply({ type: 'opened', path: '/team.vault', name: 'Bob Owner', memberId: null, keychain: false });
    expect(offer()).toEqual({ path: '/team.vault', name: 'Bob Owner', keychain: false });
    apply({ type: 'opened', path: '/team.vault', name: 'Alice Admin', memberId: ALICE, keychain: true });
    expect(offer().keychain).toBe(true);
    apply({ type: 'opened', path: '/other.vault', name: 'Alice Admin', memberId: ALICE, keychain: false });
    expect(offer().keychain).toBe(false);
    // A refused keychain unlock of the remembered member clears a stale flag; turning it off clears it.
    apply({ type: 'opened', path: '/team.vault', name: 'Alice Admin', memberId: ALICE, keychain: true });
    apply({ type: 'keychain-refused', path: '/other.vault', name: 'Alice Admin' });
    expect(offer().keychain).toBe(true);
    apply({ type: 'keychain-refused', path: '/team.vault', name: 'Alice Admin' });
    expect(offer().keychain).toBe(false);
    apply({ type: 'keychain', on: true });
    apply({ type: 'keychain', on: false });
    expect(offer().keychain).toBe(false);
    // An admin removing another member changes nothing; removing the remembered member forgets their name.
    apply({ type: 'keychain', on: true });
    apply({ type: 'member-removed', memberId: '9c1d2e3f-0000-4000-8000-000000000000' });
    expect(offer()).toEqual({ path: '/team.vault', name: 'Alice Admin', keychain: true });
    apply({ type: 'member-removed', memberId: ALICE });
    expect(offer()).toEqual({ path: '/team.vault', name: null, keychain: false });
    expect(readSettings(file)).toMatchObject({ lastMemberName: null, lastMemberId: null, keychainMember: null });
    // A vault whose file is gone is not offered at all.
    expect(lastVaultOf(readSettings(file), () => false)).toEqual({ path: null, name: null, keychain: false });
  });

  it('never trusts a keychain flag or member id it did not write', () => {
    writeSettings(file, readSettings(file));
    for (const junk of [
      { lastVaultPath: '/a.vault', lastMemberName: 'Alice', keychainMember: 'Mallory', lastMemberId: 'not an id' },
      { lastVaultPath: '/a.vault', keychainMember: 'Alice', lastMemberId: '0b6f3c52-3a53-4c41-9d27-1e0c8a3c1f01' },
      { lastVaultPath: '/a.vault', lastMemberName: 'Alice', keychainMember: true },
    ]) {
      writeFileSync(file, JSON.stringify(junk));
      const read: Remembered = readSettings(file);
      expect(read.keychainMember, JSON.stringify(junk)).toBeNull();
      expect(read.lastMemberId, JSON.stringify(junk)).toBeNull();
    }
  });
});
