// Run one call to the core from a button: mark it busy, report failure (and optionally success) in the status
// region, and give back the value or undefined.
import { useCallback, useState } from 'react';
import { useStatus } from './status.js';

export function useAction(): {
  busy: string | null;
  run<T>(name: string, work: () => Promise<T>, success?: string | ((value: T) => string)): Promise<T | undefined>;
} {
  const status = useStatus();
  const [busy, setBusy] = useState<string | null>(null);
  const run = useCallback(
    async <T,>(name: string, work: () => Promise<T>, success?: string | ((value: T) => string)): Promise<T | undefined> => {
      setBusy(name);
      try {
        const value = await work();
        if (success) status.announce(typeof success === 'function' ? success(value) : success, 'success');
        return value;
      } catch (err) {
        status.fail(err);
        return undefined;
      } finally {
        setBusy((current) => (current === name ? null : current));
      }
    },
    [status],
  );
  return { busy, run };
}
