// A change that may bring destruction forward (removing a group, setting or removing a retention policy, changing the
// quarantine): the core refuses it with 'unconfirmed' and one sentence (how many contacts become due now and within
// 30 days) until it is repeated with `confirm: true`. Here, framework-free: try it, ask when refused, repeat it
// confirmed or leave everything as it was; and the sentence that reports the impact of a change that went ahead.
import type { Impact } from '../types.js';
import { count } from './format.js';

/**
 * Whether the core refused a change because it brings destruction forward and was not confirmed: an ApiError
 * (renderer/api.ts) with that code, checked by shape so that this file needs no `window`.
 */
export function isUnconfirmed(err: unknown): err is Error & { code: 'unconfirmed' } {
  return err instanceof Error && 'code' in err && err.code === 'unconfirmed';
}

export type ChangeOutcome<T> = { kind: 'applied'; value: T; confirmed: boolean } | { kind: 'cancelled'; message: string };

/**
 * Run `work` unconfirmed; when the core answers 'unconfirmed', `ask` with its sentence, and on yes run it again
 * with `confirm: true` (on no, nothing was changed). Every other error propagates.
 */
export async function confirmedChange<T>(work: (confirm: boolean) => Promise<T>, ask: (message: string) => Promise<boolean>): Promise<ChangeOutcome<T>> {
  let message: string;
  try {
    return { kind: 'applied', value: await work(false), confirmed: false };
  } catch (err) {
    if (!isUnconfirmed(err)) throw err;
    message = err.message;
  }
  if (!(await ask(message))) return { kind: 'cancelled', message };
  return { kind: 'applied', value: await work(true), confirmed: true };
}

/** One sentence on what a change brought forward, or '' when it brought nothing forward. */
export function impactSentence({ dueNow, dueWithin30Days }: Impact): string {
  if (dueNow > 0 && dueWithin30Days > 0)
    return `${count(dueNow, 'contact')} ${dueNow === 1 ? 'is' : 'are'} now due for destruction, and ${dueWithin30Days.toLocaleString('en-GB')} more fall${dueWithin30Days === 1 ? 's' : ''} due within 30 days.`;
  if (dueNow > 0) return `${count(dueNow, 'contact')} ${dueNow === 1 ? 'is' : 'are'} now due for destruction.`;
  if (dueWithin30Days > 0) return `${count(dueWithin30Days, 'contact')} now fall${dueWithin30Days === 1 ? 's' : ''} due within 30 days.`;
  return '';
}

/** A success message, with the impact's sentence after it when the change brought anything forward. */
export function withImpact(message: string, impact: Impact): string {
  const sentence = impactSentence(impact);
  return sentence ? `${message} ${sentence}` : message;
}
