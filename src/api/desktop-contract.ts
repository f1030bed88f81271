// What the desktop shell adds to the IPC contract: the events the main process sends the renderer (the menu's
// commands, the scheduler's log line) and its own few queries (the vault and member name opened last, the native
// open and save dialogs, copying a secret that is cleared again). Names and types only, shared by electron/ and the renderer.

/** Main → renderer: a menu command the renderer carries out (it holds the passphrase form, not main). */
export const MENU_EVENT = 'sanitizer:menu';
/** Main → renderer: what the daily destruction did, as one line for the activity log. */
export const SCHEDULER_EVENT = 'sanitizer:scheduler';
/** Renderer → main: the vault opened last time and the member name it was opened with, to offer on the unlock screen. */
export const LAST_VAULT_CHANNEL = 'sanitizer:desktop.lastVault';
/** Renderer → main: the native "open a file" dialog; answers the chosen path or null. */
export const CHOOSE_FILE_CHANNEL = 'sanitizer:desktop.chooseFile';
/** Renderer → main: the native "save as" dialog; answers the chosen path or null. */
export const CHOOSE_SAVE_PATH_CHANNEL = 'sanitizer:desktop.chooseSavePath';
/** Renderer → main: put a secret (a recovery key, a destruction token) on the clipboard, cleared again after a minute. */
export const COPY_SECRET_CHANNEL = 'sanitizer:desktop.copySecret';

export type MenuCommand = { type: 'open-vault'; path: string } | { type: 'locked' };

/** Counts and times only: no names, no contact data. */
export interface SchedulerNotice {
  at: string;
  ok: boolean;
  destroyed: number;
  held: number;
  certificateId: string | null;
  message: string;
}

/** The last vault opened on this computer (only if the file is still there) and the member name used; never a passphrase. */
export interface LastVault {
  path: string | null;
  name: string | null;
  /** That member turned on the keychain unlock on this computer (the unlock screen offers it). */
  keychain?: boolean;
}

/** What a file is chosen for: it sets the dialog's title (main's wording, not the renderer's). */
export const FILE_PURPOSES = ['vault', 'new-vault', 'import', 'export', 'certificate', 'report'] as const;
export type FilePurpose = (typeof FILE_PURPOSES)[number];

/** A filter of the dialog: a label and extensions without the dot (`*` for any). */
export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface ChooseFileRequest {
  purpose: FilePurpose;
  filters?: FileFilter[];
}

/** A secret to copy: the text only. */
export interface CopySecretRequest {
  text: string;
}

/** Copied: main clears the clipboard after this many seconds (or on lock or quit) if it still holds the secret. */
export interface SecretCopied {
  clearsInSeconds: number;
}

export interface ChooseSavePathRequest extends ChooseFileRequest {
  /** A file name to suggest (a name only: no folder). */
  defaultName?: string;
}
