// The module's front door exports the whole API, and the module stays pure: no Node built-ins, no clock.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as policy from '../../src/policy/index.js';

const SRC = join(import.meta.dirname, '../../src/policy');

describe('src/policy/index.ts', () => {
  it('exports the API', () => {
    for (const name of [
      'GroupRuleSchema', 'matchesRule', 'assignGroup', 'describeRule',
      'LAWFUL_BASES', 'PURPOSES', 'Art9ConditionSchema', 'GroupPolicySchema', 'parseGroupPolicy',
      'checkGuardrails', 'blocking', 'art14Due', 'art14Overdue',
      'DEFAULT_QUARANTINE_DAYS', 'quarantineExpiry', 'usable',
    ]) {
      expect(policy, name).toHaveProperty(name);
    }
  });
});

describe('purity', () => {
  const files = readdirSync(SRC).filter((f) => f.endsWith('.ts'));

  it.each(files)('%s imports no Node built-in and reads no clock', (file) => {
    const code = readFileSync(join(SRC, file), 'utf8');
    expect(code).not.toMatch(/from\s+['"](?:node:|fs|path|os|crypto|stream|util)['"/]/);
    expect(code).not.toMatch(/Date\.now\(|new Date\(\s*\)|performance\.now/);
  });

  it.each(files)('%s opens with a comment', (file) => {
    expect(readFileSync(join(SRC, file), 'utf8').startsWith('//')).toBe(true);
  });
});
