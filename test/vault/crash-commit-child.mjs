// Child process for crash-commit.test.ts: opens an existing vault, unlocks it and commits an export, dying by
// SIGKILL at a named point of the commit (src/vault/crash-points.ts). Runs the compiled code in dist/
// (test/setup-dist.ts builds it), since a plain Node process cannot import the TypeScript sources.
//
//   node test/vault/crash-commit-child.mjs VAULT EXPORT [POINT N]
//   (POINT N: die the N-th time the commit reaches POINT, else finish; member name and passphrase in CS_MEMBER and
//   CS_PASSPHRASE; CS_CACHE_KIB sets SQLite's page cache, so that a small cache spills uncommitted pages into the
//   WAL before the commit, as a much larger import would)
//
// Writes on stdout, each line with a plain write(2) to fd 1 (fs.writeSync) so that it is in the pipe before the
// process dies: "start" when the vault is unlocked and the commit is called, "POINT N" each time the commit
// reaches a named point (the last line of a run killed there), then one JSON line with the commit's report.
import { writeSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = join(import.meta.dirname, '..', '..', 'dist');
/** @param {string} file */
const load = (file) => import(pathToFileURL(join(dist, file)).href);
/** @param {string} line */
const say = (line) => writeSync(1, `${line}\n`);

const [vaultPath, exportPath, killPoint, killAt] = process.argv.slice(2);
if (!vaultPath || !exportPath) throw new Error('usage: node crash-commit-child.mjs VAULT EXPORT [POINT N]');
const { Vault } = await load('vault/vault.js');
const { commitImport } = await load('app/use-cases/commit-import.js');

const vault = Vault.open(vaultPath);
const session = await vault.unlock(process.env.CS_MEMBER, process.env.CS_PASSPHRASE);
if (process.env.CS_CACHE_KIB) vault.db.pragma(`cache_size = -${Number(process.env.CS_CACHE_KIB)}`);
const hooks = {
  /** @param {string} point @param {number} n */
  at(point, n) {
    say(`${point} ${n}`);
    if (point === killPoint && n === Number(killAt)) process.kill(process.pid, 'SIGKILL');
  },
};

say('start');
const report = await commitImport(session, exportPath, {}, { hooks });
say(JSON.stringify({ importId: report.importId, records: report.records, added: report.added, duplicatesSkipped: report.duplicatesSkipped }));
vault.close();
