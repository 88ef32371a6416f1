import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createFakeTill } from '../../test-support/renderer/fake-till';
import { renderWithTill } from '../../test-support/renderer/render';
import { App } from '../app/App';
import { confirmPaidInCash } from '../../test-support/renderer/pay';

const COFFEE = '8712345000165';
const REMAINDER = {
  voucherKey: 'a'.repeat(64),
  code: 'REST-7Q2K-9D',
  amount: 384,
  expiresAt: '2027-01-31T12:00:00.000Z',
  ownerMemberNumber: '1000001',
  origin: 'remainder' as const,
  from: { voucherKey: 'b'.repeat(64), code: 'DEMO-5EUR' },
};
const RETURNED = {
  voucherKey: 'c'.repeat(64),
  code: null,
  amount: 250,
  expiresAt: null,
  ownerMemberNumber: '1000001',
  origin: 'return' as const,
  from: { voucherKey: 'd'.repeat(64), code: null },
};

async function confirmWith(vouchers: (typeof REMAINDER | typeof RETURNED)[]) {
  const till = createFakeTill();
  renderWithTill(<App />, till.client);
  await screen.findByText(till.sale().basketCode);
  const user = userEvent.setup();
  await user.type(screen.getByRole('textbox', { name: 'Scan or type a code' }), `${COFFEE}{Enter}`);
  await screen.findByText('Coffee beans 1 kg');
  till.issueOnConfirm(vouchers);
  await confirmPaidInCash(user);
  return screen.findByRole('region', { name: 'Receipt' });
}

describe('the receipt', () => {
  it('lists each voucher the engine issued: its code, value, expiry and where it came from', async () => {
    const receipt = await confirmWith([REMAINDER, RETURNED]);
    const items = within(
      within(receipt).getByRole('list', { name: 'Vouchers issued' }),
    ).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    const [rest, returned] = items;
    expect(rest).toHaveTextContent('REST-7Q2K-9D');
    expect(rest).toHaveTextContent('€ 3,84');
    expect(rest).toHaveTextContent('Rest of voucher DEMO-5EUR');
    expect(rest).toHaveTextContent('valid until 31-01-2027');
    expect(returned).toHaveTextContent('No code: on card 1000001');
    expect(returned).toHaveTextContent('€ 2,50');
    expect(returned).toHaveTextContent('Given back for a returned item');
    expect(returned).toHaveTextContent('no expiry');
  });

  it('shows no issued vouchers when the engine issued none', async () => {
    const receipt = await confirmWith([]);
    expect(within(receipt).queryByRole('list', { name: 'Vouchers issued' })).toBeNull();
  });
});
