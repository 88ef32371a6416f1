import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createFakeTill } from '../../test-support/renderer/fake-till';
import { renderWithTill } from '../../test-support/renderer/render';
import { decimalSignOf, Keypad } from './Keypad';

function showKeypad(unit: 'piece' | 'kg', initial = '') {
  const onEnter = vi.fn<(quantity: number) => void>();
  const onClose = vi.fn<() => void>();
  renderWithTill(
    <Keypad
      title="Quantity"
      unit={unit}
      initial={initial}
      decimalSign=","
      onEnter={onEnter}
      onClose={onClose}
    />,
    createFakeTill().client,
  );
  const field = screen.getByRole('textbox', { name: unit === 'kg' ? 'Weight in kg' : 'Quantity' });
  return { onEnter, onClose, field };
}

describe('the keypad', () => {
  it('takes a weight tapped on its keys, with the decimal comma: 0,785 kg', async () => {
    const user = userEvent.setup();
    const { onEnter, field } = showKeypad('kg');
    for (const key of ['Decimal comma', '7', '8', '5']) {
      await user.click(screen.getByRole('button', { name: key }));
    }
    expect(field).toHaveValue('0,785');
    await user.click(screen.getByRole('button', { name: 'OK' }));
    expect(onEnter).toHaveBeenCalledWith(0.785);
  });

  it('takes a quantity typed on the keyboard; the first key replaces the one shown', async () => {
    const user = userEvent.setup();
    const { onEnter, field } = showKeypad('piece', '1');
    expect(field).toHaveFocus();
    await user.click(screen.getByRole('button', { name: '2' }));
    await user.click(screen.getByRole('button', { name: '4' }));
    expect(field).toHaveValue('24');
    await user.click(screen.getByRole('button', { name: 'Delete last digit' }));
    expect(field).toHaveValue('2');
    await user.clear(field);
    await user.type(field, '24{Enter}');
    expect(onEnter).toHaveBeenCalledWith(24);
  });

  it('refuses a fraction of a piece, saying what to enter', async () => {
    const user = userEvent.setup();
    const pieces = showKeypad('piece');
    await user.type(pieces.field, '2,5{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent('Enter a whole number of at least 1.');
    expect(pieces.field).toHaveAttribute('aria-invalid', 'true');
    expect(pieces.onEnter).not.toHaveBeenCalled();
  });

  it('has no decimal key for pieces, and Cancel closes without a quantity', async () => {
    const user = userEvent.setup();
    const { onEnter, onClose } = showKeypad('piece');
    expect(screen.queryByRole('button', { name: 'Decimal comma' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onClose).toHaveBeenCalled();
    expect(onEnter).not.toHaveBeenCalled();
  });
});

describe('decimalSignOf', () => {
  it('is the locale’s', () => {
    expect(decimalSignOf('nl-NL')).toBe(',');
    expect(decimalSignOf('en-GB')).toBe('.');
  });
});
