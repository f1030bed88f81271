// Where focus goes after an action that removes, replaces or disables the focused control (a busy button is
// disabled, and Chromium then drops focus on the page's body): the action names where, and focus moves there once
// the render that shows the result is done, so a keyboard or screen-reader user never loses their place. The choice
// of target is renderer/lib/focus-target.ts's; a dialog's opener gets focus back from components/confirm-dialog.tsx.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { focusFirst, focusLost, type FocusTarget } from '../lib/focus-target.js';

export { byTestId, type FocusTarget } from '../lib/focus-target.js';

export interface FocusAfter {
  /**
   * After this component's next render (the one that shows what the action did: ask once its state is set), focus
   * the first of `targets` that takes focus; if none does and focus is lost, the screen's heading.
   */
  to(...targets: FocusTarget[]): void;
  /** The same, only when focus is lost by then: a control that kept focus keeps it. */
  ifLost(...targets: FocusTarget[]): void;
  /**
   * Run `work`, started from the control focused now; when it is done and focus was lost meanwhile (the control was
   * disabled while busy, or removed), give it back to that control, else to `fallback`. Its value is `work`'s.
   */
  keep<T>(work: () => Promise<T>, ...fallback: FocusTarget[]): Promise<T>;
}

export function useFocusAfter(): FocusAfter {
  const asked = useRef<{ targets: FocusTarget[]; onlyIfLost: boolean } | null>(null);
  const [turn, setTurn] = useState(0);

  // Runs after the render the request came with (React batches the action's state and this request into one), and
  // after any dialog that closed in it has given focus back to its opener.
  useEffect(() => {
    const request = asked.current;
    if (!request) return;
    asked.current = null;
    if (request.onlyIfLost && !focusLost(document)) return;
    focusFirst(request.targets, document);
  }, [turn]);

  const ask = useCallback((targets: FocusTarget[], onlyIfLost: boolean) => {
    asked.current = { targets, onlyIfLost };
    setTurn((n) => n + 1);
  }, []);

  const to = useCallback((...targets: FocusTarget[]) => ask(targets, false), [ask]);
  const ifLost = useCallback((...targets: FocusTarget[]) => ask(targets, true), [ask]);
  const keep = useCallback(
    async <T,>(work: () => Promise<T>, ...fallback: FocusTarget[]): Promise<T> => {
      const from = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
      try {
        return await work();
      } finally {
        ask([from, ...fallback], true);
      }
    },
    [ask],
  );
  return useMemo(() => ({ to, ifLost, keep }), [to, ifLost, keep]);
}
