// One API surface: every channel of the contract is reachable from the command line, and docs/cli.md's parity
// table names, for each channel, exactly the commands that call it (read from the program itself); and every channel
// the desktop window may call has a screen that calls it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, DESKTOP_CHANNEL_NAMES, type Channel } from '../../src/api/contract.js';
import { buildProgram } from '../../src/cli/main.js';
import { channelsOf } from '../../src/cli/vault-context.js';

/** Every vault command unlocks first and locks at the end: these two are called by all of them. */
const IMPLICIT: readonly Channel[] = ['vault.unlock', 'vault.lock'];
/** The OS keychain unlock: the command line has no keychain (docs/cli.md says so in each row). */
const DESKTOP_ONLY: readonly Channel[] = ['vault.keychainStatus', 'vault.keychainEnable', 'vault.keychainDisable', 'vault.unlockKeychain'];

function commandsByChannel(): Map<Channel, string[]> {
  const out = new Map<Channel, string[]>();
  const walk = (cmd: Command, path: string[]) => {
    for (const sub of cmd.commands) {
      const name = [...path, sub.name()];
      for (const channel of channelsOf(sub)) out.set(channel, [...(out.get(channel) ?? []), name.join(' ')]);
      walk(sub, name);
    }
  };
  walk(buildProgram(), []);
  return out;
}

/** Rows of the parity table: | `channel` | `contact-sanitizer command` … | … */
function documented(): Map<string, string[]> {
  const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'cli.md'), 'utf8');
  const rows = [...doc.matchAll(/^\| `([a-z][A-Za-z0-9]*\.[A-Za-z0-9]+)` \| ([^|]+) \|/gm)];
  return new Map(rows.map(([, channel, cli]) => [channel!, [...cli!.matchAll(/`contact-sanitizer ([^`]+)`/g)].map((m) => m[1]!)]));
}

describe('CLI and contract parity', () => {
  const byChannel = commandsByChannel();

  it('every channel has a command, except the unlock and lock every vault command performs', () => {
    const missing = CHANNEL_NAMES.filter((c) => !byChannel.has(c) && !IMPLICIT.includes(c) && !DESKTOP_ONLY.includes(c));
    expect(missing).toEqual([]);
  });

  it('the desktop-only channels have no command, and docs/cli.md says why', () => {
    const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'cli.md'), 'utf8');
    for (const channel of DESKTOP_ONLY) {
      expect(byChannel.has(channel), channel).toBe(false);
      expect(doc, channel).toMatch(new RegExp(`^\\| \`${channel.replace('.', '\\.')}\` \\| desktop only: [^|]*keychain[^|]*\\|`, 'm'));
    }
  });

  it('docs/cli.md lists every channel once, with the commands that call it', () => {
    const doc = documented();
    expect([...doc.keys()].sort()).toEqual([...CHANNEL_NAMES].sort());
    for (const channel of CHANNEL_NAMES) {
      if (IMPLICIT.includes(channel) || DESKTOP_ONLY.includes(channel)) continue;
      expect(doc.get(channel)?.map((c) => c.split(' <')[0]!.split(' --')[0]!.trim()).sort(), channel).toEqual(byChannel.get(channel)!.map((c) => c.split(' <')[0]!).sort());
    }
  });
});

describe('the desktop app and the contract', () => {
  /** Every renderer source, as text. */
  const rendererSources = (): string => {
    const root = join(import.meta.dirname, '..', '..', 'renderer');
    const read = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? read(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [readFileSync(join(dir, e.name), 'utf8')] : []));
    return read(root).join('\n');
  };

  it('every channel the window may call is called by a screen, and docs/cli.md names where (issue 14: everything reachable)', () => {
    const sources = rendererSources();
    const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'cli.md'), 'utf8');
    const uncalled = DESKTOP_CHANNEL_NAMES.filter((c) => !sources.includes(`'${c}'`));
    expect(uncalled).toEqual([]);
    for (const channel of DESKTOP_CHANNEL_NAMES) {
      const row = new RegExp(`^\\| \`${channel.replace('.', '\\.')}\` \\|[^\\n]*\\|([^|\\n]*)\\|\\s*$`, 'm').exec(doc);
      expect(row?.[1]?.trim(), channel).toMatch(/^[A-Za-z]/);
      expect(row?.[1], channel).not.toMatch(/later issue|channel only/);
    }
  });
});
