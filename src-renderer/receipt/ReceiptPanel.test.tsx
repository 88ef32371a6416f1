import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeTill } from '../../test-support/renderer/fake-till';
import { renderWithTill } from '../../test-support/renderer/render';
import { ReceiptPanel } from './ReceiptPanel';

function showReceipt(language: 'en' | 'nl') {
  const till = createFakeTill({ status: { language } });
  renderWithTill(
    <ReceiptPanel basketCode="S001-01-0001" onNewSale={() => undefined} onScan={() => undefined} />,
    till.client,
  );
}

describe('the receipt’s words', () => {
  it('in English, as they always were', async () => {
    showReceipt('en');
    expect(await screen.findByRole('heading', { name: 'Receipt' })).toBeInTheDocument();
    expect(await screen.findByRole('status', { name: 'Sync state' })).toHaveTextContent(
      'Recorded by the engine',
    );
    expect(screen.getByRole('table', { name: 'Receipt lines' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Vouchers and warnings' })).toHaveTextContent(
      'No vouchers were used.',
    );
    expect(screen.getByRole('button', { name: 'New sale' })).toBeInTheDocument();
    expect(screen.getByText(/^Paid and confirmed on /)).toBeInTheDocument();
  });

  it('in Dutch when the till speaks Dutch', async () => {
    showReceipt('nl');
    expect(await screen.findByRole('heading', { name: 'Bon' })).toBeInTheDocument();
    expect(await screen.findByRole('status', { name: 'Synchronisatie' })).toHaveTextContent(
      'Vastgelegd door de voucherserver',
    );
    const lines = screen.getByRole('table', { name: 'Regels van de bon' });
    expect(within(lines).getByRole('columnheader', { name: 'Artikel' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Vouchers en waarschuwingen' })).toHaveTextContent(
      'Er zijn geen vouchers gebruikt.',
    );
    expect(screen.getByRole('button', { name: 'Nieuwe verkoop' })).toBeInTheDocument();
    expect(screen.getByText(/^Betaald en bevestigd op /)).toBeInTheDocument();
    expect(screen.getByText('Totaal betaald')).toBeInTheDocument();
  });
});
