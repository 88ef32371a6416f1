import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../src-shared/money';
import type { SaleView } from '../../src-shared/till';
import { TotalsPanel, WAITING_TEXT, type TotalsSale } from './TotalsPanel';
import type { ReactElement } from 'react';
import { createFakeTill } from '../../test-support/renderer/fake-till';
import { renderWithTill } from '../../test-support/renderer/render';

/** Rendered with the till's words (an English till). */
const renderTill = (ui: ReactElement) => renderWithTill(ui, createFakeTill().client);

type Applied = SaleView['applied'][number];

const tenPercent: Applied = {
  voucherKey: 'b'.repeat(64),
  code: 'DEMO-10PCT',
  type: 'basket_pct',
  title: '10 % off for members',
  discount: 219,
  amountRemaining: 0,
  honourCode: null,
  lockedUntil: null,
};

function totals(overrides: Partial<TotalsSale>): TotalsSale {
  return {
    totals: { gross: 2194, discount: 219, net: 1975 },
    applied: [tenPercent],
    currency: 'EUR',
    locale: 'nl-NL',
    pricedBy: 'engine',
    pricing: { state: 'priced' },
    ...overrides,
  };
}

/** Intl's spaces (narrow or not) read as one plain space. */
const plain = (text: string | null) => (text ?? '').replace(/\s/g, ' ');

function amount(name: string): string {
  return plain(screen.getByRole('status', { name }).textContent);
}

describe('the totals', () => {
  it('formats euros the Dutch way', () => {
    renderTill(<TotalsPanel sale={totals({})} pricing={false} />);
    expect(amount('Subtotal')).toBe('€ 21,94');
    expect(amount('10 % off for members')).toBe('€ -2,19');
    expect(amount('Discount')).toBe('€ -2,19');
    expect(amount('Total to pay')).toBe('€ 19,75');
  });

  it('formats yen without decimals', () => {
    renderTill(
      <TotalsPanel
        sale={totals({
          totals: { gross: 15_000, discount: 1_500, net: 13_500 },
          applied: [{ ...tenPercent, discount: 1_500 }],
          currency: 'JPY',
          locale: 'ja-JP',
        })}
        pricing={false}
      />,
    );
    expect(amount('Subtotal')).toBe(plain(formatMoney(15_000, 'JPY', 'ja-JP')));
    expect(amount('Subtotal')).toMatch(/^[¥￥]15,000$/);
    expect(amount('Total to pay')).toMatch(/^[¥￥]13,500$/);
    expect(amount('Discount')).toMatch(/^-[¥￥]1,500$/);
  });

  it('follows the locale for the same currency', () => {
    renderTill(<TotalsPanel sale={totals({ locale: 'de-DE' })} pricing={false} />);
    expect(amount('Total to pay')).toBe('19,75 €');
  });

  it('says Pricing… while a price is in flight, keeping the last figures in place', () => {
    renderTill(<TotalsPanel sale={totals({})} pricing />);
    const region = screen.getByRole('region', { name: 'Totals' });
    expect(within(region).getByText('Pricing…')).toBeInTheDocument();
    expect(amount('Total to pay')).toBe('€ 19,75');
    expect(region).toHaveAttribute('aria-busy', 'true');
  });

  it('while the engine price is on its way, shows the shelf total before discounts and says it waits', () => {
    renderTill(
      <TotalsPanel
        sale={totals({
          totals: { gross: 2194, discount: 0, net: 2194 },
          pricedBy: 'local',
          pricing: { state: 'waiting', since: '2026-11-23T13:05:00.000Z' },
        })}
        pricing={false}
      />,
    );
    const region = screen.getByRole('region', { name: 'Totals' });
    expect(within(region).getByText(WAITING_TEXT)).toBeInTheDocument();
    expect(within(region).getByText('before discounts')).toBeInTheDocument();
    expect(amount('Total to pay')).toBe('€ 21,94');
    expect(screen.queryByRole('status', { name: 'Discount' })).not.toBeInTheDocument();
    expect(screen.queryByRole('status', { name: '10 % off for members' })).not.toBeInTheDocument();
    expect(region).toHaveAttribute('aria-busy', 'true');
  });

  it('says Confirming payment… while the payment is being confirmed, not Pricing…', () => {
    renderTill(<TotalsPanel sale={totals({})} pricing confirming />);
    const region = screen.getByRole('region', { name: 'Totals' });
    expect(within(region).getByText('Confirming payment…')).toBeInTheDocument();
    expect(within(region).queryByText('Pricing…')).not.toBeInTheDocument();
    expect(region).toHaveAttribute('aria-busy', 'true');
  });
});
