// The one live region (aria-live="polite") where every screen says what happened: success, refusal or error.
// Text carries the meaning (an icon and a word), colour only repeats it.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { errorMessage } from '../api.js';

export type Tone = 'info' | 'success' | 'error';

interface StatusApi {
  announce(message: string, tone?: Tone): void;
  fail(err: unknown): void;
}

const StatusContext = createContext<StatusApi>({ announce: () => {}, fail: () => {} });

export function useStatus(): StatusApi {
  return useContext(StatusContext);
}

const PREFIX: Record<Tone, string> = { info: 'ℹ', success: '✓', error: '✗ Error:' };

export function StatusProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<{ message: string; tone: Tone } | null>(null);
  const announce = useCallback((message: string, tone: Tone = 'info') => setStatus({ message, tone }), []);
  const fail = useCallback((err: unknown) => setStatus({ message: errorMessage(err), tone: 'error' }), []);
  const api = useMemo(() => ({ announce, fail }), [announce, fail]);
  return (
    <StatusContext.Provider value={api}>
      {children}
      <footer className="status-bar">
        <div role="status" aria-live="polite" aria-atomic="true" data-testid="status" data-tone={status?.tone ?? 'info'} className={`status status-${status?.tone ?? 'info'}`}>
          {status ? (
            <>
              <span aria-hidden="true" className="status-icon">
                {PREFIX[status.tone].slice(0, 1)}
              </span>{' '}
              {status.tone === 'error' ? <strong>Error: </strong> : null}
              {status.message}
            </>
          ) : null}
        </div>
      </footer>
    </StatusContext.Provider>
  );
}
