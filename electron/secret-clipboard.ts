// A secret the person copies (the recovery key, a destruction token) does not stay on the clipboard: main writes it
// and empties the clipboard a minute later, or on lock or quit, if it still holds that secret (docs/security.md,
// "Secrets on the clipboard"). The clipboard and the timers come in as parameters, so this file is tested with fakes.
import type { IpcMainInvokeEvent } from 'electron';
import type { Result } from '../src/api/contract.js';
import { COPY_SECRET_CHANNEL, type SecretCopied } from '../src/api/desktop-contract.js';
import { handleTrusted, type IpcHandle, type TrustCheck } from './ipc.js';
import type { Route } from '../src/api/router.js';

/** How long a copied secret may stay on the clipboard. */
export const SECRET_CLEAR_SECONDS = 60;
/** Far more than a recovery key or a token needs; anything longer is not a secret we show. */
export const SECRET_MAX_LENGTH = 1000;

/** Electron's clipboard as far as this needs it (its default, the system clipboard). */
export interface TextClipboard {
  writeText(text: string): void;
  readText(): string;
  clear(): void;
}

export interface ClipboardTimers {
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export class SecretClipboard {
  /** The secret copied last, while it may still be on the clipboard. */
  private secret: string | null = null;
  private timer: unknown = null;

  constructor(
    private readonly clipboard: TextClipboard,
    private readonly timers: ClipboardTimers,
    readonly clearAfterSeconds = SECRET_CLEAR_SECONDS,
  ) {}

  /** Put `text` on the clipboard and schedule its removal (a newer copy replaces the older one and its timer). */
  copy(text: string): void {
    // Written first: if the write fails, the secret copied before keeps its timer.
    this.clipboard.writeText(text);
    this.cancelTimer();
    this.secret = text;
    this.timer = this.timers.setTimer(() => {
      this.timer = null;
      this.clear();
    }, this.clearAfterSeconds * 1000);
  }

  /** Empty the clipboard if it still holds the secret copied last; whatever the person copied since is left alone. */
  clear(): void {
    this.cancelTimer();
    const secret = this.secret;
    this.secret = null;
    if (secret === null) return;
    try {
      if (this.clipboard.readText() === secret) this.clipboard.clear();
    } catch {
      /* no clipboard to read (the session is ending): nothing more can be done */
    }
  }

  /** Whether a copied secret is waiting to be cleared. */
  get pending(): boolean {
    return this.secret !== null;
  }

  private cancelTimer(): void {
    if (this.timer === null) return;
    this.timers.clearTimer(this.timer);
    this.timer = null;
  }
}

const invalid = (message: string): Result<never> => ({ ok: false, code: 'invalid', message: `The copy request is not valid: ${message}.` });

/** The text to copy, checked: `{ text }` with a string of 1 to SECRET_MAX_LENGTH characters and nothing else. */
export function parseCopyRequest(payload: unknown): { ok: true; text: string } | { ok: false; result: Result<never> } {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return { ok: false, result: invalid('send an object') };
  const { text, ...rest } = payload as Record<string, unknown>;
  if (Object.keys(rest).length > 0) return { ok: false, result: invalid(`unknown field ${Object.keys(rest)[0]}`) };
  if (typeof text !== 'string' || text.length === 0 || text.length > SECRET_MAX_LENGTH) return { ok: false, result: invalid(`text is a string of 1 to ${SECRET_MAX_LENGTH} characters`) };
  return { ok: true, text };
}

/** The copy channel, behind the sender check; answers how many seconds the secret will stay. */
export function registerSecretClipboard(ipcMain: IpcHandle, isTrusted: TrustCheck, secrets: SecretClipboard): string[] {
  handleTrusted(ipcMain, COPY_SECRET_CHANNEL, isTrusted, async (_event: IpcMainInvokeEvent, payload): Promise<Result<SecretCopied>> => {
    const parsed = parseCopyRequest(payload);
    if (!parsed.ok) return parsed.result;
    try {
      secrets.copy(parsed.text);
      return { ok: true, value: { clearsInSeconds: secrets.clearAfterSeconds } };
    } catch (err) {
      return { ok: false, code: 'failed', message: `The clipboard could not be written (${err instanceof Error ? err.message : String(err)}).` };
    }
  });
  return [COPY_SECRET_CHANNEL];
}

/** A Route that also clears a copied secret once the vault is locked (the Lock button, the idle lock). */
export function clearOnLock(route: Route, clear: () => void): Route {
  return async (channel, payload, onProgress) => {
    const result = await route(channel, payload, onProgress);
    if (channel === 'vault.lock') clear();
    return result;
  };
}
