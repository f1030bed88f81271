// What the desktop shell adds to the contract's `window.sanitizer`: the events the main process sends (the menu's
// commands, the scheduler's log line) and its own few queries (the last vault, the native file dialogs). Names and
// types only: the preload bundles this.
import type { Result, SanitizerApi } from '../src/api/contract.js';
import type { ChooseFileRequest, ChooseSavePathRequest, LastVault, MenuCommand, SchedulerNotice, SecretCopied } from '../src/api/desktop-contract.js';

export {
  CHOOSE_FILE_CHANNEL,
  CHOOSE_SAVE_PATH_CHANNEL,
  COPY_SECRET_CHANNEL,
  LAST_VAULT_CHANNEL,
  MENU_EVENT,
  SCHEDULER_EVENT,
  type ChooseFileRequest,
  type ChooseSavePathRequest,
  type LastVault,
  type MenuCommand,
  type SchedulerNotice,
  type SecretCopied,
} from '../src/api/desktop-contract.js';

/** `window.sanitizer` in the desktop app. */
export type DesktopApi = SanitizerApi & {
  /** The file system path of a file the user dropped or picked (Electron's webUtils.getPathForFile). */
  pathForFile(file: File): string;
  lastVault(): Promise<Result<LastVault>>;
  /** The native open dialog: the chosen path, or null when cancelled. */
  chooseFile(request: ChooseFileRequest): Promise<Result<{ path: string | null }>>;
  /** The native save dialog: the chosen path, or null when cancelled. */
  chooseSavePath(request: ChooseSavePathRequest): Promise<Result<{ path: string | null }>>;
  /** Copy a secret through main, which clears the clipboard again after `clearsInSeconds` (and on lock or quit). */
  copySecret(text: string): Promise<Result<SecretCopied>>;
  onMenu(listener: (command: MenuCommand) => void): () => void;
  onScheduler(listener: (notice: SchedulerNotice) => void): () => void;
};
