import { useEffect, useEffectEvent } from 'react';

/** The sale screen's function keys, shown on their buttons. */
export const SALE_KEYS = { confirm: 'F12', void: 'F8', newSale: 'F9' } as const;

/** `onKeyDown` hears every key pressed on the page (after any field has had it), for as long as the component is shown. */
export function useWindowKeyDown(onKeyDown: (event: KeyboardEvent) => void): void {
  const heard = useEffectEvent(onKeyDown);
  useEffect(() => {
    const listener = (event: KeyboardEvent) => {
      heard(event);
    };
    window.addEventListener('keydown', listener);
    return () => {
      window.removeEventListener('keydown', listener);
    };
  }, []);
}

/**
 * `key` (a function key) runs `run` from anywhere on the page, as a click on its button would;
 * not while `run` is null (the button is disabled), with a modifier held, or while a dialog is
 * open (its own buttons answer then).
 */
export function useFunctionKey(key: string, run: (() => void) | null): void {
  useWindowKeyDown((event) => {
    if (event.key !== key || event.ctrlKey || event.altKey || event.metaKey || event.shiftKey)
      return;
    // the browser's own use of the key is not for cashiers
    event.preventDefault();
    if (run === null || document.querySelector('dialog[open]')) return;
    run();
  });
}

/** The function key beside a button's name: seen, not read (the button says `aria-keyshortcuts`). */
export function KeyHint({ shortcut }: { readonly shortcut: string }) {
  return (
    <kbd className="button__key" aria-hidden="true">
      {shortcut}
    </kbd>
  );
}
