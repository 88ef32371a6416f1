import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { en } from '../../src-shared/i18n';
import { WAITING_TEXT } from '../sale/TotalsPanel';
import { createFakeTill } from '../../test-support/renderer/fake-till';
import { renderWithTill } from '../../test-support/renderer/render';
import { App } from './App';
import { confirmPaidInCash } from '../../test-support/renderer/pay';

const COFFEE = '8712345000165';
const SLOW_MESSAGE = en.screens.sale.alert.slow;

async function openTill() {
  const till = createFakeTill();
  renderWithTill(<App />, till.client);
  await screen.findByText(till.sale().basketCode);
  return till;
}

describe('the till', () => {
  afterEach(() => {
    vi.useRealTimers();
    performance.clearMeasures();
  });

  it('opens on the sale, ready to scan, with the status bar', async () => {
    await openTill();
    expect(screen.getByRole('heading', { name: 'Sale' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Scan or type a code' })).toHaveFocus();
    expect(screen.getByRole('table', { name: 'Basket' })).toHaveTextContent(
      'Scan an item to start the sale.',
    );
    const status = screen.getByRole('contentinfo', { name: 'Till status' });
    expect(await within(status).findByText('Online')).toBeInTheDocument();
    expect(status).toHaveTextContent('Store S001');
    expect(status).toHaveTextContent('Terminal 01');
    expect(status).toHaveTextContent('Sales waiting: 0');
  });

  it('scans a burst that arrives while the Void button has focus, without voiding', async () => {
    const till = await openTill();
    const user = userEvent.setup({ delay: null });
    screen.getByRole('button', { name: 'Void sale' }).focus();

    await user.keyboard(`${COFFEE}{Enter}`);

    const row = await within(screen.getByRole('table', { name: 'Basket' })).findByRole('row', {
      name: /Coffee beans 1 kg/,
    });
    expect(row).toHaveTextContent('€ 14,95');
    expect(till.calls.filter((call) => call.name === 'sale/scan')).toEqual([
      { name: 'sale/scan', input: { saleId: till.sale().saleId, code: COFFEE } },
    ]);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(till.calls.some((call) => call.name === 'sale/void')).toBe(false);
    expect(performance.getEntriesByName('scan-to-total')).toHaveLength(1);
  });

  it('says in plain words when a barcode is unknown', async () => {
    await openTill();
    const user = userEvent.setup({ delay: null });
    await user.keyboard('8712345999990{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Barcode 8712345999990 is not in the catalogue',
    );
  });

  it('tells the cashier when the engine is slow, after five seconds and not before', async () => {
    const till = await openTill();
    const engine = till.stallScans();
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout', 'clearTimeout'] });
    const user = userEvent.setup({ delay: null });
    await user.keyboard(`${COFFEE}{Enter}`);
    expect(await screen.findByText('Pricing…')).toBeInTheDocument();

    await act(() => vi.advanceTimersByTimeAsync(4_000));
    expect(screen.queryByText(SLOW_MESSAGE)).not.toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(1_500));
    expect(screen.getByRole('alert')).toHaveTextContent(SLOW_MESSAGE);

    engine.release();
    await vi.waitFor(() => {
      expect(screen.queryByText(SLOW_MESSAGE)).not.toBeInTheDocument();
    });
  });

  it('shows a scanned line at once while the engine prices it, says the engine is slow after five seconds of waiting, and shows the price when it comes', async () => {
    const till = await openTill();
    const engine = till.delayPricing();
    vi.useFakeTimers({
      shouldAdvanceTime: true,
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
    });
    const user = userEvent.setup({ delay: null });
    await user.keyboard(`${COFFEE}{Enter}`);
    expect(
      await within(screen.getByRole('table', { name: 'Basket' })).findByRole('row', {
        name: /Coffee beans 1 kg/,
      }),
    ).toHaveTextContent('€ 14,95');
    expect(screen.getByText(WAITING_TEXT)).toBeInTheDocument();

    await act(() => vi.advanceTimersByTimeAsync(4_000));
    expect(screen.queryByText(SLOW_MESSAGE)).not.toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(1_500));
    expect(screen.getByRole('alert')).toHaveTextContent(SLOW_MESSAGE);

    engine.release();
    await act(() => vi.advanceTimersByTimeAsync(1_000));
    expect(screen.getByText('Discounts checked')).toBeInTheDocument();
    expect(screen.queryByText(SLOW_MESSAGE)).not.toBeInTheDocument();
    expect(screen.queryByText(WAITING_TEXT)).not.toBeInTheDocument();
  });

  it('confirms into a receipt, and New sale returns to an empty sale ready to scan', async () => {
    const till = await openTill();
    const user = userEvent.setup({ delay: null });
    await user.keyboard(`${COFFEE}{Enter}`);
    await screen.findByRole('row', { name: /Coffee beans 1 kg/ });
    const paid = till.sale().basketCode;

    await confirmPaidInCash(user);

    const receipt = await screen.findByRole('region', { name: 'Receipt' });
    expect(within(receipt).getByRole('heading', { name: 'Receipt' })).toBeInTheDocument();
    expect(receipt).toHaveTextContent(paid);
    expect(within(receipt).getByRole('table', { name: 'Receipt lines' })).toHaveTextContent(
      'Coffee beans 1 kg',
    );
    expect(within(receipt).getByRole('status', { name: 'Total paid' })).toHaveTextContent(
      /€\s14,95/,
    );
    const newSale = screen.getByRole('button', { name: 'New sale' });
    expect(newSale).toHaveFocus();

    await user.click(newSale);
    expect(await screen.findByText(till.sale().basketCode)).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Receipt' })).not.toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Basket' })).toHaveTextContent(
      'Scan an item to start the sale.',
    );
    expect(screen.getByRole('textbox', { name: 'Scan or type a code' })).toHaveFocus();
  });

  it('starts the next sale with an item scanned on the receipt', async () => {
    const till = await openTill();
    const user = userEvent.setup({ delay: null });
    await user.keyboard(`${COFFEE}{Enter}`);
    await screen.findByRole('row', { name: /Coffee beans 1 kg/ });
    await confirmPaidInCash(user);
    expect(await screen.findByRole('button', { name: 'New sale' })).toHaveFocus();

    await user.keyboard('8712345000110{Enter}');

    expect(await screen.findByRole('row', { name: /Extra virgin olive oil/ })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Receipt' })).not.toBeInTheDocument();
    expect(screen.getByText(till.sale().basketCode)).toBeInTheDocument();
  });

  it('asks before voiding; Escape keeps selling', async () => {
    const till = await openTill();
    const user = userEvent.setup({ delay: null });
    await user.keyboard(`${COFFEE}{Enter}`);
    await screen.findByRole('row', { name: /Coffee beans 1 kg/ });

    await user.click(screen.getByRole('button', { name: 'Void sale' }));
    const dialog = screen.getByRole('dialog', { name: 'Void this sale?' });
    await user.keyboard('{Escape}');
    expect(dialog).not.toBeInTheDocument();
    expect(till.calls.some((call) => call.name === 'sale/void')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Void sale' }));
    await user.click(
      within(screen.getByRole('dialog', { name: 'Void this sale?' })).getByRole('button', {
        name: 'Void sale',
      }),
    );
    expect(await screen.findByText('Scan an item to start the sale.')).toBeInTheDocument();
    expect(till.calls.filter((call) => call.name === 'sale/void')).toHaveLength(1);
  });

  it('switches screens with F1, F2 and F3', async () => {
    await openTill();
    const user = userEvent.setup({ delay: null });
    const nav = screen.getByRole('navigation', { name: 'Screens' });
    expect(within(nav).getByRole('button', { name: 'Sale' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await user.keyboard('{F2}');
    expect(screen.getByRole('heading', { name: 'Manager' })).toBeInTheDocument();
    expect(within(nav).getByRole('button', { name: 'Manager' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await user.keyboard('{F3}');
    expect(screen.getByRole('heading', { name: 'Diagnostics' })).toBeInTheDocument();
    await user.keyboard('{F1}');
    expect(screen.getByRole('heading', { name: 'Sale' })).toBeInTheDocument();
  });
});
