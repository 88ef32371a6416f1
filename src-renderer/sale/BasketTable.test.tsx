import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SaleView } from '../../src-shared/till';
import { createFakeTill } from '../../test-support/renderer/fake-till';
import { renderWithTill } from '../../test-support/renderer/render';
import { BasketTable } from './BasketTable';

const LINE: SaleView['lines'][number] = {
  lineId: 'line_1',
  barcode: '8712345000134',
  name: 'Croissant',
  quantity: 1,
  unit: 'piece',
  unitPrice: 145,
  gross: 145,
  discount: 0,
  net: 145,
  excluded: false,
  shares: [],
};

function showBasket(pricing: SaleView['pricing']) {
  const sale = { lines: [LINE], applied: [], currency: 'EUR', locale: 'nl-NL', pricing };
  renderWithTill(
    <BasketTable sale={sale} onQuantity={() => undefined} onRemove={() => undefined} />,
    createFakeTill().client,
  );
  return screen.getByRole('row', { name: /Croissant/ });
}

describe('a scanned line while the engine prices', () => {
  it('shows at once at its shelf price, marked as waiting for the engine’s price', async () => {
    const row = showBasket({ state: 'waiting', since: '2026-12-03T12:00:00.000Z' });
    expect(await within(row).findByText('Waiting for the engine’s price')).toBeInTheDocument();
    expect(row).toHaveTextContent('€ 1,45');
  });

  it('loses the mark once priced', () => {
    const row = showBasket({ state: 'priced' });
    expect(within(row).queryByText('Waiting for the engine’s price')).toBeNull();
  });
});
