// A change that may bring destruction forward, from a button: try it; when the core refuses it as 'unconfirmed',
// show its sentence in a confirmation dialog (Cancel first) and repeat it confirmed, or leave everything as it was
// and say so. The status line reports the change's impact when it brought anything forward. The screen renders
// `dialog` and passes its own useAction's `run` (so its busy state covers the whole change).
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { confirmedChange, withImpact } from '../lib/change-impact.js';
import type { Impact } from '../types.js';
import { useStatus } from './status.js';

type Run = <T>(name: string, work: () => Promise<T>) => Promise<T | undefined>;

export interface ConfirmedChangeOptions<T> {
  /** The status line when the change went ahead (its impact is added when not zero). */
  success: string | ((value: T) => string);
  /** The status line when the person cancelled: nothing was changed. */
  cancelled: string;
  /** Just before the dialog opens: e.g. close the dialog that asked for the change. */
  beforeAsking?(): void;
}

export function useConfirmedChange(run: Run): {
  /** The change's answer, or undefined when it failed (reported) or was cancelled (reported). */
  change<T extends { impact: Impact }>(name: string, work: (confirm: boolean) => Promise<T>, options: ConfirmedChangeOptions<T>): Promise<T | undefined>;
  dialog: ReactNode;
} {
  const status = useStatus();
  const [asking, setAsking] = useState<{ message: string; busy: boolean } | null>(null);
  const answer = useRef<((yes: boolean) => void) | null>(null);
  // Leaving the screen with the dialog open is a no.
  useEffect(
    () => () => {
      answer.current?.(false);
      answer.current = null;
    },
    [],
  );

  const reply = useCallback((yes: boolean) => {
    const resolve = answer.current;
    if (!resolve) return; // already answered: the confirmed call is under way
    answer.current = null;
    setAsking(yes ? (current) => current && { ...current, busy: true } : null);
    resolve(yes);
  }, []);

  const change = useCallback(
    async <T extends { impact: Impact }>(name: string, work: (confirm: boolean) => Promise<T>, options: ConfirmedChangeOptions<T>): Promise<T | undefined> => {
      const ask = (message: string) =>
        new Promise<boolean>((resolve) => {
          options.beforeAsking?.();
          answer.current = resolve;
          setAsking({ message, busy: false });
        });
      try {
        const outcome = await run(name, () => confirmedChange(work, ask));
        if (outcome === undefined) return undefined;
        if (outcome.kind === 'cancelled') {
          status.announce(options.cancelled, 'info');
          return undefined;
        }
        const text = typeof options.success === 'function' ? options.success(outcome.value) : options.success;
        status.announce(withImpact(text, outcome.value.impact), 'success');
        return outcome.value;
      } finally {
        answer.current = null;
        setAsking(null);
      }
    },
    [run, status],
  );

  const dialog = asking ? (
    <ConfirmDialog
      title="Make these contacts due for destruction?"
      confirmLabel="Go ahead: make them due"
      confirmTestId="impact-confirm"
      testId="impact-dialog"
      cancelTestId="impact-cancel"
      busy={asking.busy}
      onConfirm={() => reply(true)}
      onCancel={() => reply(false)}
    >
      <p data-testid="impact-message">{asking.message}</p>
      <p className="hint">Cancel leaves everything as it was.</p>
    </ConfirmDialog>
  ) : null;

  return { change, dialog };
}
