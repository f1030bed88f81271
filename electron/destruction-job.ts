// The daily scheduler's job in the app: run due destruction through the router (so it is checked, audited and
// certified like a click on "Destroy now"), only while a vault is unlocked by an admin, and describe the outcome
// as one line without personal data. Plain functions over a Route, tested without Electron.
import type { Response } from '../src/api/contract.js';
import type { Route } from '../src/api/router.js';
import type { SchedulerNotice } from './desktop-events.js';
import type { SchedulerOutcome } from './scheduler.js';

/** The open vault's path when its member is an admin (only admins destroy), else null. */
export async function adminVaultPath(route: Route): Promise<string | null> {
  const status = await route('vault.status', {});
  if (!status.ok) return null;
  const { path, member } = status.value as Response<'vault.status'>;
  return path && member?.roles.includes('admin') ? path : null;
}

export interface DestructionSummary {
  destroyed: number;
  held: number;
  certificateId: string | null;
}

/** Run due destruction; throws with the router's sentence when it is refused or fails. */
export async function runDueDestruction(route: Route): Promise<DestructionSummary> {
  const result = await route('destruction.run', {});
  if (!result.ok) throw new Error(result.message);
  const value = result.value as Response<'destruction.run'>;
  return { destroyed: value.destroyed, held: value.held, certificateId: value.certificate?.id ?? null };
}

const contacts = (n: number) => `${n} contact${n === 1 ? '' : 's'}`;

export function schedulerNotice(outcome: SchedulerOutcome<DestructionSummary>): SchedulerNotice {
  const at = outcome.at.toISOString();
  if (outcome.status === 'failed') {
    const reason = outcome.error instanceof Error ? outcome.error.message : 'it failed';
    return { at, ok: false, destroyed: 0, held: 0, certificateId: null, message: `Scheduled destruction did not run: ${reason} It will be tried again within the hour.` };
  }
  const { destroyed, held, certificateId } = outcome.value;
  const onHold = held > 0 ? ` ${contacts(held)} past their date kept under a legal hold.` : '';
  const message =
    destroyed > 0
      ? `Scheduled destruction: ${contacts(destroyed)} destroyed (certificate ${certificateId ?? 'issued'}).${onHold}`
      : `Scheduled destruction: nothing was due.${onHold}`;
  return { at, ok: true, destroyed, held, certificateId, message };
}
