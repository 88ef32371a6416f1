import { useEffect, useEffectEvent, useId, useRef, type ReactNode } from 'react';

interface DialogProps {
  readonly title: string;
  /** Escape, or the browser's own cancel, asks to close; the owner decides. */
  readonly onClose: () => void;
  readonly children: ReactNode;
  /** After it has closed and the page is no longer inert: where focus should go next. */
  readonly onClosed?: () => void;
  readonly tone?: 'danger' | 'neutral';
}

/**
 * A modal dialog, shown while it is mounted: the page behind is inert, Escape closes it, and
 * focus starts on the element marked `data-autofocus` (else the first control).
 */
export function Dialog({ title, onClose, onClosed, children, tone = 'neutral' }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const closed = useEffectEvent(() => {
    onClosed?.();
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return undefined;
    if (!dialog.open) dialog.showModal();
    const first =
      dialog.querySelector<HTMLElement>('[data-autofocus]') ??
      dialog.querySelector<HTMLElement>('input, button');
    first?.focus();
    return () => {
      if (dialog.open) dialog.close();
      closed();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`dialog dialog--${tone}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        onClose();
      }}
    >
      <h2 id={titleId} className="dialog__title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
