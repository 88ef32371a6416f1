import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createFakeTill } from '../../test-support/renderer/fake-till';
import { renderWithTill } from '../../test-support/renderer/render';
import { SaleScreen } from './SaleScreen';

function showSale() {
  const till = createFakeTill();
  renderWithTill(
    <SaleScreen receiptCode={null} onReceipt={() => undefined} onNewSale={() => undefined} />,
    till.client,
  );
  return till;
}

describe('counting and finding on the sale screen', () => {
  it('lists the products a typed name finds; picking one scans its barcode', async () => {
    const user = userEvent.setup({ delay: 80 });
    const till = showSale();
    const field = await screen.findByRole('textbox', { name: 'Scan or type a code' });
    await user.type(field, 'coffee{Enter}');
    const results = await screen.findByRole('dialog', { name: 'Products matching “coffee”' });
    expect(till.calls.map((call) => call.name)).not.toContain('sale/scan');
    await user.click(
      within(results).getByRole('button', { name: /^Coffee beans 1 kg, €\s14,95$/u }),
    );
    expect(await screen.findByRole('row', { name: /Coffee beans 1 kg/ })).toBeInTheDocument();
    expect(
      till.calls.filter((call) => call.name === 'sale/scan').map((call) => call.input),
    ).toEqual([expect.objectContaining({ code: '8712345000165' })]);
  });

  it('scans typed text no product is named by as a code', async () => {
    const user = userEvent.setup({ delay: 80 });
    const till = showSale();
    const field = await screen.findByRole('textbox', { name: 'Scan or type a code' });
    await user.type(field, 'DEMO-5EUR{Enter}');
    await screen.findByRole('textbox', { name: 'Scan or type a code' });
    await expect.poll(() => till.calls.map((call) => call.name)).toContain('sale/scan');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('asks the weight of an item sold by weight and sends it with the scan: 0,785 kg × € 1,99/kg', async () => {
    const user = userEvent.setup({ delay: null });
    const till = showSale();
    await screen.findByRole('textbox', { name: 'Scan or type a code' });
    await user.keyboard('8712345000172{Enter}');
    const weigh = await screen.findByRole('dialog', { name: 'Weight of Bananas (loose, per kg)' });
    await user.type(within(weigh).getByRole('textbox', { name: 'Weight in kg' }), '0,785{Enter}');
    const row = await screen.findByRole('row', { name: /Bananas/ });
    expect(row).toHaveTextContent('0,785 kg × € 1,99/kg');
    expect(row).toHaveTextContent('€ 1,56');
    expect(within(row).queryByRole('button', { name: /One more/ })).toBeNull();
    expect(till.calls.filter((call) => call.name === 'sale/scan').at(-1)?.input).toMatchObject({
      code: '8712345000172',
      quantity: 0.785,
    });
  });
});
