// Child process for crash-purge.test.ts: opens an existing vault with its clock moved (so that its contacts are
// due) and runs the scheduled destruction, dying by SIGKILL at a named point of the run (src/vault/crash-points.ts).
// Runs the compiled code in dist/ (test/setup-dist.ts builds it), since a plain Node process cannot import the
// TypeScript sources.
//
//   node test/vault/crash-purge-child.mjs VAULT NOW [POINT N]
//   (NOW: the ISO time the vault's clock reads; POINT N: die the N-th time the run reaches POINT, else finish)
//
// Destruction needs no key: the vault is opened, not unlocked, and the run is made as the vault's admin (read from
// the members table). Writes one line on stdout per step, each with a plain write(2) to fd 1 (fs.writeSync, not
// process.stdout, whose writes to a pipe may be queued) so that it is in the pipe before the process dies:
//   "start"          just before purgeDue is called
//   "POINT N"        each time the run reaches a named point (the last line of a run killed there)
//   "done"           once purgeDue has returned
//   one JSON line    the run's result
import { existsSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = join(import.meta.dirname, '..', '..', 'dist');
/** @param {string} file */
const load = (file) => import(pathToFileURL(join(dist, file)).href);
/** @param {string} line */
const say = (line) => writeSync(1, `${line}\n`);

const [vaultPath, nowIso, killPoint, killAt] = process.argv.slice(2);
if (!vaultPath || !nowIso) throw new Error('usage: node crash-purge-child.mjs VAULT NOW [POINT N]');
const { Vault } = await load('vault/vault.js');
const { purgeDue } = await load('vault/destruction.js');

const now = new Date(nowIso);
const vault = Vault.open(vaultPath, { now: () => now });
const admin = vault.db.prepare("SELECT id FROM members WHERE removed_at IS NULL AND ',' || roles || ',' LIKE '%,admin,%' ORDER BY created_at LIMIT 1").get();
if (!admin) throw new Error('the vault has no admin');

const hooks = {
  /** @param {string} point @param {number} n */
  at(point, n) {
    say(`${point} ${n}`);
    if (point === killPoint && n === Number(killAt)) process.kill(process.pid, 'SIGKILL');
  },
};

say('start');
const result = await purgeDue(vault, { memberId: admin.id }, { hooks });
say('done');
const wal = `${vaultPath}-wal`;
say(
  JSON.stringify({
    destroyed: result.destroyed,
    held: result.held,
    certificateId: result.certificate?.id ?? null,
    // The WAL once the run has returned, before the connection closes (closing would checkpoint it anyway).
    walBytes: existsSync(wal) ? statSync(wal).size : 0,
  }),
);
vault.close();
