// The app's use cases behind the IPC contract: one vault open at a time, unlocked as one member. Each method maps
// a channel to the vault's use cases; the router has validated its request already.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { inspectExport } from '../report/inspect.js';
import { listCertificates } from '../vault/certificates.js';
import { commitImport } from './use-cases/commit-import.js';
import { getContact, listContacts } from './use-cases/contacts.js';
import { exportForCrm, recordsOfProcessing } from './use-cases/exports.js';
import { addGroup, assignPolicy, checkPolicy, listGroups, overdueNotices, removeGroup } from './use-cases/groups.js';
import { addMember, listAllMembers, removeMemberById } from './use-cases/members.js';
import { erasePerson, subjectAccess } from './use-cases/requests.js';
import { destroyDue, dueSchedule, liftLegalHold, listLegalHolds, listRetentionPolicies, placeLegalHold, setRetentionPolicy } from './use-cases/retention.js';
import { setQuarantineDays } from './use-cases/settings.js';
import type { Session } from '../vault/session.js';
import { Vault, type VaultOptions } from '../vault/vault.js';
import type { Channel, Progress, Request, Response } from '../api/contract.js';
import { ServiceError } from '../shared/errors.js';

type Handlers = { [C in Channel]: (request: Request<C>, progress: (p: Progress) => void) => Promise<Response<C>> | Response<C> };

async function sha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export class AppService {
  private vault: Vault | null = null;
  private current: Session | null = null;

  constructor(private readonly options: VaultOptions = {}) {}

  private session(): Session {
    if (!this.current) throw new ServiceError('locked', 'Unlock a vault first.');
    return this.current;
  }

  private member() {
    return this.current ? { id: this.current.memberId, roles: [...this.current.roles] } : null;
  }

  private replace(vault: Vault, session: Session): void {
    this.close();
    this.vault = vault;
    this.current = session;
  }

  /** Lock and close whatever is open (on lock, idle timeout, or quit). */
  close(): void {
    this.current?.lock();
    this.current = null;
    this.vault?.close();
    this.vault = null;
  }

  readonly handlers: Handlers = {
    'vault.status': () => ({ path: this.vault?.path ?? null, member: this.member() }),
    'vault.create': async (r) => {
      const { vault, session, recoveryKey } = await Vault.create(r.path, { name: r.name, passphrase: r.passphrase }, this.options);
      this.replace(vault, session);
      return { recoveryKey, member: this.member()! };
    },
    'vault.unlock': async (r) => {
      const vault = Vault.open(r.path, this.options);
      try {
        this.replace(vault, await vault.unlock(r.name, r.passphrase));
      } catch (err) {
        if (this.vault !== vault) vault.close();
        throw err;
      }
      return { member: this.member()! };
    },
    'vault.recover': async (r) => {
      const vault = Vault.open(r.path, this.options);
      try {
        const { session, recoveryKey } = await vault.recover(r.recoveryKey, r.name, r.newPassphrase);
        this.replace(vault, session);
        return { recoveryKey, member: this.member()! };
      } catch (err) {
        if (this.vault !== vault) vault.close();
        throw err;
      }
    },
    'vault.lock': () => {
      this.close();
      return null;
    },

    'import.preview': async (r, progress) => {
      this.session().authorise('import-preview', ['importer']);
      const report = await inspectExport(r.path, { entry: r.entry, onProgress: (done, total) => progress({ task: 'import.preview', done, total }) });
      return { report, sha256: await sha256(r.path) };
    },
    'import.commit': async (r, progress) =>
      ({ ...(await commitImport(this.session(), r.path, r.choices, { onProgress: (done, total) => progress({ task: 'import.commit', done, total }) })) }),

    'members.list': () => listAllMembers(this.session()),
    'members.add': (r) => addMember(this.session(), r),
    'members.remove': (r) => {
      removeMemberById(this.session(), r.memberId);
      return null;
    },

    'groups.list': () => ({ ...listGroups(this.session()), overdue: overdueNotices(this.session()) }) as unknown as Response<'groups.list'>,
    'groups.add': (r) => ({ ...addGroup(this.session(), r.label, r.rule) }),
    'groups.remove': (r) => {
      removeGroup(this.session(), r.groupId);
      return null;
    },
    'policy.check': (r) => {
      const { errors, guardrails } = checkPolicy(this.session(), r.groupId, r.policy);
      return { errors, guardrails };
    },
    'policy.assign': (r) => ({ guardrails: assignPolicy(this.session(), r.groupId, r.policy, { acknowledgeWarnings: r.acknowledgeWarnings }) }),

    'contacts.list': (r) => listContacts(this.session(), { ...(r.groupId !== undefined ? { groupId: r.groupId } : {}), ...(r.search ? { search: r.search } : {}) }) as unknown as Response<'contacts.list'>,
    'contacts.show': (r) => ({ ...getContact(this.session(), r.contactId) }),
    'contacts.access': (r) => subjectAccess(this.session(), { contactId: r.contactId }),
    'contacts.erase': async (r) => {
      const { certificate, suppressionId } = await erasePerson(this.session(), { contactId: r.contactId });
      return { certificate: { ...certificate }, suppressionId };
    },

    'retention.list': () => listRetentionPolicies(this.session()).map((p) => ({ policy: { ...p.policy }, description: p.description })),
    'retention.set': (r) => ({ ...setRetentionPolicy(this.session(), r.policy) }),
    'retention.schedule': (r) => dueSchedule(this.session(), r.months),
    'holds.list': () => listLegalHolds(this.session()).map((h) => ({ ...h })),
    'holds.place': (r) => {
      const target = r.contactId ? { contactId: r.contactId } : r.groupId ? { groupId: r.groupId } : null;
      if (!target) throw new ServiceError('invalid', 'A legal hold is on a contact or on a group.');
      return { holdId: placeLegalHold(this.session(), target, r.reason) };
    },
    'holds.lift': (r) => {
      liftLegalHold(this.session(), r.holdId);
      return null;
    },
    'quarantine.set': (r) => {
      setQuarantineDays(this.session(), r.days);
      return null;
    },
    'destruction.dryRun': async () => toPlain(await destroyDue(this.session(), { dryRun: true })),
    'destruction.run': async () => toPlain(await destroyDue(this.session())),
    'certificates.list': () => this.session().perform('certificate-list', ['admin'], () => ({ value: listCertificates(this.session().db).map((c) => ({ ...c })) })),

    'audit.entries': (r) =>
      this.session().perform('audit-read', ['admin'], () => ({ value: this.session().vault.audit.entries({ afterSeq: r.afterSeq, limit: r.limit }).map((e) => ({ ...e })) })),
    'audit.verify': () =>
      this.session().perform('audit-verify', ['admin'], () => {
        const result = this.session().vault.audit.verify();
        return { value: { ...result }, details: { ok: result.ok, entries: result.entries } };
      }),

    'export.crm': (r) => ({ ...exportForCrm(this.session(), { purpose: r.purpose }) }),
    'report.art30': (r) => recordsOfProcessing(this.session(), r.controller),
  };
}

function toPlain<T extends object>(value: T): T & Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as T & Record<string, unknown>;
}
