// Copy a secret the person asked to copy (a recovery key, a destruction token). When the clipboard is refused, the
// text is selected instead so that Ctrl+C or ⌘C still works, and the caller says so.
export async function copySecret(text: string, element: HTMLElement | null): Promise<boolean> {
  try {
    if (!navigator.clipboard) throw new Error('no clipboard');
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (element) {
      const range = document.createRange();
      range.selectNodeContents(element);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
    }
    return false;
  }
}
