// Copy a secret the person asked to copy (a recovery key, a destruction token). In the desktop app main writes it
// and clears the clipboard again after a minute (electron/secret-clipboard.ts); elsewhere the browser's clipboard
// keeps it until something else is copied. When copying is refused, the text is selected instead so that Ctrl+C or
// ⌘C still works, and the caller says so.

/** Copied, and whether (in how many seconds) the clipboard will be cleared; or refused, with the text selected. */
export type CopyOutcome = { copied: true; clearsInSeconds: number | null } | { copied: false };

export async function copySecret(text: string, element: HTMLElement | null): Promise<CopyOutcome> {
  const desktop = window.sanitizer?.copySecret;
  try {
    if (typeof desktop === 'function') {
      const r = await desktop(text);
      if (!r.ok) throw new Error(r.message);
      return { copied: true, clearsInSeconds: r.value.clearsInSeconds };
    }
    if (!navigator.clipboard) throw new Error('no clipboard');
    await navigator.clipboard.writeText(text);
    return { copied: true, clearsInSeconds: null };
  } catch {
    if (element) {
      const range = document.createRange();
      range.selectNodeContents(element);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
    }
    return { copied: false };
  }
}

/** What to say once `what` ('Recovery key') is copied: when it leaves the clipboard, or what to do about it. */
export function copiedMessage(what: string, outcome: { clearsInSeconds: number | null }, pasteWhere: string): string {
  return outcome.clearsInSeconds === null
    ? `${what} copied. Paste it ${pasteWhere} now, then copy something else so it does not stay on the clipboard.`
    : `${what} copied. The clipboard will be cleared in ${outcome.clearsInSeconds} seconds: paste it ${pasteWhere} now.`;
}
