import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeTill } from '../../test-support/renderer/fake-till';
import { renderWithTill } from '../../test-support/renderer/render';
import { StatusBar } from './StatusBar';

describe('the status bar', () => {
  it('keeps engine jargon off the cashier’s screen: no engine address, no cache age', async () => {
    const till = createFakeTill({ status: { engineUrl: 'http://127.0.0.1:8400' } });
    renderWithTill(<StatusBar />, till.client);
    const bar = screen.getByRole('contentinfo', { name: 'Till status' });
    expect(await within(bar).findByText('Online')).toBeInTheDocument();
    expect(bar).toHaveTextContent('Store S001');
    expect(bar).not.toHaveTextContent('127.0.0.1');
    expect(bar).not.toHaveTextContent(/cache/i);
  });

  it('offline, says in plain words what still works', async () => {
    const till = createFakeTill({
      status: { online: false, honourCacheUpdatedAt: '2026-11-23T12:00:00.000Z' },
    });
    renderWithTill(<StatusBar />, till.client);
    const bar = screen.getByRole('contentinfo', { name: 'Till status' });
    expect(
      await within(bar).findByText('honour vouchers still work; sales are kept and sent later'),
    ).toBeInTheDocument();
    expect(within(bar).getByText('Offline')).toBeInTheDocument();
  });

  it('speaks Dutch on a Dutch till', async () => {
    const till = createFakeTill({
      status: {
        language: 'nl',
        online: false,
        honourCacheUpdatedAt: null,
        salesWaiting: 2,
        conflictsOpen: 1,
      },
    });
    renderWithTill(<StatusBar />, till.client);
    const bar = await screen.findByRole('contentinfo', { name: 'Kassastatus' });
    expect(within(bar).getByText('Offline')).toBeInTheDocument();
    expect(bar).toHaveTextContent(
      'verkopen worden bewaard en later verstuurd; honour-vouchers kunnen nog niet worden gecontroleerd',
    );
    expect(bar).toHaveTextContent('Winkel S001');
    expect(bar).toHaveTextContent('Kassa 01');
    expect(bar).toHaveTextContent('Wachtende verkopen: 2');
    expect(bar).toHaveTextContent('Synchronisatieconflicten: 1');
    expect(bar).not.toHaveTextContent('Store');
  });
});
