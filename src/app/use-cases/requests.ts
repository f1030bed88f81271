// Data subjects' requests: erasure (Art. 17) destroys a person now, with a certificate, and puts them on the
// suppression list; an objection (Art. 21) suppresses without a record to erase; access (Art. 15) exports
// everything held about one person. The suppression list keeps only blind indexes, never a name: profile URL,
// email, and name + company (so a person known only by name, from a legacy export, is suppressed too: I4).
import { randomUUID } from 'node:crypto';
import { IntegrityError } from '../../crypto/index.js';
import { explainExpiry } from '../../retention/index.js';
import { PURPOSE_WORDS, SOURCE_BY_KIND, SOURCE_WORDS, subjectAccessCsv, subjectAccessJson, type SubjectAccessData } from '../../export/index.js';
import { ServiceError } from '../../shared/errors.js';
import type { LawfulBasis, Purpose, SuppressionReason } from '../../shared/vocabulary.js';
import { CERTIFICATE_FORMAT, type Certificate } from '../../shared/certificate.js';
import { storeCertificate } from '../../vault/certificates.js';
import { insertSuppression, type ContactIndexes, type ContactRow } from '../../vault/contacts-repo.js';
import { finishPendingVacuum, vaultId } from '../../vault/destruction.js';
import { ExpiryContext } from '../../vault/expiry.js';
import type { Session } from '../../vault/session.js';
import { findByIdentity, findPerson, identitiesOf, indexesOf, type PersonSelector } from './person.js';

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
): Promise<{ certificate: Certificate; suppressionId: string; art19Tasks: { taskId: string; recipientId: string }[] }> {
  const result = session.perform('erasure', () => {
    const row = findPerson(session, who);
    const identity = identitiesOf(session, row);
    // Every record of the person goes: this one, and any other copy under their profile or email, or known only by
    // the same name and company (a legacy export). A hold on any of them stops the whole erasure (Art. 17(3)(e)).
    const copies = session.db
      .prepare(
        `SELECT id, group_id FROM contacts
         WHERE id = @id OR url_index = @url OR email_index = @email
            OR (url_index IS NULL AND email_index IS NULL AND name_index = @name)`,
      )
      .all({ id: row.id, url: identity.url, email: identity.email, name: identity.name }) as { id: string; group_id: string | null }[];
    const heldCopy = session.db.prepare('SELECT 1 FROM legal_holds WHERE lifted_at IS NULL AND (contact_id = ? OR group_id = ?)');
    if (copies.some((c) => heldCopy.get(c.id, c.group_id))) throw new ServiceError('conflict', 'This contact is under a legal hold: lift the hold (Art. 17(3)(e)) before erasing.');
    const suppressionId = addSuppression(session, identity, 'erasure');
    // Art. 19: every recipient that received any copy of the person must be told of the erasure. The task keeps
    // who it is about (encrypted) until an admin marks it done; the disclosure links go with the contacts.
    const subject = subjectOf(session, row);
    const tasks = session.disclosures.recipientsOf(copies.map((c) => c.id)).map((recipientId) => {
      const task = { id: randomUUID(), recipientId, kind: 'erasure' as const, createdAt: session.vault.now().toISOString(), subject };
      session.disclosures.addTask(task);
      return { taskId: task.id, recipientId };
    });
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
    const value = { suppressionId, certificate: null as Certificate | null, art19Tasks: tasks };
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
        session.db.prepare("INSERT INTO vault_meta (key, value) VALUES ('vacuum_pending', '1') ON CONFLICT(key) DO UPDATE SET value = '1'").run();
      },
    };
  });
  await finishPendingVacuum(session.db);
  return { certificate: result.certificate!, suppressionId: result.suppressionId, art19Tasks: result.art19Tasks };
}

/**
 * Record an objection (Art. 21) by email and/or profile URL, or by a contact in the vault. For direct marketing it is
 * absolute (Art. 21(3)): from this moment the person is left out of every export, whatever its purpose, and later
 * imports refuse them and report the lines.
 */
export function suppressPerson(session: Session, who: { contactId: string } | { email?: string; profileUrl?: string }): string {
  return session.perform('suppression-add', () => {
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
    const id = addSuppression(session, indexes, 'objection');
    return { value: id, details: { suppressionId: id, reason: 'objection', ...(contactId ? { contactId } : {}) } };
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
  return session.perform('suppression-list', () => {
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

/**
 * Art. 15(1)(c): the recipients this person's data was disclosed to, from the disclosure log, each with its role,
 * when and for what purpose (one line per disclosure).
 */
function recipientsOf(session: Session, contactId: string): string[] {
  const register = new Map(session.disclosures.recipients().map((r) => [r.id, r]));
  return session.disclosures.disclosures(contactId).map((d) => {
    const r = register.get(d.recipientId);
    const who = r ? `${r.name} (${r.role === 'processor' ? 'processor acting for the controller' : 'a separate controller'}${r.transfer !== 'none' ? `, hosted in ${r.hostingRegion}` : ''})` : 'an unregistered recipient';
    return `${who}: received on ${d.at.slice(0, 10)} for ${PURPOSE_WORDS[d.purpose].toLowerCase()}`;
  });
}

/** Everything held about one person (Art. 15), as JSON and CSV. */
export function subjectAccess(session: Session, who: PersonSelector): { json: string; csv: string } {
  return session.perform('subject-access', () => {
    const row = findPerson(session, who);
    const contact = session.contacts.open(row);
    const group = row.group_id ? session.groups.list().find((g) => g.id === row.group_id) : undefined;
    const expiries = ExpiryContext.load(session.db);
    const held = session.db.prepare('SELECT 1 FROM legal_holds WHERE lifted_at IS NULL AND (contact_id = ? OR group_id = ?)').get(row.id, row.group_id) !== undefined;
    const data: SubjectAccessData = {
      contactId: row.id,
      contact,
      groupLabel: group?.label ?? null,
      policy: group?.policy?.policy ?? null,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      expiresAt: row.expires_at,
      legalHold: held,
      retentionExplanation: explainExpiry(expiries.facts(row.group_id, row, contact), expiries.policies, expiries.quarantineDays),
      recipients: recipientsOf(session, row.id),
      source: SOURCE_BY_KIND[(session.db.prepare('SELECT kind FROM imports WHERE id = ?').get(row.import_id) as { kind: string } | undefined)?.kind ?? ''] ?? SOURCE_WORDS,
    };
    return { value: { json: subjectAccessJson(data), csv: subjectAccessCsv(data) }, details: { contactId: row.id } };
  });
}
