// Unlock time with the app's default passphrase KDF (scrypt N=2^17, r=8, p=1): what a member waits for, and what
// every guess of an attacker costs. Prints one JSON line.   node bench/measure-unlock.js [ROUNDS]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SCRYPT } from '../dist/crypto/index.js';
import { Vault } from '../dist/vault/vault.js';
import { median, time } from './timing.js';

const rounds = Number(process.argv[2] ?? 5);
const dir = mkdtempSync(join(tmpdir(), 'cs-bench-'));
try {
  const path = join(dir, 'unlock.db');
  const passphrase = 'a long enough bench passphrase';
  const created = await Vault.create(path, { name: 'Bench', passphrase });
  created.vault.close();
  const vault = Vault.open(path);
  const times = [];
  for (let i = 0; i < rounds; i++) {
    const { ms, value } = await time(() => vault.unlock('Bench', passphrase));
    value.lock();
    times.push(ms);
  }
  vault.close();
  process.stdout.write(`${JSON.stringify({ kdf: DEFAULT_SCRYPT, unlockMs: median(times), minMs: Math.min(...times), maxMs: Math.max(...times) })}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
