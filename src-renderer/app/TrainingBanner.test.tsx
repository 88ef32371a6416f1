import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { en, nl } from '../../src-shared/i18n';
import { createFakeTill } from '../../test-support/renderer/fake-till';
import { renderWithTill } from '../../test-support/renderer/render';
import { App } from './App';
import { confirmPaidInCash } from '../../test-support/renderer/pay';

const COFFEE = '8712345000165';

async function openTill(status: { trainingMode: boolean; language?: 'en' | 'nl' }) {
  const till = createFakeTill({ status });
  renderWithTill(<App />, till.client);
  await screen.findByText(till.sale().basketCode);
  return till;
}

describe('a till in training mode', () => {
  it('shows the training banner on the sale, receipt, manager and diagnostics screens', async () => {
    await openTill({ trainingMode: true });
    const user = userEvent.setup({ delay: null });
    const banner = await screen.findByRole('complementary', { name: 'Training mode' });
    expect(banner).toHaveTextContent('Training — not a real sale');

    await user.keyboard(`${COFFEE}{Enter}`);
    await screen.findByRole('row', { name: /Coffee beans 1 kg/ });
    await confirmPaidInCash(user);
    const receipt = await screen.findByRole('region', { name: 'Receipt' });
    expect(receipt).toHaveTextContent(en.screens.receipt.trainingMark);
    expect(within(receipt).getByRole('status', { name: 'Sync state' })).toHaveTextContent(
      'Training: not recorded',
    );
    expect(screen.getByRole('complementary', { name: 'Training mode' })).toBeInTheDocument();

    for (const name of ['Manager', 'Diagnostics']) {
      await user.click(
        within(screen.getByRole('navigation', { name: 'Screens' })).getByRole('button', {
          name: new RegExp(name),
        }),
      );
      expect(await screen.findByRole('heading', { name })).toBeInTheDocument();
      expect(screen.getByRole('complementary', { name: 'Training mode' })).toBeInTheDocument();
    }
  });

  it('says it in Dutch on a Dutch till', async () => {
    await openTill({ trainingMode: true, language: 'nl' });
    const banner = await screen.findByRole('complementary', { name: 'Oefenmodus' });
    expect(banner).toHaveTextContent(nl.screens.app.training.banner);
  });

  it('shows no banner, and a receipt without the mark, on a real till', async () => {
    await openTill({ trainingMode: false });
    const user = userEvent.setup({ delay: null });
    await user.keyboard(`${COFFEE}{Enter}`);
    await screen.findByRole('row', { name: /Coffee beans 1 kg/ });
    await confirmPaidInCash(user);
    const receipt = await screen.findByRole('region', { name: 'Receipt' });
    expect(within(receipt).getByRole('status', { name: 'Sync state' })).toHaveTextContent(
      'Recorded by the engine',
    );
    expect(receipt).not.toHaveTextContent(en.screens.receipt.trainingMark);
    expect(screen.queryByRole('complementary', { name: 'Training mode' })).not.toBeInTheDocument();
  });
});
