// Data subjects' requests: erasure (Art. 17) destroys a person now, with a certificate, and puts them on the
// suppression list; an objection (Art. 21) suppresses without a record to erase; access (Art. 15) exports
// everything held about one person. The suppression list keeps only blind indexes, never a name: profile URL,
// email, and name + company (so a person known only by name, from a legacy export, is suppressed too: I4).
import { randomUUID } from 'node:crypto';
import { IntegrityError } from '../../crypto/index.js';
import { explainExpiry } from '../../retention/index.js';
import { PURPOSE_WORDS, SOURCE_BY_KIND, SOURCE_WORDS, subjectAccessCsv, subjectAccessJson, type SubjectAccessData } from '../../export/index.js';
import { ServiceError } from '../../shared/errors.js';
import type { LawfulBasis, Purpose, SuppressionReason, TransferMechanism } from '../../shared/vocabulary.js';
import { CERTIFICATE_FORMAT, type Certificate } from '../../shared/certificate.js';
import { storeCertificate } from '../../vault/certificates.js';
import { insertSuppression, SAME_NAME_COMPATIBLY, type ContactIndexes, type ContactRow } from '../../vault/contacts-repo.js';
import { unloggedExports } from './carry-over.js';
import { finishPendingVacuum, markWipePending, vaultId } from '../../vault/destruction.js';
import { ExpiryContext } from '../../vault/expiry.js';
import type { Session } from '../../vault/session.js';
import { findByIdentity, findPerson, identitiesOf, indexesOf, type PersonSelector } from './person.js';
import { marketingFactsOf } from './subscribers.js';

export type { PersonSelector };

function addSuppression(session: Session, indexes: ContactIndexes, reason: SuppressionReason): string {
  const id = randomUUID();
  insertSuppression(session.db, { id, indexes, reason, createdAt: session.vault.now().toISOString(), memberId: session.memberId });
  return id;
}

/**
 * How a recipient finds the person in its own copy: their email, else their profile, else name and company. Null
 * when the record no longer decrypts (the task then names only the contact id, which the export does not carry).
 */
function subjectOf(session: Session, row: ContactRow): string {
  try {
    const c = session.contacts.open(row);
    return c.email ?? c.profileUrl ?? [`${c.firstName} ${c.lastName}`.trim(), c.company].filter(Boolean).join(', ');
  } catch (err) {
    if (!(err instanceof IntegrityError)) throw err;
    return `contact ${row.id} (its record could not be read)`;
  }
}

/** Erase one person now: their record and everything derived from it, a certificate, and suppression. */
export async function erasePerson(
  session: Session,
  who: PersonSelector,
): Promise<{ certificate: Certificate; suppressionId: string; art19Tasks: { taskId: string; recipientId: string; recipientName: string }[]; unloggedExports: number }> {
  const result = session.perform('erasure', () => {
    const row = findPerson(session, who);
    const identity = identitiesOf(session, row);
    // Every record of the person goes: this one, and any other copy under their profile or email, or known only by
    // the same name and company (a legacy export). A hold on any of them stops the whole erasure (Art. 17(3)(e)).
    const copies = session.contacts.copiesOf(row, identity.name);
    const heldCopy = session.db.prepare('SELECT 1 FROM legal_holds WHERE lifted_at IS NULL AND (contact_id = ? OR group_id = ?)');
    if (copies.some((c) => heldCopy.get(c.id, c.group_id))) throw new ServiceError('conflict', 'This contact is under a legal hold: lift the hold (Art. 17(3)(e)) before erasing.');
    // One entry: it matches every copy found here again (by profile, email, or name and company uncontradicted), so
    // one lift lets the person back.
    const suppressionId = addSuppression(session, identity, 'erasure');
    // Art. 19: every recipient that received any copy of the person must be told of the erasure. The task keeps
    // who it is about (encrypted) until an admin marks it done; the disclosure links go with the contacts.
    const subject = subjectOf(session, row);
    const names = new Map(session.disclosures.recipients().map((r) => [r.id, r.name]));
    const tasks = session.disclosures.recipientsOf(copies.map((c) => c.id)).map((recipientId) => {
      const task = { id: randomUUID(), recipientId, kind: 'erasure' as const, createdAt: session.vault.now().toISOString(), subject };
      session.disclosures.addTask(task);
      return { taskId: task.id, recipientId, recipientName: names.get(recipientId) ?? '' };
    });
    // Exports before the disclosure log existed may have carried them too: said, not guessed.
    const unlogged = unloggedExports(session);
    const unloggedCount = unlogged && copies.some((c) => c.created_at <= unlogged.until) ? unlogged.count : 0;
    const basisOf = session.db.prepare('SELECT basis FROM group_policies WHERE group_id = ?');
    const byGroup = new Map<string | null, number>();
    for (const c of copies) {
      session.db.prepare('DELETE FROM contacts WHERE id = ?').run(c.id);
      byGroup.set(c.group_id, (byGroup.get(c.group_id) ?? 0) + 1);
    }
    const destroyed = [...byGroup].map(([groupId, count]) => ({
      groupId,
      basis: groupId ? ((basisOf.get(groupId) as { basis: LawfulBasis } | undefined)?.basis ?? null) : null,
      count,
    }));
    const value = { suppressionId, certificate: null as Certificate | null, art19Tasks: tasks, unloggedExports: unloggedCount };
    const certificateId = randomUUID();
    return {
      value,
      details: { certificateId, destroyed: copies.length, suppressionId, tasks: tasks.length },
      onEntry: (entry) => {
        value.certificate = {
          format: CERTIFICATE_FORMAT,
          id: certificateId,
          kind: 'erasure',
          issuedAt: entry.at,
          vaultId: vaultId(session.db),
          actor: { memberId: session.memberId },
          policies: [{ scope: 'erasure', article: 'UK GDPR Art. 17' }],
          destroyed: { total: copies.length, byGroup: destroyed },
          audit: { seq: entry.seq, hash: entry.hash },
        };
        storeCertificate(session.db, value.certificate);
        markWipePending(session.db);
      },
    };
  });
  await finishPendingVacuum(session.db);
  return { certificate: result.certificate!, suppressionId: result.suppressionId, art19Tasks: result.art19Tasks, unloggedExports: result.unloggedExports };
}

/**
 * Record an objection (Art. 21) by email and/or profile URL, or by a contact in the vault. For direct marketing it is
 * absolute (Art. 21(3)): from this moment the person is left out of every export, whatever its purpose, and later
 * imports refuse them and report the lines.
 */
export function suppressPerson(session: Session, who: { contactId: string } | { email?: string; profileUrl?: string }): { suppressionId: string; alreadyListed: boolean } {
  return session.perform<{ suppressionId: string; alreadyListed: boolean }>('suppression-add', () => {
    let indexes: ContactIndexes;
    let contactId: string | null = null;
    if ('contactId' in who) {
      const row = session.contacts.get(who.contactId);
      if (!row) throw new ServiceError('not-found', 'No contact in the vault matches that person.');
      indexes = identitiesOf(session, row);
      contactId = row.id;
    } else {
      if (!who.email && !who.profileUrl) throw new ServiceError('invalid', 'Give the email address or the profile URL of the person who objected.');
      // The person's name + company too, when they are in the vault: a copy of them known only by name (a legacy
      // export) is then left out of every export as well.
      const byIndex = indexesOf(session, who);
      const held = findByIdentity(session, who);
      indexes = { ...byIndex, name: held ? identitiesOf(session, held).name : null };
    }
    const already = session.db
      .prepare(
        `SELECT id, created_at FROM suppressions WHERE lifted_at IS NULL AND purpose IS NULL
           AND (url_index = @url OR email_index = @email OR (@name IS NOT NULL AND ${SAME_NAME_COMPATIBLY})) LIMIT 1`,
      )
      .get({ url: indexes.url, email: indexes.email, name: indexes.name }) as { id: string; created_at: string } | undefined;
    // Said again, an objection changes nothing: the entry in force stands (one entry, so one lift lets them back).
    if (already) return { value: { suppressionId: already.id, alreadyListed: true }, details: { suppressionId: already.id, reason: 'objection', ...(contactId ? { contactId } : {}) } };
    const id = addSuppression(session, indexes, 'objection');
    return { value: { suppressionId: id, alreadyListed: false }, details: { suppressionId: id, reason: 'objection', ...(contactId ? { contactId } : {}) } };
  });
}

interface SuppressionRow {
  id: string;
  reason: SuppressionReason;
  purpose: Purpose | null;
  created_at: string;
  lifted_at: string | null;
  url_index: Buffer | null;
  email_index: Buffer | null;
  name_index: Buffer | null;
}

/**
 * The list without a name: how each entry matches (email, profile, name and company), its reason, the purpose a
 * withdrawn consent covers, its date, and when it was lifted.
 */
export function listSuppressions(
  session: Session,
): { id: string; reason: SuppressionReason; purpose: Purpose | null; createdAt: string; liftedAt: string | null; byEmail: boolean; byProfileUrl: boolean; byName: boolean }[] {
  return session.repeatableRead('suppression-list', () => {
    const rows = session.db.prepare('SELECT * FROM suppressions ORDER BY created_at, id').all() as SuppressionRow[];
    return {
      value: rows.map((r) => ({
        id: r.id,
        reason: r.reason,
        purpose: r.purpose,
        createdAt: r.created_at,
        liftedAt: r.lifted_at,
        byEmail: r.email_index !== null,
        byProfileUrl: r.url_index !== null,
        byName: r.name_index !== null,
      })),
      details: { entries: rows.length },
    };
  });
}

/**
 * Lift an entry (the person consents again, or it was made by mistake), by an admin with a reason: the entry stays
 * listed as lifted, its reason encrypted, and the person can be imported and exported again.
 */
export function liftSuppression(session: Session, id: string, reason: string): void {
  session.perform('suppression-lift', () => {
    if (!reason.trim()) throw new ServiceError('invalid', 'Say why the entry is lifted (e.g. the person consented again on …).');
    const row = session.db.prepare('SELECT lifted_at FROM suppressions WHERE id = ?').get(id) as { lifted_at: string | null } | undefined;
    if (!row) throw new ServiceError('not-found', 'There is no such suppression entry.');
    if (row.lifted_at !== null) throw new ServiceError('conflict', `That entry was already lifted on ${row.lifted_at.slice(0, 10)}.`);
    session.db
      .prepare('UPDATE suppressions SET lifted_at = ?, lifted_by = ?, lift_reason_ct = ? WHERE id = ?')
      .run(session.vault.now().toISOString(), session.memberId, session.records.encrypt(reason.trim(), `suppression-lift:${id}`), id);
    return { value: undefined, details: { suppressionId: id } };
  });
}

/** Transfer mechanisms in words, for a person (Art. 15(2)). */
const SAFEGUARDS: Record<TransferMechanism, string> = {
  none: '',
  adequacy: 'under UK adequacy regulations',
  idta: "under the ICO's International Data Transfer Agreement",
  'uk-addendum': 'under the UK Addendum to the EU standard contractual clauses',
  'binding-corporate-rules': 'under binding corporate rules',
  'art49-derogation': 'under an Art. 49 derogation',
};

/**
 * Art. 15(1)(c) and 15(2): the recipients this person's data was disclosed to, from the disclosure log of every record
 * of them, one line per recipient: its role, where it holds the data and the safeguard of a transfer, how many times
 * and when, and for what (a notice run is named as such). Exports made before the log existed are owned up to.
 */
function recipientsOf(session: Session, contactIds: readonly string[], createdAt: string): string[] {
  const register = new Map(session.disclosures.recipients().map((r) => [r.id, r]));
  const byRecipient = new Map<string, { days: string[]; purposes: Set<string> }>();
  for (const id of contactIds) {
    for (const d of session.disclosures.disclosures(id)) {
      const entry = byRecipient.get(d.recipientId) ?? { days: [], purposes: new Set<string>() };
      entry.days.push(d.at.slice(0, 10));
      entry.purposes.add(d.noticeRun ? 'sending you our privacy notice' : PURPOSE_WORDS[d.purpose].toLowerCase());
      byRecipient.set(d.recipientId, entry);
    }
  }
  const lines = [...byRecipient].map(([recipientId, { days, purposes }]) => {
    const r = register.get(recipientId);
    const where = r && r.transfer !== 'none' ? `, holding it in ${r.hostingRegion} ${SAFEGUARDS[r.transfer]}` : r ? `, holding it in ${r.hostingRegion}` : '';
    const who = r ? `${r.name} (${r.role === 'processor' ? 'a processor acting for the controller' : 'a separate controller'}${where})` : 'an unregistered recipient';
    const sorted = days.sort();
    const when = sorted.length === 1 ? `on ${sorted[0]}` : `${sorted.length} times, from ${sorted[0]} to ${sorted.at(-1)}`;
    return `${who}: received your data ${when}, for ${[...purposes].join(' and ')}`;
  });
  const unlogged = unloggedExports(session);
  if (unlogged && createdAt <= unlogged.until) {
    lines.push(
      `Not known: ${unlogged.count === 1 ? '1 export' : `${unlogged.count} exports`} to other systems made up to ${unlogged.until.slice(0, 10)}, ` +
        'before recipients were recorded, may have included your data; ask us and we will find out who received them.',
    );
  }
  return lines;
}

/** The person's entries on the suppression list, in force or lifted (any identity of theirs, names compatibly). */
function suppressionsOf(session: Session, ix: ContactIndexes): SubjectAccessData['suppressions'] {
  const rows = session.db
    .prepare(`SELECT reason, purpose, created_at, lifted_at FROM suppressions WHERE url_index = @url OR email_index = @email OR (@name IS NOT NULL AND ${SAME_NAME_COMPATIBLY}) ORDER BY created_at`)
    .all({ url: ix.url, email: ix.email, name: ix.name }) as { reason: string; purpose: string | null; created_at: string; lifted_at: string | null }[];
  return rows.map((r) => ({ reason: r.reason, purpose: r.purpose, createdAt: r.created_at, liftedAt: r.lifted_at }));
}

/**
 * Everything held about one person (Art. 15), as JSON and CSV: the record named, with the recipients, consents and
 * suppression entries of every record of them (copies from other imports), their own notice.
 */
export function subjectAccess(session: Session, who: PersonSelector): { json: string; csv: string } {
  return session.perform('subject-access', () => {
    const row = findPerson(session, who);
    const contact = session.contacts.open(row);
    const identity = identitiesOf(session, row);
    const copies = session.contacts.copiesOf(row, identity.name).map((c) => c.id);
    const group = row.group_id ? session.groups.list().find((g) => g.id === row.group_id) : undefined;
    const expiries = ExpiryContext.load(session.db);
    const held = session.db.prepare('SELECT 1 FROM legal_holds WHERE lifted_at IS NULL AND (contact_id = ? OR group_id = ?)').get(row.id, row.group_id) !== undefined;
    const notice = session.notices.get(row.id);
    const data: SubjectAccessData = {
      contactId: row.id,
      contact,
      groupLabel: group?.label ?? null,
      policy: group?.policy?.policy ?? null,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      expiresAt: row.expires_at,
      legalHold: held,
      retentionExplanation: explainExpiry(expiries.facts(row.group_id, row, contact), expiries),
      recipients: recipientsOf(session, copies, row.created_at),
      source: SOURCE_BY_KIND[(session.db.prepare('SELECT kind FROM imports WHERE id = ?').get(row.import_id) as { kind: string } | undefined)?.kind ?? ''] ?? SOURCE_WORDS,
      consents: session.consents.list(copies).map((c) => ({
        purpose: c.purpose,
        channels: c.channels,
        obtainedAt: c.obtainedAt,
        method: c.method,
        wording: c.wording,
        wordingVersion: c.wordingVersion,
        withdrawnAt: c.withdrawnAt,
        unconfirmed: !c.confirmed,
      })),
      notice: notice && { status: notice.status, day: notice.day, channel: notice.channel, version: notice.version, exemption: notice.exemption, confirmed: notice.confirmed },
      suppressions: suppressionsOf(session, identity),
      marketing: marketingFactsOf(session, row, contact, copies),
    };
    return { value: { json: subjectAccessJson(data), csv: subjectAccessCsv(data) }, details: { contactId: row.id } };
  });
}
