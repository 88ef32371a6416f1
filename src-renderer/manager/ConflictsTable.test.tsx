import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { TillClient, TillOutput } from '../../src-shared/till';
import { createFakeTill } from '../../test-support/renderer/fake-till';
import { renderWithTill } from '../../test-support/renderer/render';
import { ManagerScreen } from './ManagerScreen';

type Conflicts = TillOutput<'manager/conflicts'>;
type Conflict = Conflicts['conflicts'][number];

/** Terminal 02's sale lost the voucher to terminal 01's. */
const LOST: Conflict = {
  id: 12,
  source: 'store',
  basketCode: 'S001-02-20261203-0001',
  reason: 'voucher_already_redeemed',
  message: 'voucher HONOUR-COFFEE-0003 was already redeemed',
  voucherRef: 'HONOUR-COFFEE-0003',
  createdAt: '2026-12-03T13:00:00.000Z',
  acknowledgedAt: null,
  acknowledgedBy: null,
  note: null,
  winner: { basketCode: 'S001-01-20261203-0001', storeCode: 'S001', terminalId: '01' },
  storeCode: 'S001',
  terminalId: '02',
};

async function signIn(client: TillClient, username: string, password: string) {
  const user = userEvent.setup();
  renderWithTill(<ManagerScreen />, client);
  // the words follow the language status/get gives, once it has answered
  await user.type(await screen.findByRole('textbox', { name: username }), 'manager-s001');
  await user.type(screen.getByLabelText(password), 'demo-manager{Enter}');
  return user;
}

describe('the sync conflicts of the store', () => {
  it('in Dutch: what happened, where, when, who won and what to do, acknowledged with a note', async () => {
    const till = createFakeTill({ status: { language: 'nl' } });
    let listed: Conflicts = { source: 'store', unreachable: null, conflicts: [LOST] };
    const acknowledged: unknown[] = [];
    const user = await signIn(
      {
        ...till.client,
        'manager/conflicts': () => Promise.resolve({ ok: true, value: listed }),
        'manager/acknowledge-conflict': (input) => {
          acknowledged.push(input);
          const done = {
            ...LOST,
            acknowledgedAt: '2026-12-03T14:00:00.000Z',
            acknowledgedBy: 'manager-s001',
            note: input.note ?? '',
          };
          listed = { ...listed, conflicts: [done] };
          return Promise.resolve({ ok: true, value: done });
        },
      },
      'Gebruikersnaam',
      'Wachtwoord',
    );
    expect(await screen.findByText('Aangemeld als manager-s001')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Synchronisatieconflicten' });
    const heads = within(table)
      .getAllByRole('columnheader')
      .map((head) => head.textContent);
    expect(heads).toEqual([
      'Wanneer',
      'Waar',
      'Mandje',
      'Voucher',
      'Wat er gebeurde',
      'Wat nu te doen',
    ]);
    const row = await within(table).findByRole('row', { name: /S001-02-20261203-0001/ });
    expect(row).toHaveTextContent('Kassa 02, winkel S001');
    expect(row).toHaveTextContent('Voucher al ingewisseld');
    expect(row).toHaveTextContent(
      'Eerst ingewisseld door verkoop S001-01-20261203-0001 op kassa 01.',
    );
    expect(row).toHaveTextContent('vertel het de klant als die terugkomt');
    expect(row).toHaveTextContent('HONOUR-COFFEE-0003');

    await user.click(within(row).getByRole('button', { name: 'Bevestigen' }));
    const dialog = screen.getByRole('dialog', {
      name: 'Het conflict van verkoop S001-02-20261203-0001 bevestigen',
    });
    await user.type(
      within(dialog).getByRole('textbox', { name: 'Notitie (optioneel)' }),
      'klant gebeld{Enter}',
    );
    expect(await within(table).findByText('Bevestigd door manager-s001')).toBeInTheDocument();
    expect(within(table).getByText('Notitie: klant gebeld', { exact: false })).toBeInTheDocument();
    expect(within(table).getByText('Afgehandeld.')).toBeInTheDocument();
    expect(acknowledged).toEqual([{ conflictId: 12, note: 'klant gebeld', source: 'store' }]);
  });

  it('with the engine away, says the list is this till’s own and acknowledges in the till', async () => {
    const till = createFakeTill();
    const own: Conflict = { ...LOST, id: 3, source: 'till', winner: null, terminalId: '01' };
    const acknowledged: unknown[] = [];
    const user = await signIn(
      {
        ...till.client,
        'manager/conflicts': () =>
          Promise.resolve({
            ok: true,
            value: { source: 'till', unreachable: 'the engine is away', conflicts: [own] },
          }),
        'manager/acknowledge-conflict': (input) => {
          acknowledged.push(input);
          return Promise.resolve({ ok: true, value: own });
        },
      },
      'Username',
      'Password',
    );
    const table = await screen.findByRole('table', { name: 'Sync conflicts' });
    expect(
      await screen.findByText(/The voucher engine cannot be reached: these are only the conflicts/),
    ).toBeInTheDocument();
    const row = await within(table).findByRole('row', { name: /S001-02-20261203-0001/ });
    expect(row).not.toHaveTextContent('Redeemed first by');
    await user.click(within(row).getByRole('button', { name: 'Acknowledge' }));
    await user.click(
      within(screen.getByRole('dialog')).getByRole('button', { name: 'Acknowledge' }),
    );
    expect(acknowledged).toEqual([{ conflictId: 3, note: '', source: 'till' }]);
  });
});
