// Recipients and what they received: the recipients register (Art. 30(1)(d), Art. 28), the disclosure log
// (Art. 15(1)(c)), the Art. 19 tasks an erasure or a rectification leaves for each recipient that received the person,
// and the controller's own details (named by the privacy notice and the Art. 30 record). Audited with ids, counts and
// vocabulary words only: a recipient's name, the controller's details and a task's subject stay in the encrypted rows.
import { randomUUID } from 'node:crypto';
import type { Response, ValidRequest } from '../../api/contract.js';
import { IntegrityError } from '../../crypto/index.js';
import { dayOf } from '../../policy/dates.js';
import { lacksTransferMechanism } from '../../policy/transfers.js';
import { ServiceError } from '../../shared/errors.js';
import { CRM_FIELDS, type CrmField } from '../../shared/vocabulary.js';
import type { ContactRow, StoredContact } from '../../vault/contacts-repo.js';
import { finishPendingVacuum, markWipePending } from '../../vault/destruction.js';
import type { ControllerDetails } from '../../vault/disclosures-repo.js';
import type { Session } from '../../vault/session.js';

/** Register a recipient once (a CRM, a mailing tool); every export then names it. Returns its id. */
export function addRecipient(session: Session, request: ValidRequest<'recipients.add'>): string {
  return session.perform('recipient-add', () => {
    const name = request.name.trim();
    if (session.disclosures.recipients().some((r) => r.name.trim().toLowerCase() === name.toLowerCase())) {
      throw new ServiceError('conflict', `A recipient named "${name}" is already registered: use it, or give this one another name.`);
    }
    // An Art. 28 contract signed in the future does not yet bind the processor.
    if (request.contractDate !== undefined && request.contractDate > dayOf(session.vault.now())) {
      throw new ServiceError('invalid', 'The contract date is in the future: register the recipient once the Art. 28 contract is signed.');
    }
    // Chapter V (Art. 44): hosting outside the UK is a restricted transfer, lawful only under a mechanism.
    if (lacksTransferMechanism(request)) {
      throw new ServiceError(
        'invalid',
        `A recipient hosted in "${request.hostingRegion.trim()}" receives a restricted transfer (UK GDPR Chapter V), so "none" is not a transfer mechanism: choose adequacy (for the EU or EEA), idta, uk-addendum, binding-corporate-rules or art49-derogation, or give UK as its region if it is hosted in the UK.`,
      );
    }
    const id = randomUUID();
    const contact = request.contact?.trim() || null;
    session.disclosures.addRecipient(
      { id, name, role: request.role, contractDate: request.contractDate ?? null, hostingRegion: request.hostingRegion, transfer: request.transfer, contact, createdAt: session.vault.now().toISOString() },
      session.memberId,
    );
    return { value: id, details: { recipientId: id, role: request.role, transfer: request.transfer } };
  });
}

/** The register, each recipient with the number of disclosures (exports) it received. */
export function listRecipients(session: Session): Response<'recipients.list'> {
  return session.repeatableRead('recipient-list', () => {
    const counts = session.disclosures.disclosureCounts();
    const value = session.disclosures.recipients().map((r) => ({ ...r, disclosures: counts.get(r.id) ?? 0 }));
    return { value, details: { entries: value.length } };
  });
}

/** The disclosure log, newest first, or the disclosures that carried one contact (Art. 15(1)(c)). */
export function listDisclosures(session: Session, filter: { contactId?: string | undefined }): Response<'disclosures.list'> {
  return session.repeatableRead('disclosure-list', () => {
    // An erased contact's disclosures went with it (its Art. 19 tasks remain): "nothing" would not be true of them.
    if (filter.contactId !== undefined && session.contacts.get(filter.contactId) === null) {
      throw new ServiceError('not-found', 'There is no such contact (an erased person\'s recipients are listed by art19 list).');
    }
    const names = recipientNames(session);
    const value = session.disclosures.disclosures(filter.contactId).map((d) => ({ ...d, recipientName: names.get(d.recipientId) ?? '(unknown recipient)' }));
    return { value, details: { entries: value.length, ...(filter.contactId ? { contactId: filter.contactId } : {}) } };
  });
}

/** The Art. 19 tasks still open (or all of them), with the recipient's name and, while open, whom they are about. */
export function listArt19Tasks(session: Session, includeDone: boolean): Response<'art19.list'> {
  return session.perform('art19-list', () => {
    const names = recipientNames(session);
    const value = session.disclosures.tasks(includeDone).map((t) => ({ ...t, recipientName: names.get(t.recipientId) ?? '(unknown recipient)' }));
    return { value, details: { entries: value.length } };
  });
}

/**
 * Mark a task done once the recipient was told (Art. 19): whom it was about is wiped, the task stays as a record. As
 * after an erasure, the freed bytes are then vacuumed out of the file and its WAL (Art. 5(1)(e)), so that the wiped
 * subject does not linger on disk.
 */
export async function completeArt19Task(session: Session, taskId: string): Promise<void> {
  session.perform('art19-done', () => {
    const task = session.disclosures.task(taskId);
    if (!task) throw new ServiceError('not-found', 'There is no Art. 19 task with that id: `art19 list --all` shows them.');
    if (task.doneAt !== null) throw new ServiceError('conflict', `That Art. 19 task was already marked done on ${task.doneAt.slice(0, 10)}.`);
    session.disclosures.completeTask(taskId, session.vault.now().toISOString(), session.memberId);
    // In the same transaction: a crash before the vacuum leaves it pending, and the next destruction run finishes it.
    markWipePending(session.db);
    return { value: undefined, details: { taskId, recipientId: task.recipientId, kind: task.kind } };
  });
  await finishPendingVacuum(session.db);
}

export function showController(session: Session): Response<'controller.show'> {
  return session.perform('controller-show', () => ({ value: { details: session.disclosures.controller() }, details: {} }));
}

/** Record the controller's identity and contact details, its DPO and its UK representative (Art. 13/14(1)(a)-(b), Art. 30(1)(a)). */
export function setController(session: Session, details: ValidRequest<'controller.set'>): void {
  session.perform('controller-set', () => {
    const dpo = details.dpo?.trim();
    const representative = details.representative?.trim();
    const record: ControllerDetails = { name: details.name, contact: details.contact, ...(dpo ? { dpo } : {}), ...(representative ? { representative } : {}) };
    session.disclosures.setController(record, session.vault.now().toISOString(), session.memberId);
    return { value: undefined, details: {} };
  });
}

const recipientNames = (session: Session): Map<string, string> => new Map(session.disclosures.recipients().map((r) => [r.id, r.name]));

/** How a recipient finds the person in its own copy: their email, else their profile, else name and company. */
export function identificationOf(c: Pick<StoredContact, 'email' | 'profileUrl' | 'firstName' | 'lastName' | 'company'>): string {
  return c.email ?? c.profileUrl ?? [`${c.firstName} ${c.lastName}`.trim(), c.company].filter(Boolean).join(', ');
}

/**
 * The fields a recipient could have received that differ between two versions of a contact: only what a CRM export
 * carries (CRM_FIELDS), since a recipient can rectify only what it holds; the source never counts.
 */
export function changedFields(before: StoredContact, after: StoredContact): CrmField[] {
  return CRM_FIELDS.filter((f) => (before[f] ?? null) !== (after[f] ?? null));
}

/**
 * Art. 19: a rectification (an update import changed what a recipient may hold) is to be told to every recipient
 * that received the person: one task each, naming the person as the recipient knows them (the values before the
 * change) and which fields changed, never the values. `existing` is the stored row before the update. Returns how
 * many tasks were created.
 */
export function rectificationTasks(session: Session, existing: ContactRow, after: StoredContact, at: string): number {
  const recipients = session.disclosures.recipientsOf([existing.id]);
  if (recipients.length === 0) return 0;
  let subject: string;
  try {
    const before = session.contacts.open(existing);
    const changed = changedFields(before, after);
    if (changed.length === 0) return 0;
    subject = `${identificationOf(before)} (changed: ${changed.join(', ')})`;
  } catch (err) {
    if (!(err instanceof IntegrityError)) throw err;
    // The old record no longer decrypts: the recipient is told of the person as now imported, every field replaced.
    subject = `${identificationOf(after)} (changed: the whole record)`;
  }
  for (const recipientId of recipients) session.disclosures.addTask({ id: randomUUID(), recipientId, kind: 'rectification', createdAt: at, subject });
  return recipients.length;
}
