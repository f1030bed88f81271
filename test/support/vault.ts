// A vault in a scratch folder, with scrypt parameters small enough for tests (the app refuses them otherwise).
import { join } from 'node:path';
import { Vault, type VaultOptions } from '../../src/vault/vault.js';
import type { Role } from '../../src/shared/vocabulary.js';

export const TEST_KDF: VaultOptions['kdf'] = { params: { N: 2 ** 10, r: 8, p: 1 }, allowWeak: true };
export const PASSPHRASE = 'correct horse battery staple';

export async function newVault(dir: string, options: { now?: () => Date; roles?: Role[]; name?: string } = {}) {
  const path = join(dir, `vault-${Math.random().toString(36).slice(2)}.db`);
  const { vault, session, recoveryKey } = await Vault.create(
    path,
    { name: options.name ?? 'Alice Admin', passphrase: PASSPHRASE, ...(options.roles ? { roles: options.roles } : {}) },
    { kdf: TEST_KDF, ...(options.now ? { now: options.now } : {}) },
  );
  return { path, vault, session, recoveryKey };
}
