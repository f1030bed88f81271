// One router for every front end (the CLI in-process, Electron's ipcMain, the browser-test harness): refuses an
// unknown channel, hands the request to the core (which authorises it, then validates it against the contract's
// schema, before any use case runs), checks the answer against the response schema, and answers { ok, value } or
// { ok: false, code, message }. Unexpected failures never leak a stack.
import { CHANNELS, type Channel, type Core, type Progress, type Result } from './contract.js';
import { ServiceError } from '../shared/errors.js';

export type Route = (channel: string, payload: unknown, onProgress?: (p: Progress) => void) => Promise<Result<unknown>>;

export function createRouter(core: Core, onUnexpected: (channel: string, err: unknown) => void = (c, e) => console.error(`[${c}]`, e)): Route {
  return async (channel, payload, onProgress = () => {}) => {
    if (!Object.hasOwn(CHANNELS, channel)) return { ok: false, code: 'unknown-channel', message: `There is no channel "${channel}".` };
    try {
      const value = await core.call(channel as Channel, payload, onProgress);
      return { ok: true, value: CHANNELS[channel as Channel].response.parse(value) };
    } catch (err) {
      if (err instanceof ServiceError) return { ok: false, code: err.code, message: err.message };
      onUnexpected(channel, err);
      return { ok: false, code: 'failed', message: 'Something went wrong inside the app; the failed step changed nothing.' };
    }
  };
}
