// An unlocked vault, as one member. Every use case goes through `perform`: the change and its audit entry commit in
// one transaction, and a failure is audited too. Who may run what is the app's decision (src/app/authorise.ts,
// from the contract's access table); the session only reports the member's roles as stored now.
import { deriveKeys, IntegrityError, type AuditMac, type BlindIndexer, type RecordCipher, type VaultKey } from '../crypto/index.js';
import type { AuditDetails, AuditEntry } from '../audit/audit-log.js';
import { ServiceError } from '../shared/errors.js';
import type { Role } from '../shared/vocabulary.js';
import { ConsentsRepo } from './consents-repo.js';
import { NO_TASK, type TaskContext } from '../shared/task.js';
import { ContactSearchIndex } from './contact-index.js';
import { ContactsRepo } from './contacts-repo.js';
import { DisclosuresRepo } from './disclosures-repo.js';
import { GroupsRepo } from './groups-repo.js';
import { MarketingRepo } from './marketing-repo.js';
import { NoticesRepo } from './notices-repo.js';
import type { OpenVault } from './open-vault.js';

/** How long a run of the same read stays one audit entry: a later reading is a new one. */
const READ_RUN_MS = 10 * 60_000;

export interface Outcome<T> {
  value: T;
  details?: AuditDetails;
  /** Runs in the same transaction once the audit entry exists (a certificate that cites it). */
  onEntry?: (entry: AuditEntry) => void;
}

export class Session {
  readonly records: RecordCipher;
  readonly index: BlindIndexer;
  /** The vault's audit key: every entry appended while the session is unlocked carries its MAC (src/audit/audit-log.ts). */
  readonly auditMac: AuditMac;
  readonly contacts: ContactsRepo;
  readonly groups: GroupsRepo;
  readonly consents: ConsentsRepo;
  readonly notices: NoticesRepo;
  readonly disclosures: DisclosuresRepo;
  /** Subscriber types, soft opt-ins and TPS/CTPS screenings (PECR, schema 8). */
  readonly marketing: MarketingRepo;
  private locked = false;

  constructor(
    readonly vault: OpenVault,
    readonly memberId: string,
    private roleList: readonly Role[],
    private readonly key: VaultKey,
  ) {
    const keys = deriveKeys(key);
    this.records = keys.records;
    this.index = keys.index;
    this.auditMac = keys.audit;
    vault.audit.useKey(this.auditMac);
    this.contacts = new ContactsRepo(vault.db, this.records);
    this.groups = new GroupsRepo(vault.db, this.records);
    this.consents = new ConsentsRepo(vault.db, this.records);
    this.notices = new NoticesRepo(vault.db, this.records);
    this.disclosures = new DisclosuresRepo(vault.db, this.records);
    this.marketing = new MarketingRepo(vault.db, this.records);
  }

  get db() {
    return this.vault.db;
  }

  private searchIndex: ContactSearchIndex | null = null;

  /** The request running now: where a use case that walks every contact reports progress (src/app/cancellation.ts). */
  task: TaskContext = NO_TASK;

  /** The in-memory search index of the contacts (src/vault/contact-index.ts): built on first use, gone at lock. */
  contactSearch(): ContactSearchIndex {
    return (this.searchIndex ??= new ContactSearchIndex(this.db, (row) => this.contacts.open(row)));
  }

  /** The member's roles as last read from the vault. */
  get roles(): readonly Role[] {
    return this.roleList;
  }

  /** The vault key, for use cases that write key slots (add a member, change a passphrase). */
  vaultKey(): VaultKey {
    this.assertUnlocked();
    return this.key;
  }

  /**
   * Verify the audit log with this session's key (on unlock): chain, MACs and head. A log that fails was changed
   * outside the app: the session locks, and the unlock is refused with an integrity error (exit code 4). Nothing is
   * appended then, since a new entry would move the head past the damage.
   */
  verifyAuditOnOpen(): void {
    const result = this.vault.audit.verify(this.auditMac);
    if (result.ok) return;
    this.lock();
    throw new ServiceError('integrity', `The vault's audit log failed verification (${result.problem}), so it was changed outside the app: the vault stays locked.`);
  }

  /** Run a use case: the change and its audit entry in one transaction. */
  perform<T>(action: string, fn: () => Outcome<T>): T {
    return this.#perform(action, fn, false);
  }

  /**
   * A read that a screen repeats: a list it pages through or reloads (contacts, the audit log, groups…), a check run
   * again as a form fills (policy.check). Audited like any use case, except that a run of the same read (same
   * action, same question apart from its page: `readKey`) by this member, within ten minutes and with nothing else
   * written to the log since this session's entry for it, stays that one entry (a reading page by page is one
   * reading, not one entry a page). A refused or failed read is always written.
   */
  repeatableRead<T>(action: string, fn: () => Outcome<T>): T {
    return this.#perform(action, fn, true);
  }

  /**
   * What the request running now asks, apart from its page (set by the app for each request: src/app/read-key.ts):
   * two reads are one reading only when they ask the same.
   */
  readKey = '';

  #lastRead: { seq: number; action: string; key: string; at: number } | null = null;

  #perform<T>(action: string, fn: () => Outcome<T>, repeatable: boolean): T {
    this.assertUnlocked();
    const key = this.readKey;
    const now = this.vault.now().getTime();
    const last = this.#lastRead;
    let written: number | null = null;
    try {
      const value = this.db.transaction(() => {
        const { value, details, onEntry } = fn();
        // The same read (same action and question), right after this session's own entry for it, and soon after.
        const again = repeatable && last !== null && last.action === action && last.key === key && now - last.at < READ_RUN_MS && this.vault.audit.head().seq === last.seq;
        if (again) return value;
        const entry = this.vault.audit.append(this.memberId, action, 'success', details);
        written = entry.seq;
        onEntry?.(entry);
        return value;
      })();
      // Only once committed: a rolled-back entry must not absorb the next read.
      if (written !== null) this.#lastRead = repeatable ? { seq: written, action, key, at: now } : null;
      return value;
    } catch (err) {
      const mapped = asServiceError(err);
      this.auditFailure(action, mapped);
      throw mapped;
    }
  }

  /** The same for long use cases that stream (an import): BEGIN IMMEDIATE … COMMIT around awaited work. */
  async performAsync<T>(action: string, fn: () => Promise<Outcome<T>>): Promise<T> {
    this.assertUnlocked();
    // One connection, one transaction: a second long use case must not nest in (and later roll back) the first.
    if (this.db.inTransaction) throw new ServiceError('conflict', 'The vault is busy with another task: try again when it has finished.');
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const { value, details } = await fn();
      this.vault.audit.append(this.memberId, action, 'success', details);
      this.db.exec('COMMIT');
      return value;
    } catch (err) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      const mapped = asServiceError(err);
      this.auditFailure(action, mapped);
      throw mapped;
    }
  }

  /** Forget the keys: the session can do nothing more. */
  lock(): void {
    if (this.locked) return;
    this.locked = true;
    this.searchIndex = null;
    this.records.destroy();
    this.index.destroy();
    this.vault.audit.forgetKey(this.auditMac);
    this.key.destroy();
  }

  /**
   * Lock because the member was removed: the keys go now, but the audit key stays with the log until the end of this
   * turn, so the refusal the caller records next (src/app/authorise.ts, in the same synchronous turn) is written by
   * the key holder it is, with its MAC, rather than as an entry only a forger would leave without one.
   */
  private lockForRemoval(): void {
    if (this.locked) return;
    this.locked = true;
    this.searchIndex = null;
    this.records.destroy();
    this.index.destroy();
    this.key.destroy();
    queueMicrotask(() => this.vault.audit.forgetKey(this.auditMac));
  }

  assertUnlocked(): void {
    if (this.locked) throw new ServiceError('locked', 'The vault is locked: unlock it again.');
  }

  /**
   * The member's roles as stored now, read again for every request: a member removed while their session is open
   * loses it at once (the session locks and this answers null).
   */
  currentRoles(): readonly Role[] | null {
    this.assertUnlocked();
    const row = this.db.prepare('SELECT roles, removed_at FROM members WHERE id = ?').get(this.memberId) as { roles: string; removed_at: string | null } | undefined;
    if (!row || row.removed_at) {
      this.lockForRemoval();
      return null;
    }
    this.roleList = row.roles.split(',') as Role[];
    return this.roleList;
  }

  private auditFailure(action: string, err: unknown): void {
    const reason = err instanceof ServiceError ? err.code : 'failed';
    const outcome = err instanceof ServiceError && err.code !== 'integrity' ? 'refused' : 'failed';
    try {
      this.vault.audit.append(this.memberId, action, outcome, { reason });
    } catch {
      // The failure itself is what the caller needs to see; an audit write that fails too must not hide it.
    }
  }
}

/** A changed or moved ciphertext, wherever a use case met it, reaches the caller as one clear integrity error. */
function asServiceError(err: unknown): unknown {
  if (err instanceof IntegrityError) return new ServiceError('integrity', err.message);
  return err;
}
