import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { Language } from '../../src-shared/i18n';
import type { SaleView, TillClient } from '../../src-shared/till';
import { createFakeTill, emptySale } from '../../test-support/renderer/fake-till';
import { renderWithTill } from '../../test-support/renderer/render';
import { SaleDesk } from './SaleDesk';

const MINUTE = 60_000;

/**
 * A sale whose voucher the engine held until five minutes from the screen's clock, answered by
 * a till core whose own clock is ten minutes ahead: by the core's clock the hold has ended.
 */
function heldSale(): SaleView {
  const screenNow = Date.now();
  return emptySale('S001-01-20261203-0003', {
    lines: [
      {
        lineId: 'line_1',
        barcode: '8712345000165',
        name: 'Coffee beans 1 kg',
        quantity: 1,
        unit: 'piece',
        unitPrice: 1299,
        gross: 1299,
        discount: 500,
        net: 799,
        excluded: false,
        shares: [],
      },
    ],
    applied: [
      {
        voucherKey: 'a'.repeat(64),
        code: 'DEMO-5EUR',
        type: 'basket',
        title: '€5.00 off',
        discount: 500,
        amountRemaining: 0,
        honourCode: null,
        lockedUntil: new Date(screenNow + 5 * MINUTE).toISOString(),
      },
    ],
    now: new Date(screenNow + 10 * MINUTE).toISOString(),
  });
}

function renderDesk(language: Language) {
  const till = createFakeTill({ status: { language } });
  const sale = heldSale();
  const client: TillClient = {
    ...till.client,
    'sale/current': () => Promise.resolve({ ok: true, value: sale }),
  };
  const onScan = vi.fn<(code: string) => void>();
  renderWithTill(<SaleDesk scanRef={createRef()} onScan={onScan} onConfirmed={vi.fn()} />, client);
  return { onScan };
}

describe('the sale desk when a hold ends', () => {
  it('counts the hold down by the till core’s clock, and offers to hold the voucher again', async () => {
    const { onScan } = renderDesk('en');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      /^The hold on voucher DEMO-5EUR for this sale ended at \d\d:\d\d\./,
    );
    expect(alert).toHaveTextContent('Hold it again to keep it on this sale');
    const applied = screen.getByRole('list', { name: 'Applied vouchers' });
    expect(applied).toHaveTextContent(/the hold for this sale ended at \d\d:\d\d/);
    expect(applied).not.toHaveTextContent('left');

    await userEvent.click(within(alert).getByRole('button', { name: 'Hold again' }));
    expect(onScan).toHaveBeenCalledWith('DEMO-5EUR');
  });

  it('says it in Dutch on a Dutch till', async () => {
    renderDesk('nl');
    const alert = await screen.findByRole('alert');
    await vi.waitFor(() => {
      expect(alert).toHaveTextContent(/wordt sinds \d\d:\d\d niet meer vastgehouden/);
    });
    expect(within(alert).getByRole('button', { name: 'Opnieuw vasthouden' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Verkoop' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Betaling bevestigen' })).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Mandje' })).toHaveTextContent('Artikel');
  });
});
