// A modal confirmation for what cannot be undone (erase, destroy, remove): the native <dialog>, which traps focus
// and closes on Escape; focus starts on Cancel, the safe choice, and returns to what opened it.
import { useEffect, useId, useRef, type ReactNode } from 'react';

export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  confirmTestId,
  testId = 'confirm-dialog',
  cancelTestId = 'confirm-cancel',
  busy = false,
  onConfirm,
  onCancel,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  confirmTestId: string;
  testId?: string;
  cancelTestId?: string;
  busy?: boolean;
  onConfirm(): void;
  onCancel(): void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    // Focus goes back where it was (the button that opened the dialog) when the dialog closes.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (dialog?.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      <div id={`${id}-body`}>{children}</div>
      <div className="actions">
        <button type="button" autoFocus onClick={onCancel} data-testid={cancelTestId}>
          Cancel
        </button>
        <button type="button" className="danger" disabled={busy} aria-busy={busy} onClick={onConfirm} data-testid={confirmTestId}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
