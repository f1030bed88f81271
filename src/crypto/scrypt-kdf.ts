// scrypt for key slots: the parameter floor and ceiling, and the memory allowance Node needs for them (its default
// `maxmem` of 32 MiB refuses the N=2^17, r=8 that OWASP recommends, with a confusing "memory limit exceeded").
import { scrypt } from 'node:crypto';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** The parameters for new passphrase slots: 128 MiB of memory, about half a second on a laptop (OWASP 2023). */
export const DEFAULT_SCRYPT: ScryptParams = Object.freeze({ N: 2 ** 17, r: 8, p: 1 });

/** The floor for a passphrase slot (docs/security.md: scrypt N ≥ 2^17); only tests go below it, and they must say so. */
export const MIN_PASSPHRASE_SCRYPT: ScryptParams = Object.freeze({ N: 2 ** 17, r: 8, p: 1 });

// The ceiling, checked on every open: a slot read from the database that asks for 64 GiB would otherwise take the
// app down. 1 GiB leaves room to raise N to 2^20 later.
const MAX_MEMORY = 2 ** 30;
const MAX_N = 2 ** 20;
const MAX_P = 16;

/** What is wrong with these parameters, or null. `floor` is checked only when given. */
export function scryptParamsProblem(params: ScryptParams, floor?: ScryptParams): string | null {
  const { N, r, p } = params;
  if (!Number.isSafeInteger(N) || N < 2 || N > MAX_N || (N & (N - 1)) !== 0) return `scrypt N must be a power of 2 up to 2^20, not ${N}`;
  if (!Number.isSafeInteger(r) || r < 1) return `scrypt r must be a positive integer, not ${r}`;
  if (!Number.isSafeInteger(p) || p < 1 || p > MAX_P) return `scrypt p must be an integer from 1 to ${MAX_P}, not ${p}`;
  if (128 * N * r > MAX_MEMORY) return `scrypt N=${N}, r=${r} would need more than 1 GiB of memory`;
  if (floor && (N < floor.N || r < floor.r || p < floor.p)) {
    return `scrypt N=${N}, r=${r}, p=${p} is weaker than the minimum N=${floor.N}, r=${floor.r}, p=${floor.p}`;
  }
  return null;
}

/**
 * The memory scrypt will ask for: OpenSSL allocates 128·r·(N+2) bytes for V and 128·r·p for B and refuses when
 * their sum exceeds `maxmem`. A 1 MiB margin covers any rounding between OpenSSL versions.
 */
export function scryptMaxmem({ N, r, p }: ScryptParams): number {
  return 128 * r * (N + 2 + p) + 2 ** 20;
}

/** A 32-byte key from `secret` and `salt`, off the main thread (libuv pool) so the UI stays responsive. */
export function scryptKey(secret: Buffer, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const { N, r, p } = params;
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, 32, { N, r, p, maxmem: scryptMaxmem(params) }, (err, key) => (err ? reject(err) : resolve(key)));
  });
}
