// The renderer's side of "no change silently brings destruction forward": a change refused as 'unconfirmed' is asked
// about with the core's sentence, repeated with confirm: true on yes and left alone on no; other errors are not
// swallowed; and the status line's sentence on what a change brought forward.
import { describe, expect, it } from 'vitest';
import { confirmedChange, impactSentence, isUnconfirmed, withImpact } from '../../renderer/lib/change-impact.js';

const SENTENCE = 'A quarantine of 7 days makes 8 contact(s) due now and 0 more within 30 days: the next scheduled destruction would destroy them.';
/** An ApiError as renderer/api.ts throws it (that file needs the DOM's `window`, which unit tests do not type). */
class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
const measured = (dueNow: number, dueWithin30Days: number) => ({ applied: true, impact: { dueNow, dueWithin30Days } });

/** A stand-in for the core: refuses unconfirmed calls when `refuse`, and records every `confirm` it was sent. */
function core(refuse: boolean, fail?: ApiError) {
  const calls: boolean[] = [];
  const work = async (confirm: boolean) => {
    calls.push(confirm);
    if (fail) throw fail;
    if (refuse && !confirm) throw new ApiError('unconfirmed', SENTENCE);
    return measured(refuse ? 8 : 0, 0);
  };
  return { calls, work };
}

describe('confirmedChange', () => {
  it('goes ahead without asking when the core accepts the change', async () => {
    const { calls, work } = core(false);
    const asked: string[] = [];
    const outcome = await confirmedChange(work, async (m) => (asked.push(m), true));
    expect(outcome).toEqual({ kind: 'applied', value: measured(0, 0), confirmed: false });
    expect(calls).toEqual([false]);
    expect(asked).toEqual([]);
  });

  it('asks with the core’s sentence, then repeats the call confirmed', async () => {
    const { calls, work } = core(true);
    const asked: string[] = [];
    const outcome = await confirmedChange(work, async (m) => (asked.push(m), true));
    expect(asked).toEqual([SENTENCE]);
    expect(calls).toEqual([false, true]);
    expect(outcome).toEqual({ kind: 'applied', value: measured(8, 0), confirmed: true });
  });

  it('changes nothing when the answer is no', async () => {
    const { calls, work } = core(true);
    expect(await confirmedChange(work, async () => false)).toEqual({ kind: 'cancelled', message: SENTENCE });
    expect(calls).toEqual([false]);
  });

  it('lets every other refusal through, without asking', async () => {
    const locked = new ApiError('locked', 'The vault is locked.');
    const { calls, work } = core(true, locked);
    let asked = false;
    await expect(confirmedChange(work, async () => (asked = true))).rejects.toBe(locked);
    expect(asked).toBe(false);
    expect(calls).toEqual([false]);
    expect(isUnconfirmed(locked)).toBe(false);
    expect(isUnconfirmed(new Error('unconfirmed'))).toBe(false);
    expect(isUnconfirmed(new ApiError('unconfirmed', SENTENCE))).toBe(true);
  });

  it('reports a failure of the confirmed call', async () => {
    const busy = new ApiError('busy', 'The vault is busy.');
    let n = 0;
    const work = async (confirm: boolean) => {
      n++;
      if (!confirm) throw new ApiError('unconfirmed', SENTENCE);
      throw busy;
    };
    await expect(confirmedChange(work, async () => true)).rejects.toBe(busy);
    expect(n).toBe(2);
  });
});

describe('impactSentence', () => {
  it('says nothing when nothing was brought forward', () => {
    expect(impactSentence({ dueNow: 0, dueWithin30Days: 0 })).toBe('');
    expect(withImpact('Saved.', { dueNow: 0, dueWithin30Days: 0 })).toBe('Saved.');
  });

  it('counts what is due now and within 30 days, in words', () => {
    expect(impactSentence({ dueNow: 1, dueWithin30Days: 0 })).toBe('1 contact is now due for destruction.');
    expect(impactSentence({ dueNow: 8, dueWithin30Days: 0 })).toBe('8 contacts are now due for destruction.');
    expect(impactSentence({ dueNow: 0, dueWithin30Days: 1 })).toBe('1 contact now falls due within 30 days.');
    expect(impactSentence({ dueNow: 0, dueWithin30Days: 12_000 })).toBe('12,000 contacts now fall due within 30 days.');
    expect(impactSentence({ dueNow: 2, dueWithin30Days: 1 })).toBe('2 contacts are now due for destruction, and 1 more falls due within 30 days.');
    expect(withImpact('Saved.', { dueNow: 3, dueWithin30Days: 4 })).toBe('Saved. 3 contacts are now due for destruction, and 4 more fall due within 30 days.');
  });
});
