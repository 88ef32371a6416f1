import { describe, expect, it } from 'vitest';
import { BURST, IDLE, readKey, type BurstState, type KeyPress, type Verdict } from './scan-machine';

function press(key: string, at: number, withShortcutModifier = false): KeyPress {
  return { key, at, withShortcutModifier };
}

/** Feeds keys `gap` ms apart, starting at `start`; returns every verdict and the end state. */
function feed(keys: readonly string[], gap: number, start = 1000, from: BurstState = IDLE) {
  let state = from;
  const verdicts: Verdict[] = [];
  keys.forEach((key, index) => {
    const [next, verdict] = readKey(state, press(key, start + index * gap));
    state = next;
    verdicts.push(verdict);
  });
  return { state, verdicts };
}

const digits = (text: string) => Array.from(text);

describe('readKey', () => {
  it('reads a 13-digit burst ending in Enter as one scan', () => {
    const { verdicts, state } = feed([...digits('8712345000165'), 'Enter'], 8);
    expect(verdicts.at(-1)).toEqual({ kind: 'scan', code: '8712345000165' });
    expect(verdicts[0]).toEqual({ kind: 'printable', startsRun: true });
    expect(verdicts[1]).toEqual({ kind: 'printable', startsRun: false });
    expect(state).toEqual(IDLE);
  });

  it(`needs at least ${BURST.minLength} keys: a short fast run and Enter is a person`, () => {
    const { verdicts } = feed([...digits('12345'), 'Enter'], 5);
    expect(verdicts.at(-1)).toEqual({ kind: 'other' });
  });

  it('does not take slow typing for a scan', () => {
    const { verdicts } = feed([...digits('8712345000165'), 'Enter'], BURST.maxGapMs + 30);
    expect(verdicts.every((verdict) => verdict.kind !== 'scan')).toBe(true);
    expect(verdicts.filter((v) => v.kind === 'printable' && v.startsRun)).toHaveLength(13);
  });

  it('counts a gap of exactly the limit as too slow', () => {
    const { verdicts } = feed([...digits('8712345'), 'Enter'], BURST.maxGapMs);
    expect(verdicts.at(-1)).toEqual({ kind: 'other' });
  });

  it('wants the Enter as fast as the keys', () => {
    const { state } = feed(digits('8712345000165'), 5);
    const [, verdict] = readKey(state, press('Enter', 5000));
    expect(verdict).toEqual({ kind: 'other' });
  });

  it('starts a new run after a pause: only the burst is scanned, not what was typed before', () => {
    const typed = feed(digits('hello'), 200);
    const burst = feed([...digits('HONOUR-COFFEE-0001'), 'Enter'], 4, 10_000, typed.state);
    expect(burst.verdicts[0]).toEqual({ kind: 'printable', startsRun: true });
    expect(burst.verdicts.at(-1)).toEqual({ kind: 'scan', code: 'HONOUR-COFFEE-0001' });
  });

  it('lets Shift through a burst without counting it or breaking it', () => {
    const { verdicts } = feed(['Shift', 'D', 'Shift', 'E', 'M', 'O', '-', '5', 'Enter'], 3);
    expect(verdicts.at(-1)).toEqual({ kind: 'scan', code: 'DEMO-5' });
  });

  it('is broken by Backspace, Tab, space or a shortcut', () => {
    for (const breaker of [press('Backspace', 1020), press(' ', 1020), press('a', 1020, true)]) {
      const start = feed(digits('871234'), 3);
      const [state, verdict] = readKey(start.state, breaker);
      expect(verdict.kind === 'printable').toBe(false);
      const [, end] = readKey(state, press('Enter', 1022));
      expect(end).toEqual({ kind: 'other' });
    }
  });
});
