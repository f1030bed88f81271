// The secret clipboard with a fake clipboard and a hand-driven timer (no waiting on the clock): a copied secret is
// cleared after its minute, on lock and on quit, unless the person copied something else since; the channel refuses
// foreign senders and malformed requests before anything is written.
import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { Result } from '../../src/api/contract.js';
import type { Route } from '../../src/api/router.js';
import { COPY_SECRET_CHANNEL } from '../../src/api/desktop-contract.js';
import { clearOnLock, parseCopyRequest, registerSecretClipboard, SECRET_CLEAR_SECONDS, SECRET_MAX_LENGTH, SecretClipboard } from '../../electron/secret-clipboard.js';

/** A clipboard holding one text, and timers that run only when the test says so. */
function fakes() {
  const board = { text: 'what was there before', cleared: 0 };
  const clipboard = {
    writeText: vi.fn((text: string) => void (board.text = text)),
    readText: vi.fn(() => board.text),
    clear: vi.fn(() => {
      board.text = '';
      board.cleared++;
    }),
  };
  const timers = new Map<number, { fn: () => void; ms: number }>();
  let next = 1;
  const clock = {
    setTimer: vi.fn((fn: () => void, ms: number) => {
      timers.set(next, { fn, ms });
      return next++;
    }),
    clearTimer: vi.fn((handle: unknown) => void timers.delete(handle as number)),
  };
  /** Run every timer now due (all of them: the only timer is the clear). */
  const elapse = () => {
    for (const [handle, { fn }] of [...timers]) {
      timers.delete(handle);
      fn();
    }
  };
  return { board, clipboard, clock, timers, elapse, secrets: new SecretClipboard(clipboard, clock) };
}

describe('SecretClipboard', () => {
  it('writes the secret and clears it after 60 seconds if the clipboard still holds it', () => {
    const { board, clock, timers, elapse, secrets } = fakes();
    secrets.copy('ABCDE-FGHIJ');
    expect(board.text).toBe('ABCDE-FGHIJ');
    expect(secrets.pending).toBe(true);
    expect(clock.setTimer).toHaveBeenCalledOnce();
    expect([...timers.values()][0]!.ms).toBe(SECRET_CLEAR_SECONDS * 1000);
    expect(SECRET_CLEAR_SECONDS).toBe(60);
    elapse();
    expect(board.text).toBe('');
    expect(board.cleared).toBe(1);
    expect(secrets.pending).toBe(false);
  });

  it('leaves alone whatever the person copied since', () => {
    const { board, clipboard, elapse, secrets } = fakes();
    secrets.copy('ABCDE-FGHIJ');
    board.text = 'a postcode copied later';
    elapse();
    expect(board.text).toBe('a postcode copied later');
    expect(clipboard.clear).not.toHaveBeenCalled();
  });

  it('clears at once on lock or quit and forgets its timer', () => {
    const { board, clock, timers, elapse, secrets } = fakes();
    secrets.copy('token-1');
    secrets.clear();
    expect(board.text).toBe('');
    expect(clock.clearTimer).toHaveBeenCalledOnce();
    expect(timers.size).toBe(0);
    board.text = 'copied after the lock';
    elapse();
    secrets.clear(); // nothing pending: a second clear touches nothing
    expect(board.text).toBe('copied after the lock');
  });

  it('a newer secret replaces the older one and its timer', () => {
    const { board, clock, timers, elapse, secrets } = fakes();
    secrets.copy('recovery key');
    secrets.copy('token-2');
    expect(clock.clearTimer).toHaveBeenCalledOnce();
    expect(timers.size).toBe(1);
    elapse();
    expect(board.text).toBe('');
    expect(board.cleared).toBe(1);
  });

  it('keeps the older secret’s timer when a newer one cannot be written', () => {
    const { board, clipboard, timers, elapse, secrets } = fakes();
    secrets.copy('recovery key');
    clipboard.writeText.mockImplementationOnce(() => {
      throw new Error('clipboard busy');
    });
    expect(() => secrets.copy('token-2')).toThrow('clipboard busy');
    expect(timers.size).toBe(1);
    elapse();
    expect(board.text).toBe('');
    expect(secrets.pending).toBe(false);
  });

  it('survives a clipboard that cannot be read any more', () => {
    const { clipboard, secrets } = fakes();
    secrets.copy('ABCDE');
    clipboard.readText.mockImplementation(() => {
      throw new Error('no display');
    });
    expect(() => secrets.clear()).not.toThrow();
    expect(secrets.pending).toBe(false);
  });
});

describe('parseCopyRequest', () => {
  it('takes { text } with 1 to SECRET_MAX_LENGTH characters and nothing else', () => {
    expect(parseCopyRequest({ text: 'ABCDE-FGHIJ' })).toEqual({ ok: true, text: 'ABCDE-FGHIJ' });
    expect(parseCopyRequest({ text: 'x'.repeat(SECRET_MAX_LENGTH) }).ok).toBe(true);
    for (const bad of [null, 'ABCDE', ['ABCDE'], {}, { text: '' }, { text: 42 }, { text: 'x'.repeat(SECRET_MAX_LENGTH + 1) }, { text: 'ABCDE', html: '<b>' }]) {
      const parsed = parseCopyRequest(bad);
      expect(parsed.ok, JSON.stringify(bad)).toBe(false);
      if (!parsed.ok) expect(parsed.result).toMatchObject({ ok: false, code: 'invalid', message: expect.stringMatching(/^The copy request is not valid: /) });
    }
  });
});

describe('the copy channel', () => {
  type Handler = (event: IpcMainInvokeEvent, payload: unknown) => Promise<Result<unknown>>;
  function registered(trusted: boolean) {
    const f = fakes();
    const handlers = new Map<string, Handler>();
    const ipcMain = { handle: vi.fn((name: string, fn: Handler) => void handlers.set(name, fn)) };
    expect(registerSecretClipboard(ipcMain as never, () => trusted, f.secrets)).toEqual([COPY_SECRET_CHANNEL]);
    const invoke = (payload: unknown) => handlers.get(COPY_SECRET_CHANNEL)!({} as IpcMainInvokeEvent, payload);
    return { ...f, invoke };
  }

  it('copies for our window and says when the clipboard will be cleared', async () => {
    const { board, invoke } = registered(true);
    expect(await invoke({ text: 'ABCDE-FGHIJ' })).toEqual({ ok: true, value: { clearsInSeconds: 60 } });
    expect(board.text).toBe('ABCDE-FGHIJ');
  });

  it('refuses a foreign sender and a malformed request without touching the clipboard', async () => {
    const foreign = registered(false);
    expect(await foreign.invoke({ text: 'planted' })).toMatchObject({ ok: false, code: 'forbidden' });
    const ours = registered(true);
    expect(await ours.invoke({ text: 'x'.repeat(SECRET_MAX_LENGTH + 1) })).toMatchObject({ ok: false, code: 'invalid' });
    for (const f of [foreign, ours]) expect(f.clipboard.writeText).not.toHaveBeenCalled();
  });

  it('answers a clipboard that cannot be written with a sentence', async () => {
    const { clipboard, invoke } = registered(true);
    clipboard.writeText.mockImplementation(() => {
      throw new Error('clipboard busy');
    });
    expect(await invoke({ text: 'ABCDE' })).toMatchObject({ ok: false, code: 'failed', message: expect.stringContaining('clipboard busy') });
  });
});

describe('clearOnLock', () => {
  it('clears after vault.lock, and passes every answer through unchanged', async () => {
    const answer: Result<unknown> = { ok: true, value: { locked: true } };
    const route: Route = vi.fn(async () => answer);
    const clear = vi.fn();
    const wrapped = clearOnLock(route, clear);
    expect(await wrapped('vault.status', {})).toBe(answer);
    expect(clear).not.toHaveBeenCalled();
    expect(await wrapped('vault.lock', {})).toBe(answer);
    expect(clear).toHaveBeenCalledOnce();
    expect(route).toHaveBeenCalledWith('vault.lock', {}, undefined);
  });
});
