// What the desktop shell adds to the contract's `window.sanitizer`: the events the main process sends (the menu's
// commands, the scheduler's log line) and one query of its own. Names and types only: the preload bundles this.
import type { Result, SanitizerApi } from '../src/api/contract.js';
import type { MenuCommand, SchedulerNotice } from '../src/api/desktop-contract.js';

export { LAST_VAULT_CHANNEL, MENU_EVENT, SCHEDULER_EVENT, type MenuCommand, type SchedulerNotice } from '../src/api/desktop-contract.js';

/** `window.sanitizer` in the desktop app. */
export type DesktopApi = SanitizerApi & {
  /** The file system path of a file the user dropped or picked (Electron's webUtils.getPathForFile). */
  pathForFile(file: File): string;
  lastVault(): Promise<Result<{ path: string | null }>>;
  onMenu(listener: (command: MenuCommand) => void): () => void;
  onScheduler(listener: (notice: SchedulerNotice) => void): () => void;
};
