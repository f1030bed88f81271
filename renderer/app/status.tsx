// Where every screen says what happened: success, refusal or error, as one message at a time at the foot of the
// window. It belongs to the screen that said it: it is cleared when another screen opens (App calls `clear`), and
// the person can dismiss it. Successes are announced politely (role="status"); errors at once (role="alert").
// Text carries the meaning (an icon and a word), colour only repeats it. The bar never covers the screen: it is a
// row of the window's grid of its own, and the screen's scrolling area shrinks above it (styles.css, .app).
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { errorMessage } from '../api.js';

export type Tone = 'info' | 'success' | 'error';

interface StatusApi {
  announce(message: string, tone?: Tone): void;
  fail(err: unknown): void;
  /** Forget the message (another screen opened). */
  clear(): void;
}

const StatusContext = createContext<StatusApi>({ announce: () => {}, fail: () => {}, clear: () => {} });

export function useStatus(): StatusApi {
  return useContext(StatusContext);
}

const ICON: Record<Tone, string> = { info: 'ℹ', success: '✓', error: '✗' };

export function StatusProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<{ message: string; tone: Tone } | null>(null);
  const announce = useCallback((message: string, tone: Tone = 'info') => setStatus({ message, tone }), []);
  const fail = useCallback((err: unknown) => setStatus({ message: errorMessage(err), tone: 'error' }), []);
  const clear = useCallback(() => setStatus(null), []);
  const api = useMemo(() => ({ announce, fail, clear }), [announce, fail, clear]);
  const tone = status?.tone ?? 'info';
  return (
    <StatusContext.Provider value={api}>
      {children}
      <footer className={`status-bar${status ? ' has-status' : ''}`}>
        <div className={`status status-${tone}`} data-tone={tone}>
          {/* Both live regions always exist, so that a screen reader hears what is put in them. */}
          <div role="status" aria-live="polite" aria-atomic="true" data-testid={tone === 'error' ? undefined : 'status'} className="status-text">
            {status && tone !== 'error' ? (
              <>
                <span aria-hidden="true" className="status-icon">
                  {ICON[tone]}
                </span>{' '}
                {status.message}
              </>
            ) : null}
          </div>
          <div role="alert" aria-atomic="true" data-testid={tone === 'error' ? 'status' : undefined} className="status-text">
            {status && tone === 'error' ? (
              <>
                <span aria-hidden="true" className="status-icon">
                  {ICON.error}
                </span>{' '}
                <strong>Error: </strong>
                {status.message}
              </>
            ) : null}
          </div>
          {status ? (
            <button type="button" className="status-dismiss" data-testid="status-dismiss" aria-label="Dismiss this message" onClick={clear}>
              <span aria-hidden="true">×</span>
            </button>
          ) : null}
        </div>
      </footer>
    </StatusContext.Provider>
  );
}
