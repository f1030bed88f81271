// A vault file: created with its first member (an admin) and a recovery key shown once; opened by anyone (the due
// dates of destruction are plaintext by design), and unlocked by a member's passphrase into a Session.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import {
  createPassphraseSlot,
  createRecoverySlot,
  decoyPassphraseSlot,
  DEFAULT_SCRYPT,
  generateRecoveryKey,
  openSlot,
  parseRecoveryKey,
  RecoveryKeyFormatError,
  VaultKey,
  slotKdfParams,
  WrongSecretError,
  type KeySlot,
  type PassphraseSlot,
  type ScryptParams,
} from '../crypto/index.js';
import { AuditLog } from '../audit/audit-log.js';
import { ServiceError } from '../shared/errors.js';
import { DEFAULT_RETENTION, type DefaultRetention } from '../retention/index.js';
import { openDatabase, type Db } from './database.js';
import { setDefaultRetention } from './meta.js';
import { deleteSlots, findMemberByName, insertMember, memberLookup, normaliseMemberName, putSlot, replaceSlots, slotsOf } from './members.js';
import type { Role } from '../shared/vocabulary.js';
import { Session } from './session.js';
import { storageError } from './storage-error.js';

export interface VaultOptions {
  /** The clock: injected so schedules can be tested without waiting (`--now` on the command line). */
  now?: () => Date;
  /** Passphrase KDF parameters for new slots. Weaker than the default only in tests. */
  kdf?: { params: ScryptParams; allowWeak?: boolean };
  /** How long to wait for another process's write before answering "busy" (src/vault/database.ts). */
  busyTimeoutMs?: number;
}

export class Vault {
  readonly audit: AuditLog;
  readonly now: () => Date;

  private constructor(
    readonly db: Db,
    readonly path: string,
    readonly options: VaultOptions,
  ) {
    this.now = options.now ?? (() => new Date());
    this.audit = new AuditLog(db, this.now);
  }

  /**
   * Create a vault with its first member, an admin, and its default retention (DEFAULT_RETENTION unless given).
   * Returns the recovery key, to be shown once and kept offline.
   */
  static async create(
    path: string,
    first: { name: string; passphrase: string; roles?: Role[]; defaultRetention?: DefaultRetention },
    options: VaultOptions = {},
  ): Promise<{ vault: Vault; session: Session; recoveryKey: string }> {
    if (existsSync(path)) throw new ServiceError('conflict', `There is already a file at "${path}": choose another name for the new vault.`);
    checkPassphrase(first.passphrase);
    const name = normaliseMemberName(first.name);
    if (!name) throw new ServiceError('invalid', 'The first member needs a name.');
    const vault = new Vault(openDatabase(path, { create: true }), path, options);
    const key = VaultKey.generate();
    const recoveryKey = generateRecoveryKey();
    const slot = await createPassphraseSlot(key, first.passphrase, vault.options.kdf);
    const recovery = await createRecoverySlot(key, recoveryKey);
    const roles: Role[] = first.roles ?? ['admin', 'data-owner', 'importer'];
    const retention = first.defaultRetention ?? DEFAULT_RETENTION;
    if (!roles.includes('admin')) roles.unshift('admin');
    const memberId = randomUUID();
    const at = vault.now().toISOString();
    // The session first: its audit key authenticates the vault's first entry.
    const session = new Session(vault, memberId, roles, key);
    vault.db.transaction(() => {
      vault.db.prepare("INSERT INTO vault_meta (key, value) VALUES ('vault_id', ?), ('created_at', ?), ('quarantine_days', '30')").run(randomUUID(), at);
      setDefaultRetention(vault.db, retention);
      insertMember(vault.db, { id: memberId, lookup: memberLookup(vault.db, name), nameCt: session.records.encrypt(name, memberId), roles, createdAt: at });
      putSlot(vault.db, { id: randomUUID(), memberId, data: slot, createdAt: at });
      putSlot(vault.db, { id: randomUUID(), memberId: null, data: recovery, createdAt: at });
      vault.audit.append(memberId, 'vault-created', 'success', { memberId, roles, months: retention.months, anchor: retention.anchor });
    })();
    return { vault, session, recoveryKey };
  }

  /** Open a vault to read only (checking a certificate): nothing is written, not even the audit log. */
  static openReadOnly(path: string, options: VaultOptions = {}): Vault {
    if (!existsSync(path)) throw new ServiceError('not-found', `There is no vault at "${path}".`);
    return new Vault(openDatabase(path, { readonly: true, ...(options.busyTimeoutMs !== undefined ? { busyTimeoutMs: options.busyTimeoutMs } : {}) }), path, options);
  }

  static open(path: string, options: VaultOptions = {}): Vault {
    if (!existsSync(path)) throw new ServiceError('not-found', `There is no vault at "${path}".`);
    let db: Db;
    try {
      db = openDatabase(path, { ...(options.busyTimeoutMs !== undefined ? { busyTimeoutMs: options.busyTimeoutMs } : {}) });
    } catch (err) {
      if (err instanceof ServiceError) throw err;
      const known = storageError(err);
      if (known instanceof ServiceError) throw known;
      throw new ServiceError('unreadable', `"${path}" cannot be opened as a vault (${(err as Error).message}).`);
    }
    return new Vault(db, path, options);
  }

  /**
   * Unlock as a member. A wrong name or passphrase gives the same answer, is audited, and changes nothing else; it
   * takes the same time too: an unknown name (or a member with no passphrase slot) costs one key derivation on a
   * decoy slot with the vault's passphrase parameters, as a wrong passphrase costs one on the member's slot. The
   * audit log is verified with the vault's audit key before the session is handed out (a broken log: integrity).
   */
  async unlock(name: string, passphrase: string): Promise<Session> {
    const member = findMemberByName(this.db, name);
    const slots: KeySlot[] = member ? slotsOf(this.db, member.id, 'passphrase') : [];
    const decoy = slots.length === 0;
    for (const slot of decoy ? [this.decoySlot()] : slots) {
      let key: VaultKey;
      try {
        key = await openSlot(slot, passphrase);
      } catch (err) {
        // The decoy's parameters come from another member's slot: whatever it throws, the answer is "wrong".
        if (err instanceof WrongSecretError || decoy) continue;
        throw err;
      }
      if (!member) {
        key.destroy(); // a decoy never opens (its tag is random), but if it did it would open nothing
        continue;
      }
      const session = new Session(this, member.id, member.roles, key);
      session.verifyAuditOnOpen();
      this.audit.append(member.id, 'unlock', 'success', { method: 'passphrase' });
      return session;
    }
    this.audit.append(member?.id ?? null, 'unlock', 'refused', { reason: 'wrong-secret' });
    throw new ServiceError('wrong-secret', 'The member name or passphrase is wrong.');
  }

  /** A slot no passphrase opens, as costly to try as the vault's first passphrase slot (docs/security.md, "Key slots"). */
  private decoySlot(): PassphraseSlot {
    const row = this.db.prepare("SELECT slot FROM key_slots WHERE kind = 'passphrase' ORDER BY created_at, id LIMIT 1").get() as { slot: string } | undefined;
    let params: ScryptParams | null = null;
    try {
      params = row ? slotKdfParams(JSON.parse(row.slot) as KeySlot) : null;
    } catch {
      params = null; // a damaged slot: any real member's unlock reports it; the decoy takes the default
    }
    return decoyPassphraseSlot(params ?? DEFAULT_SCRYPT);
  }

  /**
   * Unlock with the recovery key to set a member's new passphrase. The recovery key is single-use: a new one
   * replaces it, shown once. Nothing is re-encrypted: only key slots change.
   */
  async recover(recoveryKey: string, name: string, newPassphrase: string): Promise<{ session: Session; recoveryKey: string }> {
    checkPassphrase(newPassphrase);
    try {
      parseRecoveryKey(recoveryKey);
    } catch (err) {
      if (err instanceof RecoveryKeyFormatError) {
        this.audit.append(null, 'recover', 'refused', { reason: 'invalid' });
        throw new ServiceError('invalid', err.message);
      }
      throw err;
    }
    // The key is checked before the name, and a wrong either gives one answer: nothing is learnt about members.
    let key: VaultKey | null = null;
    for (const slot of slotsOf(this.db, null, 'recovery')) {
      try {
        key = await openSlot(slot, recoveryKey);
      } catch (err) {
        if (!(err instanceof WrongSecretError)) throw err;
      }
    }
    const member = key ? findMemberByName(this.db, name) : null;
    if (!key || !member) {
      key?.destroy();
      this.audit.append(member?.id ?? null, 'recover', 'refused', { reason: 'wrong-secret' });
      throw new ServiceError('wrong-secret', 'The recovery key or the member name is wrong.');
    }
    // The log is verified before anything changes: a vault whose log was rewritten is not recovered into.
    const session = new Session(this, member.id, member.roles, key);
    session.verifyAuditOnOpen();
    try {
      const fresh = generateRecoveryKey();
      const passphraseSlot = await createPassphraseSlot(key, newPassphrase, this.options.kdf);
      const recoverySlot = await createRecoverySlot(key, fresh);
      const at = this.now().toISOString();
      this.db.transaction(() => {
        replaceSlots(this.db, member.id, 'passphrase', { id: randomUUID(), data: passphraseSlot, createdAt: at });
        // As a changed passphrase does, a recovered one ends the member's keychain unlock (docs/security.md, "Key slots").
        deleteSlots(this.db, member.id, 'keychain');
        replaceSlots(this.db, null, 'recovery', { id: randomUUID(), data: recoverySlot, createdAt: at });
        this.audit.append(member.id, 'recover', 'success', { memberId: member.id });
      })();
      return { session, recoveryKey: fresh };
    } catch (err) {
      session.lock();
      throw err;
    }
  }

  close(): void {
    this.audit.forgetKeys();
    if (this.db.open) this.db.close();
  }
}

export function checkPassphrase(passphrase: string): void {
  if (passphrase.normalize('NFC').length < 12) {
    throw new ServiceError('invalid', 'A passphrase needs at least 12 characters: several words are easier to remember than symbols.');
  }
}
