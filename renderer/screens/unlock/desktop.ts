// The desktop shell's extras the first-launch and unlock screens use: the vault and member name opened last, and the
// native open and save dialogs (Browse…). Each is optional: a plain browser has none, and then the screens simply
// go without (no Browse…, nothing pre-filled).
import type { ChooseFileRequest, ChooseSavePathRequest, LastVault } from '../../api.js';

/** The vault opened last and the member name used, or nulls when the shell does not know (or cannot say). */
export async function lastSession(): Promise<LastVault> {
  const api = window.sanitizer;
  if (!api || typeof api.lastVault !== 'function') return { path: null, name: null };
  try {
    const r = await api.lastVault();
    return r.ok ? { path: r.value.path, name: r.value.path ? (r.value.name ?? null) : null } : { path: null, name: null };
  } catch {
    return { path: null, name: null };
  }
}

/** Whether the shell offers the native file dialogs. */
export function canBrowse(): boolean {
  return typeof window.sanitizer?.chooseFile === 'function' && typeof window.sanitizer?.chooseSavePath === 'function';
}

/** The path chosen in the native dialog (open or save), or null when cancelled; a refusal is thrown as its sentence. */
export async function browse(kind: 'open' | 'save', request: ChooseFileRequest | ChooseSavePathRequest): Promise<string | null> {
  const api = window.sanitizer;
  const ask = kind === 'open' ? api?.chooseFile : api?.chooseSavePath;
  if (!ask) return null;
  const r = await ask(request);
  if (!r.ok) throw new Error(r.message);
  return r.value.path;
}

/** What the vault dialogs show: vault files first, any file on request. */
export const VAULT_FILTERS = [
  { name: 'Contact Sanitizer vault', extensions: ['vault'] },
  { name: 'All files', extensions: ['*'] },
];
