/**
 * Tells a barcode scanner (a keyboard wedge) from a person typing, from key events and their
 * times alone: a scan is a burst of at least {@link BURST.minLength} printable keys, each less
 * than {@link BURST.maxGapMs} after the one before, ended by Enter just as fast. Pure: the hook
 * in `useScanner.ts` feeds it DOM events and acts on its verdicts.
 */
export const BURST = { minLength: 6, maxGapMs: 50 } as const;

export interface KeyPress {
  readonly key: string;
  /** When it was pressed, in ms (any monotonic clock). */
  readonly at: number;
  /** Ctrl, Alt or Meta held: a shortcut, never scanner input. */
  readonly withShortcutModifier: boolean;
}

export interface BurstState {
  /** The printable keys of the current fast run, in order. */
  readonly text: string;
  /** When its last key came, or null before any. */
  readonly lastAt: number | null;
}

export type Verdict =
  /** Part of what may be a burst; `startsRun` when it begins a new run of keys. */
  | { readonly kind: 'printable'; readonly startsRun: boolean }
  /** Enter closing a burst: one scan of `code`. */
  | { readonly kind: 'scan'; readonly code: string }
  /** Shift and friends: a scanner sends them for capitals, so they neither count nor break a run. */
  | { readonly kind: 'modifier' }
  /** Anything else, Enter typed by a person included: the run is over. */
  | { readonly kind: 'other' };

export const IDLE: BurstState = { text: '', lastAt: null };

const MODIFIERS = new Set(['Shift', 'CapsLock', 'Control', 'Alt', 'AltGraph', 'Meta']);

/** A key that types one visible character (space is left to buttons and is never scanned). */
export function isPrintable(press: KeyPress): boolean {
  return press.key.length === 1 && press.key !== ' ' && !press.withShortcutModifier;
}

function quick(state: BurstState, at: number): boolean {
  return state.lastAt !== null && at - state.lastAt < BURST.maxGapMs;
}

/** The next state and what the key means. */
export function readKey(state: BurstState, press: KeyPress): [BurstState, Verdict] {
  if (MODIFIERS.has(press.key)) return [state, { kind: 'modifier' }];
  if (isPrintable(press)) {
    const continues = quick(state, press.at);
    const text = continues ? state.text + press.key : press.key;
    return [
      { text, lastAt: press.at },
      { kind: 'printable', startsRun: !continues },
    ];
  }
  if (
    press.key === 'Enter' &&
    !press.withShortcutModifier &&
    quick(state, press.at) &&
    state.text.length >= BURST.minLength
  ) {
    return [IDLE, { kind: 'scan', code: state.text }];
  }
  return [IDLE, { kind: 'other' }];
}
