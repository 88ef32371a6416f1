import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ReturnableSaleView, TillResult } from '../../src-shared/till';
import { createFakeTill, emptySale } from '../../test-support/renderer/fake-till';
import { renderWithTill } from '../../test-support/renderer/render';
import { ReturnScreen } from './ReturnScreen';

const SOLD = 'S001-02-20261123-0001';
const FOUND: ReturnableSaleView = {
  basketCode: SOLD,
  soldAt: '2026-11-23T10:05:00.000Z',
  currency: 'EUR',
  locale: 'nl-NL',
  customer: { memberNumber: '1000001' },
  source: 'engine',
  lines: [
    {
      lineId: 'line_1',
      barcode: '',
      name: '',
      quantity: 1,
      unitPrice: 1495,
      returned: 0,
      returnable: 1,
      shares: [{ voucherKey: 'k'.repeat(64), code: 'DEMO-5EUR', discount: 341 }],
    },
  ],
};

describe('the Return screen', () => {
  it('finds a sale of another till by its number, names its lines by id, and adds what the cashier picked', async () => {
    const till = createFakeTill();
    const added = emptySale('S001-01-20261123-0002');
    renderWithTill(<ReturnScreen />, {
      ...till.client,
      'return/find': () => Promise.resolve({ ok: true, value: FOUND }),
      'return/add': (input) => {
        till.calls.push({ name: 'return/add', input });
        return Promise.resolve<TillResult<typeof added>>({ ok: true, value: added });
      },
    });
    expect(await screen.findByText('This till has no sales yet.')).toBeInTheDocument();
    fireEvent.change(screen.getByRole('textbox', { name: 'Sale number' }), {
      target: { value: SOLD },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Find sale' }));
    const lines = await screen.findByRole('table', { name: 'Lines of the sale' });
    expect(
      screen.getByText('Sold at another till; found at the voucher engine.'),
    ).toBeInTheDocument();
    const add = screen.getByRole('button', { name: 'Add to return' });
    expect(add).toBeDisabled();
    fireEvent.change(
      within(lines).getByRole('spinbutton', { name: 'Quantity to return of Line line_1' }),
      { target: { value: '1' } },
    );
    fireEvent.click(add);
    await waitFor(() => {
      expect(till.calls.find((call) => call.name === 'return/add')?.input).toMatchObject({
        basketCode: SOLD,
        lines: [{ lineId: 'line_1', quantity: 1 }],
      });
    });
  });

  it('says a refusal with what to do next', async () => {
    const till = createFakeTill();
    renderWithTill(<ReturnScreen />, till.client);
    fireEvent.change(await screen.findByRole('textbox', { name: 'Sale number' }), {
      target: { value: 'NOPE' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Find sale' }));
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(till.calls).toContainEqual({ name: 'return/find', input: { basketCode: 'NOPE' } });
  });
});
