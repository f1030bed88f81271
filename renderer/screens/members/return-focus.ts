// Where focus goes back after a dialog: the control that opened it, if it is still on the page; otherwise the
// screen's heading, so a keyboard user never lands on the document's start.
import { useCallback, useRef } from 'react';

export function useReturnFocus(): { remember(): void; restore(): void } {
  const opener = useRef<HTMLElement | null>(null);
  const remember = useCallback(() => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  }, []);
  const restore = useCallback(() => {
    const target = opener.current;
    opener.current = null;
    // After React has removed the dialog (its own close would move focus).
    window.setTimeout(() => {
      if (target && target.isConnected && !(target as HTMLButtonElement).disabled) target.focus();
      else document.querySelector<HTMLElement>('.screen-heading')?.focus();
    }, 0);
  }, []);
  return { remember, restore };
}
