// One router for every front end (the CLI in-process, Electron's ipcMain, the browser-test harness): validates the
// request with the contract's zod schema, hands it to the core, and answers { ok, value } or { ok: false, code,
// message }. Unknown channels and invalid requests are refused before any use case runs; unexpected failures
// never leak a stack.
import { CHANNELS, type Channel, type Core, type Progress, type Result } from './contract.js';
import { ServiceError } from '../shared/errors.js';

export type Route = (channel: string, payload: unknown, onProgress?: (p: Progress) => void) => Promise<Result<unknown>>;

export function createRouter(core: Core, onUnexpected: (channel: string, err: unknown) => void = (c, e) => console.error(`[${c}]`, e)): Route {
  return async (channel, payload, onProgress = () => {}) => {
    if (!Object.hasOwn(CHANNELS, channel)) return { ok: false, code: 'unknown-channel', message: `There is no channel "${channel}".` };
    const spec = CHANNELS[channel as Channel];
    const parsed = spec.request.safeParse(payload ?? {});
    if (!parsed.success) {
      return { ok: false, code: 'invalid', message: `The request is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`).join('; ')}.` };
    }
    try {
      const value = await core.call(channel as Channel, parsed.data as never, onProgress);
      return { ok: true, value: spec.response.parse(value) };
    } catch (err) {
      if (err instanceof ServiceError) return { ok: false, code: err.code, message: err.message };
      onUnexpected(channel, err);
      return { ok: false, code: 'failed', message: 'Something went wrong inside the app; nothing was changed by the failed step. Details are in the log.' };
    }
  };
}
