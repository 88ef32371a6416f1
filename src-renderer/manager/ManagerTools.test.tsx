import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { TillClient, TillOutput } from '../../src-shared/till';
import { createFakeTill } from '../../test-support/renderer/fake-till';
import { renderWithTill } from '../../test-support/renderer/render';
import { ManagerScreen } from './ManagerScreen';

type Locked = TillOutput<'manager/locked-vouchers'>;
type Conflicts = TillOutput<'manager/conflicts'>;

const held = (code: string, basketCode: string): Locked[number] => ({
  voucherKey: code.toLowerCase().padEnd(64, '0'),
  code,
  type: 'honour',
  ownerMemberNumber: null,
  basketCode,
  lockedUntil: '2099-01-01T12:05:00.000Z',
});

const CONFLICT: Conflicts['conflicts'][number] = {
  id: 7,
  source: 'store',
  basketCode: 'S001-01-20261123-0004',
  reason: 'voucher_already_redeemed',
  message: 'voucher HONOUR-TEA-0002 was already redeemed by basket S001-02-20261123-0001',
  voucherRef: 'HONOUR-TEA-0002',
  createdAt: '2026-11-23T13:00:00.000Z',
  acknowledgedAt: null,
  acknowledgedBy: null,
  note: null,
  winner: { basketCode: 'S001-02-20261123-0001', storeCode: 'S001', terminalId: '02' },
  storeCode: 'S001',
  terminalId: '01',
};

const storeList = (conflicts: Conflicts['conflicts']): Conflicts => ({
  source: 'store',
  unreachable: null,
  conflicts,
});

async function signIn(client: TillClient) {
  const user = userEvent.setup();
  renderWithTill(<ManagerScreen />, client);
  await user.type(screen.getByRole('textbox', { name: 'Username' }), 'manager-s001');
  await user.type(screen.getByLabelText('Password'), 'demo-manager{Enter}');
  expect(await screen.findByText('Signed in as manager-s001')).toBeInTheDocument();
  return user;
}

describe('the manager tools', () => {
  it('groups held vouchers by sale and frees a whole sale with a preset reason', async () => {
    const till = createFakeTill();
    let locked: Locked = [
      held('HONOUR-A', 'S001-02-0007'),
      held('HONOUR-B', 'S001-03-0001'),
      held('HONOUR-C', 'S001-02-0007'),
    ];
    const user = await signIn({
      ...till.client,
      'manager/locked-vouchers': () => Promise.resolve({ ok: true, value: locked }),
      'manager/unlock-basket': async (input) => {
        const answer = await till.client['manager/unlock-basket'](input);
        locked = locked.filter((voucher) => voucher.basketCode !== input.basketCode);
        return answer.ok
          ? {
              ok: true,
              value: {
                basketCode: input.basketCode,
                freed: [held('HONOUR-A', input.basketCode), held('HONOUR-C', input.basketCode)],
                failed: [],
              },
            }
          : answer;
      },
    });
    const table = screen.getByRole('table', { name: 'Locked vouchers' });
    const group = await within(table).findByRole('rowheader', { name: /Sale S001-02-0007/ });
    expect(group).toHaveTextContent('Sale S001-02-0007: 2 vouchers');
    expect(within(table).getByRole('rowheader', { name: /Sale S001-03-0001/ })).toHaveTextContent(
      '1 voucher',
    );

    await user.click(
      within(table).getByRole('button', { name: 'Free every voucher of sale S001-02-0007' }),
    );
    const dialog = screen.getByRole('dialog', {
      name: 'Free every voucher of sale S001-02-0007',
    });
    expect(within(dialog).queryByRole('textbox', { name: 'Reason' })).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('radio', { name: 'Sale abandoned at another till' }));
    await user.click(within(dialog).getByRole('button', { name: 'Free them all' }));
    expect(await screen.findByRole('status')).toHaveTextContent(
      '2 vouchers of sale S001-02-0007 freed.',
    );
    expect(till.calls.filter((call) => call.name === 'manager/unlock-basket')).toEqual([
      {
        name: 'manager/unlock-basket',
        input: { basketCode: 'S001-02-0007', reason: 'Sale abandoned at another till' },
      },
    ]);
    expect(
      await within(table).findByRole('rowheader', { name: /Sale S001-03-0001/ }),
    ).toBeInTheDocument();
    expect(within(table).queryByText(/S001-02-0007/)).not.toBeInTheDocument();
  });

  it('filters the audit log by day and voucher code, and shows all again', async () => {
    const till = createFakeTill();
    const user = await signIn(till.client);
    const audit = screen.getByRole('form', { name: 'Filter the audit log' });
    await user.type(within(audit).getByLabelText('Day'), '2025-11-23');
    await user.type(within(audit).getByRole('textbox', { name: 'Voucher code' }), ' HONOUR-1 ');
    await user.click(within(audit).getByRole('button', { name: 'Show' }));
    expect(
      await screen.findByText('Nothing was recorded for this day or voucher.'),
    ).toBeInTheDocument();
    expect(till.calls.filter((call) => call.name === 'manager/audit-log').at(-1)?.input).toEqual({
      limit: 100,
      day: '2025-11-23',
      voucherCode: 'HONOUR-1',
    });
    await user.click(within(audit).getByRole('button', { name: 'Show all' }));
    expect(await screen.findByText('Nothing has been recorded yet.')).toBeInTheDocument();
    expect(till.calls.filter((call) => call.name === 'manager/audit-log').at(-1)?.input).toEqual({
      limit: 100,
    });
  });

  it('says what a conflict is, where and what to do, and acknowledges it with a note', async () => {
    const till = createFakeTill();
    let conflicts = storeList([CONFLICT]);
    const acknowledged: unknown[] = [];
    const user = await signIn({
      ...till.client,
      'manager/conflicts': () => Promise.resolve({ ok: true, value: conflicts }),
      'manager/acknowledge-conflict': (input) => {
        acknowledged.push(input);
        const done = {
          ...CONFLICT,
          acknowledgedAt: CONFLICT.createdAt,
          acknowledgedBy: 'manager-s001',
          note: input.note ?? '',
        };
        conflicts = storeList([done]);
        return Promise.resolve({ ok: true, value: done });
      },
    });
    const table = screen.getByRole('table', { name: 'Sync conflicts' });
    const row = await within(table).findByRole('row', { name: /S001-01-20261123-0004/ });
    expect(row).toHaveTextContent('Voucher already redeemed');
    expect(row).not.toHaveTextContent('voucher_already_redeemed');
    expect(row).toHaveTextContent('Till 01, store S001');
    expect(row).toHaveTextContent('HONOUR-TEA-0002');
    expect(row).toHaveTextContent('used at another till while this one was offline');
    expect(row).toHaveTextContent('Redeemed first by sale S001-02-20261123-0001 at till 02.');
    expect(table.closest('section')).toHaveTextContent(
      'The conflicts of every till in this store, from the voucher engine.',
    );

    await user.click(within(row).getByRole('button', { name: 'Acknowledge' }));
    const dialog = screen.getByRole('dialog', {
      name: 'Acknowledge the conflict of sale S001-01-20261123-0004',
    });
    await user.type(
      within(dialog).getByRole('textbox', { name: 'Note (optional)' }),
      ' customer told {Enter}',
    );
    expect(await within(table).findByText('Acknowledged by manager-s001')).toBeInTheDocument();
    expect(dialog).not.toBeInTheDocument();
    expect(within(table).queryByRole('button', { name: 'Acknowledge' })).not.toBeInTheDocument();
    expect(within(table).getByText('Note: customer told', { exact: false })).toBeInTheDocument();
    expect(acknowledged).toEqual([{ conflictId: 7, note: 'customer told', source: 'store' }]);
  });

  it('shows the chain’s reward pools with the codes left, and says when one runs low', async () => {
    const till = createFakeTill();
    await signIn({
      ...till.client,
      'manager/reward-pools': () =>
        Promise.resolve({
          ok: true,
          value: [
            {
              campaignId: 5,
              title: 'Cinema ticket',
              total: 20,
              unused: 3,
              threshold: 5,
              low: true,
            },
            { campaignId: 6, title: 'Museum pass', total: 10, unused: 8, threshold: 2, low: false },
            { campaignId: 7, title: 'Zoo day', total: 4, unused: 0, threshold: 1, low: true },
          ],
        }),
    });
    const table = screen.getByRole('table', { name: 'Reward pools' });
    const cinema = await within(table).findByRole('row', { name: /Cinema ticket/ });
    expect(cinema).toHaveTextContent('3');
    expect(cinema).toHaveTextContent('Low: 5 or fewer left');
    expect(within(table).getByRole('row', { name: /Museum pass/ })).toHaveTextContent('Enough');
    expect(within(table).getByRole('row', { name: /Zoo day/ })).toHaveTextContent('None left');
  });
});
