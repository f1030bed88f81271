// A second launch: the single-instance lock is taken, so it quits at once without a window, IPC or a vault.
import { expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({
  app: {
    enableSandbox: vi.fn(),
    commandLine: { appendSwitch: vi.fn() },
    requestSingleInstanceLock: vi.fn(() => false),
    quit: vi.fn(),
    on: vi.fn(),
    whenReady: vi.fn(() => new Promise(() => {})),
    getPath: vi.fn(() => '/nonexistent'),
  },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  ipcMain: { handle: vi.fn() },
  BrowserWindow: vi.fn(),
}));

vi.mock('electron', () => fake);

it('quits when another instance holds the lock', async () => {
  await import('../../electron/main.js');
  expect(fake.app.quit).toHaveBeenCalledOnce();
  expect(fake.app.whenReady).not.toHaveBeenCalled();
  expect(fake.ipcMain.handle).not.toHaveBeenCalled();
  expect(fake.BrowserWindow).not.toHaveBeenCalled();
});
