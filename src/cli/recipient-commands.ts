// `contact-sanitizer recipient add|list`, `disclosures`, `art19 list|done`, `controller show|set`: who received what
// (the recipients register and the disclosure log), what each recipient must still be told (Art. 19), and the
// controller's own details that the privacy notice and the Art. 30 record name.
import type { Command } from 'commander';
import type { Request, Response } from '../api/contract.js';
import type { RecipientRole, TransferMechanism } from '../shared/vocabulary.js';
import { command, print, withVault, type VaultOptions } from './vault-context.js';

type RecipientOptions = { name: string; role: string; contractDate?: string; region: string; transfer: string; contact?: string };
type ControllerOptions = { name: string; contact: string; dpo?: string; representative?: string };

const recipientLine = (r: Response<'recipients.list'>[number]) =>
  `${r.id}  ${r.name}  ${r.role}${r.contractDate ? ` (Art. 28 contract ${r.contractDate})` : ''}  hosted in ${r.hostingRegion}, transfer: ${r.transfer}  ` +
  `${r.disclosures} ${r.disclosures === 1 ? 'disclosure' : 'disclosures'}`;
const disclosureLine = (d: Response<'disclosures.list'>[number]) =>
  `${d.id}  ${d.at}  to ${d.recipientName}  ${d.contacts} ${d.contacts === 1 ? 'contact' : 'contacts'}  for ${d.purpose}${d.noticeRun ? ' (Art. 14 notice run)' : ''}`;
const taskLine = (t: Response<'art19.list'>[number]) =>
  `${t.id}  ${t.createdAt.slice(0, 10)}  tell ${t.recipientName} of the ${t.kind}${t.subject ? ` of ${t.subject}` : ''}${t.doneAt ? `  done ${t.doneAt.slice(0, 10)}` : ''}`;

function controllerText(d: Response<'controller.show'>['details']): string {
  if (!d) return 'No controller details are recorded: record them with `controller set`.';
  return [
    `Controller: ${d.name}`,
    `Contact: ${d.contact}`,
    `DPO: ${d.dpo ?? 'No DPO recorded'}`,
    ...(d.representative ? [`Representative: ${d.representative}`] : []),
  ].join('\n');
}

export function registerRecipients(program: Command): void {
  const recipient = program.command('recipient').description('The recipients register: the CRMs and tools that receive exports (Art. 28, Art. 30(1)(d)).');
  command(recipient, 'add', ['recipients.add'])
    .description('Register a recipient once; every export then names it.')
    .requiredOption('--name <name>', 'its name, e.g. HubSpot')
    .requiredOption('--role <role>', 'processor (acts for you, under an Art. 28 contract) or controller')
    .option('--contract-date <yyyy-mm-dd>', 'the date of the Art. 28 contract (required for a processor)')
    .requiredOption('--region <region>', 'where it holds the data, e.g. UK, EU, USA')
    .requiredOption('--transfer <mechanism>', 'none (only when hosted in the UK), adequacy, idta, uk-addendum, binding-corporate-rules, art49-derogation')
    .option('--contact <contact>', 'how to reach it (for Art. 19 notifications)')
    .action(async (opts: VaultOptions & RecipientOptions) => {
      const request: Request<'recipients.add'> = {
        name: opts.name,
        role: opts.role as RecipientRole,
        hostingRegion: opts.region,
        transfer: opts.transfer as TransferMechanism,
        ...(opts.contractDate ? { contractDate: opts.contractDate } : {}),
        ...(opts.contact ? { contact: opts.contact } : {}),
      };
      const { recipientId } = await withVault(opts, (call) => call('recipients.add', request));
      await print(opts, { recipientId }, () => `Registered ${opts.name} (${recipientId}).`);
    });
  command(recipient, 'list', ['recipients.list'], { isDefault: true })
    .description('List the register, with how many exports each recipient received.')
    .action(async (opts: VaultOptions) => {
      const recipients = await withVault(opts, (call) => call('recipients.list', {}));
      await print(opts, { recipients }, () => recipients.map(recipientLine).join('\n') || 'No recipient is registered.');
    });

  command(program, 'disclosures', ['disclosures.list'])
    .description('The disclosure log: which export went to which recipient, when and why (Art. 15(1)(c)).')
    .option('--contact <id>', 'only the disclosures that carried this contact')
    .action(async (opts: VaultOptions & { contact?: string }) => {
      const disclosures = await withVault(opts, (call) => call('disclosures.list', opts.contact ? { contactId: opts.contact } : {}));
      await print(opts, { disclosures }, () => disclosures.map(disclosureLine).join('\n') || 'Nothing was disclosed.');
    });

  const art19 = program.command('art19').description('Art. 19 tasks: recipients to tell of an erasure or a rectification.');
  command(art19, 'list', ['art19.list'], { isDefault: true })
    .description('The tasks still open (--all: the done ones too).')
    .option('--all', 'include the tasks already done')
    .action(async (opts: VaultOptions & { all?: boolean }) => {
      const tasks = await withVault(opts, (call) => call('art19.list', { includeDone: opts.all === true }));
      await print(opts, { tasks }, () => tasks.map(taskLine).join('\n') || (opts.all ? 'There are no Art. 19 tasks.' : 'No Art. 19 task is open.'));
    });
  command(art19, 'done <taskId>', ['art19.done'])
    .description('Mark a task done once the recipient was told (admins); whom it was about is then wiped.')
    .action(async (taskId: string, opts: VaultOptions) => {
      await withVault(opts, (call) => call('art19.done', { taskId }));
      await print(opts, { done: taskId }, () => `Art. 19 task ${taskId} marked done.`);
    });

  const controller = program.command('controller').description("The controller's details, named by the privacy notice and the Art. 30 record.");
  command(controller, 'show', ['controller.show'], { isDefault: true })
    .description("Show the recorded controller's details.")
    .action(async (opts: VaultOptions) => {
      const { details } = await withVault(opts, (call) => call('controller.show', {}));
      await print(opts, { details }, () => controllerText(details));
    });
  command(controller, 'set', ['controller.set'])
    .description("Record the controller's name, contact details, DPO and UK representative (admins).")
    .requiredOption('--name <name>', 'your organisation')
    .requiredOption('--contact <contact>', 'its address and email for data protection matters')
    .option('--dpo <dpo>', 'the data protection officer and how to reach them, if one is designated')
    .option('--representative <representative>', 'the UK representative (Art. 27), if one is needed')
    .action(async (opts: VaultOptions & ControllerOptions) => {
      const request: Request<'controller.set'> = {
        name: opts.name,
        contact: opts.contact,
        ...(opts.dpo ? { dpo: opts.dpo } : {}),
        ...(opts.representative ? { representative: opts.representative } : {}),
      };
      await withVault(opts, (call) => call('controller.set', request));
      await print(opts, { controller: request }, () => `Controller details recorded for ${opts.name}.`);
    });
}
