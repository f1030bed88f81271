// The app's use cases behind the contract, for every front end: one vault open at a time, unlocked as one member.
// `call` authorises each request from the access table (src/app/authorise.ts), validates it against the contract's
// schema (a refusal either way is audited), then runs the channel's handler. The clock is a dependency: only tests inject another.
import type { CountryCode } from 'libphonenumber-js';
import { ACCESS, parseRequest, type Channel, type Core, type Progress, type Response, type ValidRequest } from '../api/contract.js';
import { inspectExport } from '../report/inspect.js';
import { DEFAULT_RETENTION } from '../retention/index.js';
import { ServiceError } from '../shared/errors.js';
import type { KeychainProtector } from '../shared/keychain.js';
import type { Session } from '../vault/session.js';
import { storageError } from '../vault/storage-error.js';
import { Vault, type VaultOptions } from '../vault/vault.js';
import { authorise, refuse } from './authorise.js';
import { systemClock, type Clock } from './clock.js';
import { CANCELLABLE, Cancellation, NO_TASK, taskContext } from './cancellation.js';
import { readKeyOf } from './read-key.js';
import { RequestQueue } from './request-queue.js';
import { auditEntries, exportAudit, verifyAudit } from './use-cases/audit.js';
import { checkCertificate, listCertificates, showCertificate } from './use-cases/certificates.js';
import { carryOverDefaultRetention, carryOverGroupRecords } from './use-cases/carry-over.js';
import { commitImport } from './use-cases/commit-import.js';
import { homeSummary } from './use-cases/home.js';
import { addConsent, confirmConsents, importConsents, listConsents, withdrawConsent } from './use-cases/consents.js';
import { addRecipient, completeArt19Task, listArt19Tasks, listDisclosures, listRecipients, setController, showController } from './use-cases/disclosures.js';
import { confirmNotices, exemptNotices, listNotices, markNoticesSent, noticeText } from './use-cases/notices.js';
import { addSoftOptIn, listScreenings, recordScreening } from './use-cases/pecr-records.js';
import { previewImport } from './use-cases/preview-import.js';
import { getContact, listContacts } from './use-cases/contacts.js';
import { recordsOfProcessing } from './use-cases/art30.js';
import { exportForCrm, exportOptions, previewCrmExport } from './use-cases/exports.js';
import { addGroup, assignPolicy, checkPolicy, listGroups, removeGroup, reorderGroup, updateGroup } from './use-cases/groups.js';
import { disableKeychain, enableKeychain, keychainStatus, unlockWithKeychain } from './use-cases/keychain.js';
import { addMember, changeMemberRoles, changePassphrase, listAllMembers, removeMemberById } from './use-cases/members.js';
import { erasePerson, liftSuppression, listSuppressions, subjectAccess, suppressPerson } from './use-cases/requests.js';
import {
  destroyDue,
  destroyDueWithToken,
  dueSchedule,
  liftLegalHold,
  listLegalHolds,
  listRetentionPolicies,
  placeLegalHold,
  removeRetentionPolicy,
  setDefaultRetention,
  setRetentionPolicy,
} from './use-cases/retention.js';
import { reviewContacts } from './use-cases/review.js';
import { setQuarantineDays } from './use-cases/settings.js';
import { confirmSubscriber, listSubscribers } from './use-cases/subscribers.js';
import { createDestructionToken, listDestructionTokens, revokeDestructionToken } from './use-cases/tokens.js';

type Handlers = { [C in Channel]: (request: ValidRequest<C>, progress: (p: Progress) => void) => Promise<Response<C>> | Response<C> };

export class AppService implements Core {
  private vault: Vault | null = null;
  private current: Session | null = null;
  private readonly queue = new RequestQueue();

  private readonly options: VaultOptions & { now: Clock };
  private readonly cancellation: Cancellation;
  /** The OS keychain, where the front end has one (the desktop app, through its worker: src/api/core-worker.ts). */
  private readonly keychain: KeychainProtector | undefined;
  /** The request running now, if any. */
  private running: Channel | null = null;

  /**
   * `cancelFlag`: shared memory the calling thread sets to cancel (the desktop's worker: src/api/core-worker.ts).
   * `keychain`: the OS keychain, for the keychain unlock; without it (the command line) it is not offered.
   */
  constructor(options: VaultOptions & { cancelFlag?: Int32Array; keychain?: KeychainProtector } = {}) {
    const { cancelFlag, keychain, ...vaultOptions } = options;
    this.options = { ...vaultOptions, now: options.now ?? systemClock };
    this.cancellation = new Cancellation(cancelFlag);
    this.keychain = keychain;
  }

  /**
   * Run one request, after the one before it: authorised from the access table, validated against the contract,
   * then the channel's use case. SQLite's own failures become sentences (a busy vault, a damaged file).
   */
  async call<C extends Channel>(channel: C, payload: unknown, progress: (p: Progress) => void = () => {}): Promise<Response<C>> {
    // The one request that must not wait behind the task it stops.
    // Only a request that reads the flag is cancelled: a cancel while another runs is answered "no" and forgotten.
    if (channel === 'task.cancel') {
      const cancelling = this.running !== null && CANCELLABLE.has(this.running);
      if (cancelling) this.cancellation.request();
      return { cancelling } as Response<C>;
    }
    return this.queue.run(async () => {
      this.cancellation.reset();
      this.running = channel;
      try {
        return await this.handle(channel, payload, progress);
      } catch (err) {
        throw storageError(err);
      } finally {
        this.running = null;
      }
    });
  }

  private async handle<C extends Channel>(channel: C, payload: unknown, progress: (p: Progress) => void): Promise<Response<C>> {
    const session = ACCESS[channel].access === 'open' ? null : this.session();
    if (session) authorise(session, channel);
    const parsed = parseRequest(channel, payload);
    if (!parsed.ok) {
      if (session) refuse(session, channel, 'invalid');
      throw new ServiceError('invalid', parsed.message);
    }
    const handler = this.handlers[channel] as (r: ValidRequest<C>, p: (p: Progress) => void) => Promise<Response<C>> | Response<C>;
    if (!session) return handler(parsed.request, progress);
    // A use case that walks every contact reports its progress and learns of a cancellation here.
    session.task = taskContext(channel, progress, this.cancellation);
    session.readKey = readKeyOf(channel, parsed.request);
    try {
      return await handler(parsed.request, progress);
    } finally {
      session.task = NO_TASK;
      session.readKey = '';
    }
  }

  /** Lock and close whatever is open (on lock, idle timeout, or quit). */
  close(): void {
    this.current?.lock();
    this.current = null;
    this.vault?.close();
    this.vault = null;
  }

  private session(): Session {
    if (!this.current) throw new ServiceError('locked', 'Unlock a vault first.');
    return this.current;
  }

  private member() {
    return this.current ? { id: this.current.memberId, roles: [...this.current.roles] } : null;
  }

  /** Make this the open vault and session, closing whatever was open before. */
  private adopt(vault: Vault, session: Session): void {
    this.close();
    this.vault = vault;
    this.current = session;
  }

  /**
   * Finish what a migration could not do without the key (src/app/use-cases/carry-over.ts). Should it fail, the vault
   * is locked and closed again: a vault half upgraded is not left open.
   */
  private finishUpgrade(): void {
    try {
      carryOverGroupRecords(this.session());
      carryOverDefaultRetention(this.session());
    } catch (err) {
      this.close();
      throw err;
    }
  }

  /** Open a vault to unlock it: adopted on success by `fn`, closed again on failure. */
  private async unlockWith<T>(path: string, fn: (vault: Vault) => Promise<T>): Promise<T> {
    const vault = Vault.open(path, this.options);
    try {
      return await fn(vault);
    } catch (err) {
      if (this.vault !== vault) vault.close();
      throw err;
    }
  }

  /** Work on a vault without unlocking it (a token's run, a certificate's check): opened, used, closed. */
  private async visit<T>(path: string, fn: (vault: Vault) => Promise<T> | T, mode: 'read' | 'write' = 'write'): Promise<T> {
    const vault = mode === 'read' ? Vault.openReadOnly(path, this.options) : Vault.open(path, this.options);
    try {
      return await fn(vault);
    } finally {
      vault.close();
    }
  }

  private readonly handlers: Handlers = {
    'vault.status': () => ({ path: this.vault?.path ?? null, member: this.member() }),
    'vault.create': async (r) => {
      const defaultRetention = r.defaultRetention ?? DEFAULT_RETENTION;
      const { vault, session, recoveryKey } = await Vault.create(r.path, { name: r.name, passphrase: r.passphrase, defaultRetention, ...(r.roles ? { roles: r.roles } : {}) }, this.options);
      this.adopt(vault, session);
      return { recoveryKey, member: this.member()!, defaultRetention };
    },
    'vault.unlock': (r) =>
      this.unlockWith(r.path, async (vault) => {
        this.adopt(vault, await vault.unlock(r.name, r.passphrase));
        this.finishUpgrade();
        return { member: this.member()! };
      }),
    'vault.recover': (r) =>
      this.unlockWith(r.path, async (vault) => {
        const { session, recoveryKey } = await vault.recover(r.recoveryKey, r.name, r.newPassphrase);
        this.adopt(vault, session);
        this.finishUpgrade();
        return { recoveryKey, member: this.member()! };
      }),
    'vault.unlockKeychain': (r) =>
      this.unlockWith(r.path, async (vault) => {
        this.adopt(vault, await unlockWithKeychain(vault, r.name, this.keychain));
        this.finishUpgrade();
        return { member: this.member()! };
      }),
    'vault.keychainStatus': () => keychainStatus(this.session(), this.keychain),
    'vault.keychainEnable': (r) => enableKeychain(this.session(), this.keychain, r.passphrase),
    'vault.keychainDisable': () => disableKeychain(this.session(), this.keychain),
    // Answered by call() before the queue; here only so that every channel has a handler.
    'task.cancel': () => ({ cancelling: false }),
    'home.summary': () => homeSummary(this.session()),
    'vault.lock': () => {
      this.close();
      return null;
    },

    'file.inspect': (r, progress) =>
      inspectExport(r.path, {
        entry: r.entry,
        ...(r.country ? { defaultCountry: r.country.toUpperCase() as CountryCode } : {}),
        onProgress: (done, total) => progress({ task: 'file.inspect', done, total }),
      }),
    'import.preview': (r, progress) =>
      previewImport(this.session(), r.path, { entry: r.entry, choices: r.choices, onProgress: (done, total) => progress({ task: 'import.preview', done, total }) }),
    'import.commit': (r, progress) =>
      commitImport(this.session(), r.path, r.choices, { onProgress: (done, total) => progress({ task: 'import.commit', done, total }), signal: this.cancellation.asSignal() }),

    'members.list': () => listAllMembers(this.session()),
    'members.add': (r) => addMember(this.session(), r),
    'members.remove': (r) => (removeMemberById(this.session(), r.memberId), null),
    'members.setRoles': (r) => changeMemberRoles(this.session(), r.memberId, r.roles),
    'members.changePassphrase': async (r) => (await changePassphrase(this.session(), r.current, r.next), null),

    'groups.list': () => listGroups(this.session()),
    'groups.add': (r) => addGroup(this.session(), r.label, r.rule, r),
    'groups.remove': (r) => removeGroup(this.session(), r.groupId, r),
    'groups.update': (r) => updateGroup(this.session(), r.groupId, { ...(r.label !== undefined ? { label: r.label } : {}), ...(r.rule !== undefined ? { rule: r.rule } : {}) }, r),
    'groups.reorder': (r) => reorderGroup(this.session(), r.groupId, r.position, r),
    'policy.check': (r) => {
      const { errors, guardrails } = checkPolicy(this.session(), r.groupId, r.policy);
      return { errors, guardrails };
    },
    'policy.assign': (r) => assignPolicy(this.session(), r.groupId, r.policy, r),

    'contacts.list': (r) => listContacts(this.session(), { ...r, ...(r.groupId !== undefined ? { groupId: r.groupId } : {}), ...(r.search ? { search: r.search } : {}) }),
    'contacts.show': (r) => getContact(this.session(), r),
    'contacts.access': (r) => subjectAccess(this.session(), r),
    'contacts.review': (r) => reviewContacts(this.session(), r),
    'contacts.erase': (r) => erasePerson(this.session(), r),
    'suppression.add': (r) => suppressPerson(this.session(), r),
    'suppression.list': () => listSuppressions(this.session()),
    'suppression.lift': (r) => (liftSuppression(this.session(), r.suppressionId, r.reason), null),

    'consent.add': (r) => ({ consentId: addConsent(this.session(), r.person, r.consent) }),
    'consent.import': (r) => importConsents(this.session(), r.path, { dryRun: r.dryRun }),
    'consent.list': (r) => listConsents(this.session(), r),
    'consent.withdraw': (r) => ({ suppressionId: withdrawConsent(this.session(), r.consentId, r) }),
    'consent.confirm': (r) => ({ confirmed: confirmConsents(this.session(), r) }),
    'notices.list': (r) => listNotices(this.session(), r),
    'notices.text': (r) => noticeText(this.session(), r),
    'notices.markSent': (r) => markNoticesSent(this.session(), r),
    'notices.exempt': (r) => exemptNotices(this.session(), r),
    'notices.confirm': (r) => confirmNotices(this.session(), r),
    'recipients.add': (r) => ({ recipientId: addRecipient(this.session(), r) }),
    'recipients.list': () => listRecipients(this.session()),
    'disclosures.list': (r) => listDisclosures(this.session(), r),
    'art19.list': (r) => listArt19Tasks(this.session(), r.includeDone),
    'art19.done': async (r) => (await completeArt19Task(this.session(), r.taskId), null),
    'controller.show': () => showController(this.session()),
    'controller.set': (r) => (setController(this.session(), r), null),

    'subscribers.list': (r) => listSubscribers(this.session(), r),
    'subscribers.confirm': (r) => confirmSubscriber(this.session(), r),
    'softOptIn.add': (r) => ({ softOptInId: addSoftOptIn(this.session(), r) }),
    'tps.record': (r) => ({ screeningId: recordScreening(this.session(), r) }),
    'tps.list': () => listScreenings(this.session()),

    'retention.list': () => listRetentionPolicies(this.session()),
    'retention.set': (r) => setRetentionPolicy(this.session(), r.policy, r),
    'retention.default': (r) => setDefaultRetention(this.session(), { months: r.months, anchor: r.anchor }, r),
    'retention.remove': (r) => removeRetentionPolicy(this.session(), r.scope, r),
    'retention.schedule': (r) => dueSchedule(this.session(), r.months),
    'holds.list': (r) => listLegalHolds(this.session(), r),
    'holds.place': (r) => ({ holdId: placeLegalHold(this.session(), 'contactId' in r ? { contactId: r.contactId } : { groupId: r.groupId }, r.reason) }),
    'holds.lift': (r) => (liftLegalHold(this.session(), r.holdId), null),
    'quarantine.set': (r) => setQuarantineDays(this.session(), r.days, r),
    'destruction.dryRun': (r) => destroyDue(this.session(), { dryRun: true, ...(r.asOf ? { asOf: new Date(r.asOf) } : {}) }),
    'destruction.run': () => destroyDue(this.session()),
    'destruction.unattended': (r) => this.visit(r.path, (vault) => destroyDueWithToken(vault, r.token, { dryRun: r.dryRun, ...(r.asOf ? { asOf: new Date(r.asOf) } : {}) })),
    'tokens.create': () => createDestructionToken(this.session()),
    'tokens.list': () => listDestructionTokens(this.session()),
    'tokens.revoke': (r) => (revokeDestructionToken(this.session(), r.tokenId), null),
    'certificates.list': (r) => listCertificates(this.session(), r),
    'certificates.show': (r) => showCertificate(this.session(), r.certificateId),
    'certificates.verify': (r) => this.visit(r.path, (vault) => checkCertificate(vault, r.certificate), 'read'),

    'audit.entries': (r) => auditEntries(this.session(), r),
    'audit.verify': (r) => verifyAudit(this.session(), r),
    'audit.export': (r) => exportAudit(this.session(), r),
    'export.crm': (r) => exportForCrm(this.session(), { ...exportOptions(r), recipientId: r.recipientId }),
    'export.preview': (r) => previewCrmExport(this.session(), exportOptions(r)),
    'report.art30': (r) => recordsOfProcessing(this.session(), r.controller),
  };
}
