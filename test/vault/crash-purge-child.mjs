// Child process for crash-purge.test.ts: opens an existing vault with its clock moved (so that its contacts are
// due) and runs the scheduled destruction, so that the test can kill it (SIGKILL) at any point of the run. Runs
// the compiled code in dist/ (test/global-setup.ts builds it before the suite), since a plain Node process cannot
// import the TypeScript sources.
//
//   node test/vault/crash-purge-child.mjs VAULT NOW
//   (NOW: the ISO time the vault's clock reads)
//
// Destruction needs no key: the vault is opened, not unlocked, and the run is made as the vault's admin (read from
// the members table). Writes one line on stdout per step, so that the test knows where the run was when it died
// and can aim its kill points at the phases of the run; each such line ends with a tab and the child's clock (ms):
//   "start"                      just before purgeDue is called
//   "> SQL" and "< SQL"          before and after each db.exec and db.pragma of the run (BEGIN IMMEDIATE, COMMIT,
//                                wal_checkpoint(TRUNCATE), VACUUM); a kill after "< COMMIT" is after the commit
//   "done"                       once purgeDue has returned
//   one JSON line                the run's result
// Each line is written with a plain write(2) to fd 1 (fs.writeSync, not process.stdout, whose writes to a pipe may
// be queued), so that it is in the pipe before the step it announces begins, and stays there if the process is
// killed.
import { existsSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = join(import.meta.dirname, '..', '..', 'dist');
/** @param {string} file */
const load = (file) => import(pathToFileURL(join(dist, file)).href);
/** @param {string} line */
const say = (line) => writeSync(1, `${line}\t${performance.now().toFixed(2)}\n`);

const [vaultPath, nowIso] = process.argv.slice(2);
if (!vaultPath || !nowIso) throw new Error('usage: node crash-purge-child.mjs VAULT NOW');
const { Vault } = await load('vault/vault.js');
const { purgeDue } = await load('vault/destruction.js');

const now = new Date(nowIso);
const vault = Vault.open(vaultPath, { now: () => now });
const db = vault.db;
const admin = db.prepare("SELECT id FROM members WHERE removed_at IS NULL AND ',' || roles || ',' LIKE '%,admin,%' ORDER BY created_at LIMIT 1").get();
if (!admin) throw new Error('the vault has no admin');

// Trace the run's statements (the code under test is unchanged: only this connection's methods are wrapped).
const exec = db.exec.bind(db);
const pragma = db.pragma.bind(db);
/** @param {string} sql */
db.exec = (sql) => {
  say(`> ${sql}`);
  const out = exec(sql);
  say(`< ${sql}`);
  return out;
};
/** @param {string} source @param {unknown} [options] */
db.pragma = (source, options) => {
  say(`> ${source}`);
  const out = pragma(source, options);
  say(`< ${source}`);
  return out;
};

say('start');
const result = await purgeDue(vault, { memberId: admin.id });
say('done');
const wal = `${vaultPath}-wal`;
writeSync(
  1,
  `${JSON.stringify({
    destroyed: result.destroyed,
    held: result.held,
    certificateId: result.certificate?.id ?? null,
    // The WAL once the run has returned, before the connection closes (closing would checkpoint it anyway).
    walBytes: existsSync(wal) ? statSync(wal).size : 0,
  })}\n`,
);
vault.close();
