// What the desktop shell adds to the IPC contract: the events the main process sends the renderer (the menu's
// commands, the scheduler's log line) and one query of its own. Names and types only, shared by electron/ and the
// renderer.

/** Main → renderer: a menu command the renderer carries out (it holds the passphrase form, not main). */
export const MENU_EVENT = 'sanitizer:menu';
/** Main → renderer: what the daily destruction did, as one line for the activity log. */
export const SCHEDULER_EVENT = 'sanitizer:scheduler';
/** Renderer → main: the vault opened last time, to offer on the unlock screen. */
export const LAST_VAULT_CHANNEL = 'sanitizer:desktop.lastVault';

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
