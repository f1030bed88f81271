// Auto-lock: after `timeoutMs` with no keyboard, pointer or wheel activity, call `onIdle` (which locks the vault).
// Activity only records a time; a coarse interval compares it, so mouse movement costs nothing.
import { useEffect, useRef } from 'react';

export const IDLE_LOCK_MS = 10 * 60 * 1000;

const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'focusin'] as const;

export function useIdleLock(active: boolean, timeoutMs: number, onIdle: () => void): void {
  const onIdleRef = useRef(onIdle);
  onIdleRef.current = onIdle;
  useEffect(() => {
    if (!active) return;
    let last = Date.now();
    let fired = false;
    const bump = () => {
      last = Date.now();
    };
    const check = () => {
      if (!fired && Date.now() - last >= timeoutMs) {
        fired = true;
        onIdleRef.current();
      }
    };
    for (const type of ACTIVITY) window.addEventListener(type, bump, { capture: true, passive: true });
    // Timers are throttled in a hidden window: check again as soon as it is shown.
    document.addEventListener('visibilitychange', check);
    const timer = window.setInterval(check, Math.max(250, Math.min(15_000, Math.floor(timeoutMs / 4))));
    return () => {
      for (const type of ACTIVITY) window.removeEventListener(type, bump, { capture: true });
      document.removeEventListener('visibilitychange', check);
      window.clearInterval(timer);
    };
  }, [active, timeoutMs]);
}
