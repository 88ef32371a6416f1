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
 * A pause in the keys this long means what the scan field holds was left there before: a burst
 * after it scans without it. Far longer than any gap inside a burst, even on a busy page.
 */
export const LEFT_BEFORE_MS = 500;

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
  /** What the scan field held when keys came again after a pause, and when the last key came. */
  const leftBefore = useRef('');
  const lastKeyAt = useRef<number | null>(null);

  /** Before a key lands in the scan field: after a pause, what it holds was typed before. */
  const beforeKey = (field: HTMLInputElement, at: number) => {
    const last = lastKeyAt.current;
    if (last === null || at - last > LEFT_BEFORE_MS) leftBefore.current = field.value;
    lastKeyAt.current = at;
  };

  /**
   * The burst as the scan field got it, without what was left there before: all of its keys
   * even when a busy page split it into runs (`run` is the last one); else the run alone.
   */
  const burstInField = (field: HTMLInputElement, run: string) => {
    const left = leftBefore.current;
    const value = field.value;
    const burst = value.startsWith(left) ? value.slice(left.length) : value;
    return burst.endsWith(run) ? burst : run;
  };

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
        if (field && target === field) {
          beforeKey(field, press.at);
          return;
        }
        if (isTextField(target)) {
          lastKeyAt.current = press.at;
          if (!touched.current.has(target)) touched.current.set(target, snapshotOf(target));
          return;
        }
        if (!field || modalIsOpen(field.ownerDocument)) {
          lastKeyAt.current = press.at;
          return;
        }
        event.preventDefault();
        field.focus();
        beforeKey(field, press.at);
        setValueAsTyped(field, field.value + event.key);
        return;
      }
      case 'scan': {
        touched.current.forEach((snapshot, touchedField) => {
          restoreField(touchedField, snapshot);
        });
        touched.current.clear();
        event.preventDefault();
        event.stopPropagation();
        // in the scan field, the burst alone is the scan: text typed there before it is not
        // glued onto it (the field starts empty again)
        onScan(target === field && field ? burstInField(field, verdict.code) : verdict.code);
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
