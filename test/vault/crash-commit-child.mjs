// Child process for crash-commit.test.ts: opens an existing vault, unlocks it and commits an export, so that the
// test can kill it (SIGKILL) in the middle of the commit. Runs the compiled code in dist/ (test/global-setup.ts
// builds it before the suite), since a plain Node process cannot import the TypeScript sources.
//
//   node test/vault/crash-commit-child.mjs VAULT EXPORT
//   (member name and passphrase in CS_MEMBER and CS_PASSPHRASE; CS_CACHE_KIB sets SQLite's page cache, so that a
//   small cache spills uncommitted pages into the WAL before the commit, as a much larger import would)
//
// Writes "start" on stdout when the vault is unlocked and the commit is called (its transaction begins a few
// milliseconds later, once the file's SHA-256 is computed), then one JSON line with the commit's report once it
// has committed.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = join(import.meta.dirname, '..', '..', 'dist');
/** @param {string} file */
const load = (file) => import(pathToFileURL(join(dist, file)).href);

const [vaultPath, exportPath] = process.argv.slice(2);
const { Vault } = await load('vault/vault.js');
const { commitImport } = await load('app/use-cases/commit-import.js');

const vault = Vault.open(vaultPath);
const session = await vault.unlock(process.env.CS_MEMBER, process.env.CS_PASSPHRASE);
if (process.env.CS_CACHE_KIB) vault.db.pragma(`cache_size = -${Number(process.env.CS_CACHE_KIB)}`);
process.stdout.write('start\n');
const report = await commitImport(session, exportPath, {});
process.stdout.write(
  `${JSON.stringify({ importId: report.importId, records: report.records, added: report.added, duplicatesSkipped: report.duplicatesSkipped })}\n`,
);
vault.close();
