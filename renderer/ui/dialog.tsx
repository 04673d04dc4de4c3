import { useEffect, useId, useRef, type ReactNode } from 'react';

interface Props {
  title: string;
  children: ReactNode;
  /** Buttons and other actions, at the foot of the dialog. */
  actions: ReactNode;
  onClose(): void;
  testId?: string;
}

/**
 * A modal built on <dialog>: the browser traps focus, Esc closes it, and it is announced with its title.
 */
export function Dialog({ title, children, actions, onClose, testId }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    const origin = document.activeElement;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      // The browser gives focus back on close() only while the dialog is in the document, and React
      // removes it first: put focus back where it was, unless something else has taken it since.
      const now = document.activeElement;
      const lost = now === null || now === document.body || Boolean(dialog?.contains(now));
      if (lost && origin instanceof HTMLElement && origin.isConnected) origin.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      <div className="dialog-body">{children}</div>
      <div className="dialog-actions">{actions}</div>
    </dialog>
  );
}
