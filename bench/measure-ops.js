// The operations between import and destruction, each in a fresh process on a copy of one prepared vault, through
// the router every front end calls (validation, role checks, audit entry included). Prints one JSON line.
//   node bench/measure-ops.js prepare FILE VAULT     commit FILE into a new vault at VAULT (a light passphrase KDF)
//   node bench/measure-ops.js OP VAULT               run OP on a copy of VAULT: time, and peak RSS of this process
// OP: first-page, search, group-add, retention-change, crm-export, subject-access, erase-one, purge-10, art30, policy-check
// The prepared vault has one group of 'Acme Ltd' contacts with a legitimate-interests basis and one registered
// recipient, so that the CRM export has people to write; purge-10 first makes a tenth of the contacts due (SQL on
// the copy), then destroys them by the real clock.
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createRouter } from '../dist/api/router.js';
import { AppService } from '../dist/app/app-service.js';
import { bareParse, time } from './timing.js';

const KDF = { params: { N: 2 ** 10, r: 8, p: 1 }, allowWeak: true };
const ROOT = { name: 'Bench Admin', passphrase: 'bench passphrase long enough' };
const LIA = {
  purposeTest: 'Inviting people we met to our engineering meetups, a legitimate professional interest',
  necessityTest: 'Writing to people we already know professionally is the least intrusive way to invite them',
  balancingTest: 'Business contacts expect relevant professional invitations; one email with an easy opt-out is fair',
  optOut: 'An unsubscribe link and reply-to-stop in every message',
  assessedAt: '2026-11-20',
  assessedBy: 'The data protection officer',
  version: '1',
  signedOffBy: 'Head of operations (data owner)',
  signedOffAt: '2026-11-21',
};
const POLICY = {
  basis: 'legitimate-interests',
  purpose: 'networking',
  purposeDescription: 'Invitations to our engineering meetups for these people.',
  evidence: LIA,
  art14Notice: { status: 'sent', date: '2026-11-25', method: 'Email with our privacy notice' },
};

/** A service and a `call` that throws a refusal. */
function client() {
  const service = new AppService({ kdf: KDF });
  const route = createRouter(service);
  const call = async (channel, request) => {
    const r = await route(channel, request);
    if (!r.ok) throw new Error(`${channel}: ${r.code}: ${r.message}`);
    return r.value;
  };
  return { service, call };
}

const rssMB = () => process.resourceUsage().maxRSS / 1024;

async function prepare(file, path) {
  const { service, call } = client();
  await call('vault.create', { path, name: ROOT.name, passphrase: ROOT.passphrase, roles: ['admin', 'data-owner', 'importer'] });
  const parse = await time(() => bareParse(file));
  const commit = await time(() => call('import.commit', { path: file, choices: { strip: ['special-category'] } }));
  const group = await call('groups.add', { label: 'Acme', rule: { type: 'company', companies: ['Acme Ltd'] }, confirm: true });
  await call('policy.assign', { groupId: group.id, policy: POLICY, acknowledgeWarnings: true, confirm: true });
  const recipient = await call('recipients.add', { name: 'Bench CRM', role: 'processor', contractDate: '2026-01-15', hostingRegion: 'UK', transfer: 'none' });
  await call('vault.lock', {});
  service.close();
  return { records: commit.value.records, commitMs: commit.ms, bareParseMs: parse.ms, ratio: commit.ms / parse.ms, peakRssMB: rssMB(), groupId: group.id, recipientId: recipient.recipientId };
}

/** One contact to ask about: the first listed. */
async function someone(call) {
  return (await call('contacts.list', { limit: 1 })).contacts[0];
}

const OPS = {
  'first-page': (call) => call('contacts.list', { limit: 100 }).then((p) => ({ shown: p.contacts.length, total: p.total })),
  // The first search builds the index; a second one shows what a user waits while typing.
  search: async (call) => {
    const first = await time(() => call('contacts.list', { search: 'nguyen', limit: 100 }));
    const again = await time(() => call('contacts.list', { search: 'nguye', limit: 100 }));
    return { found: first.value.total, firstSearchMs: first.ms, nextSearchMs: again.ms };
  },
  'group-add': (call) => call('groups.add', { label: 'Initech', rule: { type: 'company', companies: ['Initech'] }, confirm: true }).then((g) => ({ contacts: g.contacts })),
  'retention-change': (call) =>
    call('retention.set', { policy: { scope: { type: 'basis', basis: 'legitimate-interests' }, months: 24, anchor: 'imported', rationale: 'Two years from import is as long as a meetup invitation stays relevant.' }, confirm: true }).then((r) => ({ applied: r.applied })),
  'crm-export': async (call, setup) => {
    const r = await call('export.crm', { channels: ['email'], purpose: 'networking', directMarketing: false, recipientId: setup.recipientId });
    return { bytes: r.csv.length };
  },
  'subject-access': async (call) => {
    const c = await someone(call);
    const r = await call('contacts.access', { contactId: c.id });
    return { bytes: r.json.length };
  },
  'erase-one': async (call) => {
    const c = await someone(call);
    await call('contacts.erase', { contactId: c.id });
    return {};
  },
  // Not in the table, but they read every contact (the record) or a whole group (the check): measured too.
  art30: async (call) => {
    const r = await call('report.art30', { controller: 'Bench Ltd' });
    return { bytes: r.markdown.length };
  },
  'policy-check': async (call, setup) => {
    const r = await call('policy.check', { groupId: setup.groupId, policy: POLICY });
    return { guardrails: r.guardrails.length };
  },
  'purge-10': async (call, setup, path) => {
    const db = new Database(path);
    const n = db.prepare("UPDATE contacts SET expires_at = '2026-01-01T00:00:00.000Z' WHERE rowid % 10 = 0").run().changes;
    db.close();
    const r = await call('destruction.run', {});
    return { due: n, destroyed: r.destroyed };
  },
};

const [op, a, b] = process.argv.slice(2);
if (op === 'prepare') {
  if (!a || !b) throw new Error('usage: node bench/measure-ops.js prepare FILE VAULT');
  const setup = await prepare(a, b);
  process.stdout.write(`${JSON.stringify(setup)}\n`);
} else if (OPS[op] && a) {
  const dir = mkdtempSync(join(tmpdir(), 'cs-ops-'));
  try {
    const path = join(dir, 'vault.db');
    copyFileSync(a, path);
    for (const s of ['-wal', '-shm']) if (existsSync(a + s)) copyFileSync(a + s, path + s);
    const setup = JSON.parse(process.env.BENCH_SETUP ?? '{}');
    const { service, call } = client();
    await call('vault.unlock', { path, name: ROOT.name, passphrase: ROOT.passphrase });
    const before = rssMB();
    const run = await time(() => OPS[op](call, setup, path));
    const peak = rssMB();
    await call('vault.lock', {});
    service.close();
    process.stdout.write(`${JSON.stringify({ op, ms: run.ms, rssBeforeMB: before, peakRssMB: peak, ...run.value })}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
} else {
  process.stderr.write(`usage: node bench/measure-ops.js prepare FILE VAULT | node bench/measure-ops.js (${Object.keys(OPS).join('|')}) VAULT\n`);
  process.exit(64);
}
