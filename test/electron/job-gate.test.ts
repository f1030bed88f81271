// The gate between the scheduled destruction and the renderer's requests on the one SQLite connection.
import { describe, expect, it } from 'vitest';
import { JobGate } from '../../electron/job-gate.js';

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('JobGate', () => {
  it('lets requests run side by side', async () => {
    const gate = new JobGate();
    const a = deferred<string>();
    const b = deferred<string>();
    const ra = gate.shared(() => a.promise);
    const rb = gate.shared(() => b.promise);
    await tick();
    expect(gate.inFlight).toBe(2);
    a.resolve('a');
    b.resolve('b');
    expect(await Promise.all([ra, rb])).toEqual(['a', 'b']);
  });

  it('starts the job only when the requests in progress have finished', async () => {
    const gate = new JobGate();
    const order: string[] = [];
    const importing = deferred();
    const request = gate.shared(async () => {
      order.push('import start');
      await importing.promise;
      order.push('import end');
    });
    const job = gate.exclusive(async () => {
      order.push('job');
      return 3;
    });
    await tick();
    expect(order).toEqual(['import start']);
    importing.resolve();
    expect(await job).toBe(3);
    await request;
    expect(order).toEqual(['import start', 'import end', 'job']);
  });

  it('holds new requests until the job is done, and survives a failing job', async () => {
    const gate = new JobGate();
    const order: string[] = [];
    const purging = deferred();
    const job = gate.exclusive(async () => {
      order.push('job start');
      await purging.promise;
      order.push('job end');
      throw new Error('failed');
    });
    const request = gate.shared(async () => void order.push('request'));
    await tick();
    expect(order).toEqual(['job start']);
    expect(gate.jobPending).toBe(true);
    purging.resolve();
    await expect(job).rejects.toThrow('failed');
    await request;
    expect(order).toEqual(['job start', 'job end', 'request']);
    expect(gate.jobPending).toBe(false);
  });

  it('wraps a route', async () => {
    const gate = new JobGate();
    const route = gate.wrap(async (channel) => ({ ok: true, value: channel }));
    expect(await route('vault.status', {})).toEqual({ ok: true, value: 'vault.status' });
  });
});
