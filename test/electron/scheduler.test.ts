// The daily scheduler with fake timers: due at start, then every 24 hours; one catch-up after a long gap; never
// two runs at once; nothing while no target (no admin-unlocked vault); failures retried.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DailyScheduler, DAY_MS, HOUR_MS, type LastRunStore, type SchedulerOutcome } from '../../electron/scheduler.js';

const T0 = new Date('2026-03-02T09:00:00Z');

function memoryStore(initial: Record<string, Date> = {}): LastRunStore & { runs: Map<string, Date> } {
  const runs = new Map(Object.entries(initial));
  return { runs, get: (t) => runs.get(t) ?? null, set: (t, at) => void runs.set(t, at) };
}

function setup(options: { store?: ReturnType<typeof memoryStore>; run?: () => Promise<string>; target?: () => string | null } = {}) {
  const store = options.store ?? memoryStore();
  const run = vi.fn(options.run ?? (async () => 'done'));
  const outcomes: SchedulerOutcome<string>[] = [];
  const scheduler = new DailyScheduler<string>({
    run,
    now: () => new Date(),
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (handle) => clearTimeout(handle as NodeJS.Timeout),
    onResult: (o) => outcomes.push(o),
    store,
    ...(options.target ? { target: options.target } : {}),
  });
  return { scheduler, run, store, outcomes };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('DailyScheduler', () => {
  it('runs at start when it never ran, records the time and reports the result', async () => {
    const { scheduler, run, store, outcomes } = setup();
    await scheduler.start();
    expect(run).toHaveBeenCalledTimes(1);
    expect(store.runs.get('default')).toEqual(T0);
    expect(outcomes).toEqual([{ status: 'ran', target: 'default', at: T0, value: 'done' }]);
    scheduler.stop();
  });

  it('then runs once a day, not in between', async () => {
    const { scheduler, run } = setup();
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(DAY_MS - HOUR_MS);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(HOUR_MS);
    expect(run).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(DAY_MS);
    expect(run).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(5 * DAY_MS);
    expect(run).toHaveBeenCalledTimes(8);
    scheduler.stop();
  });

  it('waits out the rest of the day when the last run was recent', async () => {
    const { scheduler, run } = setup({ store: memoryStore({ default: new Date(T0.getTime() - 3 * HOUR_MS) }) });
    await scheduler.start();
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(20 * HOUR_MS);
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(HOUR_MS);
    expect(run).toHaveBeenCalledTimes(1);
    scheduler.stop();
  });

  it('catches up once after a long gap, not once per missed day', async () => {
    const { scheduler, run } = setup({ store: memoryStore({ default: new Date(T0.getTime() - 9 * DAY_MS) }) });
    await scheduler.start();
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(DAY_MS - HOUR_MS);
    expect(run).toHaveBeenCalledTimes(1);
    scheduler.stop();
  });

  it('catches up when the computer slept through the timer (the wall clock jumped)', async () => {
    const { scheduler, run } = setup();
    await scheduler.start();
    vi.setSystemTime(new Date(T0.getTime() + 3 * DAY_MS)); // asleep: no timer fired, the clock moved on
    await vi.advanceTimersByTimeAsync(HOUR_MS);
    expect(run).toHaveBeenCalledTimes(2);
    scheduler.stop();
  });

  it('never starts a second run while one is in progress', async () => {
    let finish!: () => void;
    const { scheduler, run } = setup({ run: () => new Promise<string>((resolve) => (finish = () => resolve('slow'))) });
    const first = scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(scheduler.busy).toBe(true);
    void scheduler.check();
    void scheduler.check();
    vi.setSystemTime(new Date(T0.getTime() + 2 * DAY_MS));
    await vi.advanceTimersByTimeAsync(3 * HOUR_MS); // ticks fall due meanwhile
    expect(run).toHaveBeenCalledTimes(1);
    finish();
    await first;
    expect(scheduler.busy).toBe(false);
    scheduler.stop();
  });

  it('does nothing while there is no target, and runs as soon as one appears', async () => {
    let target: string | null = null;
    const { scheduler, run, store } = setup({ target: () => target });
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(3 * HOUR_MS);
    expect(run).not.toHaveBeenCalled();
    expect(store.runs.size).toBe(0);
    target = '/vaults/team.vault';
    await scheduler.check(); // what the app does when an admin unlocks
    expect(run).toHaveBeenCalledTimes(1);
    expect(run).toHaveBeenCalledWith('/vaults/team.vault');
    expect(store.runs.get('/vaults/team.vault')).toEqual(new Date(T0.getTime() + 3 * HOUR_MS));
    scheduler.stop();
  });

  it('keeps a separate day for each target (vault)', async () => {
    let target = '/a.vault';
    const { scheduler, run } = setup({ target: () => target });
    await scheduler.start();
    target = '/b.vault';
    await scheduler.check();
    target = '/a.vault';
    await scheduler.check();
    expect(run.mock.calls).toEqual([['/a.vault'], ['/b.vault']]);
    scheduler.stop();
  });

  it('reports a failed run and tries again at the next check without recording it', async () => {
    let fail = true;
    const { scheduler, run, store, outcomes } = setup({
      run: async () => {
        if (fail) throw new Error('The vault is busy.');
        return 'ok';
      },
    });
    await scheduler.start();
    expect(outcomes[0]).toMatchObject({ status: 'failed', target: 'default' });
    expect(store.runs.size).toBe(0);
    fail = false;
    await vi.advanceTimersByTimeAsync(HOUR_MS);
    expect(run).toHaveBeenCalledTimes(2);
    expect(outcomes[1]).toMatchObject({ status: 'ran', value: 'ok' });
    scheduler.stop();
  });

  it('stops: no more ticks after stop()', async () => {
    const { scheduler, run } = setup();
    await scheduler.start();
    scheduler.stop();
    await vi.advanceTimersByTimeAsync(10 * DAY_MS);
    expect(run).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});
