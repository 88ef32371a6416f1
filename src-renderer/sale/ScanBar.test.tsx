import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useRef, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ScanBar } from './ScanBar';
import type { ReactElement } from 'react';
import { createFakeTill } from '../../test-support/renderer/fake-till';
import { renderWithTill } from '../../test-support/renderer/render';

/** Rendered with the till's words (an English till). */
const renderTill = (ui: ReactElement) => renderWithTill(ui, createFakeTill().client);

const BARCODE = '8712345000165';

/** Key times that move only as the test says: 120 ms between keys is a person typing. */
function slowTyping() {
  vi.useFakeTimers({
    shouldAdvanceTime: true,
    toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'],
  });
  return userEvent.setup({ delay: 120, advanceTimers: vi.advanceTimersByTime });
}

/** The scan bar beside another text field and a Void button, as focus may wander on a till. */
function Till({ onScan, onVoid }: { onScan: (code: string) => void; onVoid: () => void }) {
  const scanRef = useRef<HTMLInputElement>(null);
  const [note, setNote] = useState('');
  return (
    <>
      <ScanBar onScan={onScan} inputRef={scanRef} />
      <label>
        Note
        <input
          type="text"
          value={note}
          onChange={(event) => {
            setNote(event.target.value);
          }}
        />
      </label>
      <button type="button" onClick={onVoid}>
        Void sale
      </button>
    </>
  );
}

function setup() {
  const onScan = vi.fn<(code: string) => void>();
  const onVoid = vi.fn<() => void>();
  renderTill(<Till onScan={onScan} onVoid={onVoid} />);
  return {
    onScan,
    onVoid,
    scanField: screen.getByRole('textbox', { name: 'Scan or type a code' }),
    note: screen.getByRole('textbox', { name: 'Note' }),
    voidButton: screen.getByRole('button', { name: 'Void sale' }),
  };
}

describe('the scan bar', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('takes a 13-digit burst ending in Enter as one scan while focus is on the Void button, and does not void', async () => {
    const user = userEvent.setup({ delay: null });
    const { onScan, onVoid, voidButton, scanField } = setup();
    voidButton.focus();

    await user.keyboard(`${BARCODE}{Enter}`);

    expect(onScan).toHaveBeenCalledTimes(1);
    expect(onScan).toHaveBeenCalledWith(BARCODE);
    expect(onVoid).not.toHaveBeenCalled();
    expect(scanField).toHaveValue('');
    expect(scanField).toHaveFocus();
  });

  it('takes a burst typed into another text field out of it again and scans it once', async () => {
    const person = slowTyping();
    const scanner = userEvent.setup({ delay: null });
    const { onScan, note, scanField } = setup();
    await person.click(note);
    await person.keyboard('pay by card');
    vi.advanceTimersByTime(1000);
    await scanner.keyboard(`${BARCODE}{Enter}`);

    expect(onScan).toHaveBeenCalledTimes(1);
    expect(onScan).toHaveBeenCalledWith(BARCODE);
    expect(note).toHaveValue('pay by card');
    expect(scanField).toHaveFocus();
  });

  it('scans what a scanner types into the scan field itself, once', async () => {
    const user = userEvent.setup({ delay: null });
    const { onScan, scanField } = setup();
    await user.click(scanField);
    await user.keyboard(`${BARCODE}{Enter}`);

    expect(onScan).toHaveBeenCalledTimes(1);
    expect(onScan).toHaveBeenCalledWith(BARCODE);
    expect(scanField).toHaveValue('');
  });

  it('leaves slow typing in another field alone, Enter included', async () => {
    const user = slowTyping();
    const { onScan, note } = setup();
    await user.click(note);
    await user.keyboard(`${BARCODE}{Enter}`);

    expect(note).toHaveValue(BARCODE);
    expect(onScan).not.toHaveBeenCalled();
  });

  it('scans a code typed slowly into the scan field when Enter is pressed', async () => {
    const user = slowTyping();
    const { onScan, scanField } = setup();
    await user.click(scanField);
    await user.keyboard('demo-5eur{Enter}');

    expect(onScan).toHaveBeenCalledTimes(1);
    expect(onScan).toHaveBeenCalledWith('demo-5eur');
  });

  it('sends keys typed with focus on a button to the scan field, and Add code sends them', async () => {
    const user = slowTyping();
    const { onScan, voidButton, scanField } = setup();
    voidButton.focus();
    await user.keyboard('1000001');

    expect(scanField).toHaveValue('1000001');
    expect(scanField).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Add code' }));
    expect(onScan).toHaveBeenCalledWith('1000001');
  });

  it('starts a burst from an empty field: text typed there before is not glued onto the scan', async () => {
    const person = slowTyping();
    const scanner = userEvent.setup({ delay: null });
    const { onScan, scanField } = setup();
    await person.click(scanField);
    await person.keyboard('12');
    vi.advanceTimersByTime(1000);
    await scanner.keyboard(`${BARCODE}{Enter}`);

    expect(onScan).toHaveBeenCalledTimes(1);
    expect(onScan).toHaveBeenCalledWith(BARCODE);
    expect(scanField).toHaveValue('');
  });

  it('starts a burst from an empty field when focus was elsewhere and typed text was left in it', async () => {
    const person = slowTyping();
    const scanner = userEvent.setup({ delay: null });
    const { onScan, voidButton, scanField } = setup();
    voidButton.focus();
    await person.keyboard('abc');
    expect(scanField).toHaveValue('abc');
    voidButton.focus();
    vi.advanceTimersByTime(1000);
    await scanner.keyboard(`${BARCODE}{Enter}`);

    expect(onScan).toHaveBeenCalledTimes(1);
    expect(onScan).toHaveBeenCalledWith(BARCODE);
    expect(scanField).toHaveValue('');
  });

  it('scans the whole burst when a busy page splits it, leaving out only what was typed before', async () => {
    const person = slowTyping();
    const scanner = userEvent.setup({ delay: null });
    const { onScan, scanField } = setup();
    await person.click(scanField);
    await person.keyboard('9');
    vi.advanceTimersByTime(1000);
    await scanner.keyboard('87123');
    vi.advanceTimersByTime(80);
    await scanner.keyboard('45000165{Enter}');

    expect(onScan).toHaveBeenCalledTimes(1);
    expect(onScan).toHaveBeenCalledWith(BARCODE);
    expect(scanField).toHaveValue('');
  });
});
