import { useEffect, useEffectEvent, useRef, type RefObject } from 'react';
import { IDLE, readKey, type BurstState } from './scan-machine';
import {
  isTextField,
  modalIsOpen,
  restoreField,
  setValueAsTyped,
  snapshotOf,
  type FieldSnapshot,
  type TextField,
} from './text-fields';

export interface ScannerOptions {
  /** One whole scan that arrived outside the scan field, whatever had focus. */
  readonly onScan: (code: string) => void;
  /** The scan field (its own Enter submits it); null where there is none (the receipt). */
  readonly scanField: RefObject<HTMLInputElement | null>;
}

/**
 * When a key was pressed. The event's own time stamp is when the keyboard (or scanner) sent
 * it, so a busy page does not stretch the gaps of a burst; a clock of "now" would.
 */
function pressedAt(event: KeyboardEvent): number {
  return event.timeStamp > 0 ? event.timeStamp : performance.now();
}

/**
 * Listens to every key on the page (capture phase, before any field or button sees it) and
 * turns a keyboard-wedge burst into one scan, wherever it lands: in the scan field, the burst's
 * Enter scans the burst alone, so text left typed there is not glued onto it. Keys typed where
 * no text is taken go to the scan field, whose Enter (typed by a person) submits it as usual. A burst typed into another text field is taken
 * out of it again and scanned; its Enter never submits or clicks anything. Slow typing in
 * another field is left alone.
 */
export function useScanner({ onScan, scanField }: ScannerOptions): void {
  const burst = useRef<BurstState>(IDLE);
  const touched = useRef(new Map<TextField, FieldSnapshot>());

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.isComposing) return;
    const withShortcutModifier = event.ctrlKey || event.altKey || event.metaKey;
    const press = { key: event.key, at: pressedAt(event), withShortcutModifier };
    const [next, verdict] = readKey(burst.current, press);
    burst.current = next;
    const target = event.target;
    const field = scanField.current;
    switch (verdict.kind) {
      case 'printable': {
        if (verdict.startsRun) touched.current.clear();
        if (target === field) return;
        if (isTextField(target)) {
          if (!touched.current.has(target)) touched.current.set(target, snapshotOf(target));
          return;
        }
        if (!field || modalIsOpen(field.ownerDocument)) return;
        event.preventDefault();
        field.focus();
        setValueAsTyped(field, field.value + event.key);
        return;
      }
      case 'scan': {
        touched.current.forEach((snapshot, touchedField) => {
          restoreField(touchedField, snapshot);
        });
        touched.current.clear();
        // the burst alone is the scan, in the scan field too: text typed there before it is
        // not glued onto it (the field starts empty again)
        event.preventDefault();
        event.stopPropagation();
        onScan(verdict.code);
        return;
      }
      case 'modifier':
        return;
      case 'other':
        touched.current.clear();
        return;
    }
  });

  useEffect(() => {
    const listener = (event: KeyboardEvent) => {
      onKeyDown(event);
    };
    window.addEventListener('keydown', listener, { capture: true });
    return () => {
      window.removeEventListener('keydown', listener, { capture: true });
    };
  }, []);
}
