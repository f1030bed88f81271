// The desktop shell's extras the first-launch and unlock screens use: the vault and member name opened last, and the
// native open and save dialogs (Browse…). Each is optional: a plain browser has none, and then the screens simply
// go without (no Browse…, nothing pre-filled).
import type { ChooseFileRequest, ChooseSavePathRequest, LastVault } from '../../api.js';

/**
 * The vault opened last and the member name used, and whether that member turned on the keychain unlock on this
 * computer; nulls (and no keychain) when the shell does not know (or cannot say).
 */
export async function lastSession(): Promise<LastVault & { keychain: boolean }> {
  const none = { path: null, name: null, keychain: false };
  const api = window.sanitizer;
  if (!api || typeof api.lastVault !== 'function') return none;
  try {
    const r = await api.lastVault();
    if (!r.ok || !r.value.path) return none;
    const name = r.value.name ?? null;
    return { path: r.value.path, name, keychain: name !== null && r.value.keychain === true };
  } catch {
    return none;
  }
}

/** Member names as the vault compares them: case, outer and repeated spaces aside. */
export function sameMemberName(a: string | null, b: string | null): boolean {
  const norm = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
  return a !== null && b !== null && norm(a) === norm(b);
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
