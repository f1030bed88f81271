// An id a person may need to quote (in a support request, or to the command line) but does not read: a small
// button that copies it, named for what it identifies; the id itself is its tooltip, not its text.
import { useStatus } from '../app/status.js';

export function CopyId({ id, what }: { id: string; what: string }) {
  const status = useStatus();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(id);
      status.announce(`Copied the ${what}.`, 'success');
    } catch {
      status.announce(`The clipboard is not available here: the ${what} is ${id}.`, 'info');
    }
  };
  return (
    <button type="button" className="copy-id" title={id} aria-label={`Copy id of the ${what.replace(/ id$/, '')}`} data-testid="copy-id" onClick={() => void copy()}>
      Copy id
    </button>
  );
}
