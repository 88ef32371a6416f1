import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../src-shared/i18n';
import type { TillError } from '../../src-shared/till';
import { createFakeTill } from '../../test-support/renderer/fake-till';
import { renderWithTill } from '../../test-support/renderer/render';
import { ManagerScreen } from './ManagerScreen';

const PASSWORD_REFUSED: TillError = {
  code: 'forbidden',
  message: 'The voucher engine does not accept this password.',
};

/** The Manager screen of a till whose sign-in answers `error`, in `language`. */
function renderRefusedSignIn(language: Language, error: TillError) {
  const till = createFakeTill({ status: { language } });
  const user = userEvent.setup();
  renderWithTill(<ManagerScreen />, {
    ...till.client,
    'manager/sign-in': () => Promise.resolve({ ok: false, error }),
  });
  return user;
}

describe('the manager screen', () => {
  it('signs in, unlocks a held voucher with a reason, and shows it in the audit log', async () => {
    const till = createFakeTill();
    const user = userEvent.setup();
    renderWithTill(<ManagerScreen />, till.client);

    await user.type(screen.getByRole('textbox', { name: 'Username' }), 'manager-s001');
    await user.type(screen.getByLabelText('Password'), 'demo-manager{Enter}');
    expect(await screen.findByText('Signed in as manager-s001')).toBeInTheDocument();

    const locked = screen.getByRole('table', { name: 'Locked vouchers' });
    const row = await within(locked).findByRole('row', { name: /HONOUR-COFFEE-0004/ });
    expect(row).toHaveTextContent('S001-02-0007');
    expect(screen.getByRole('table', { name: 'Sync conflicts' })).toHaveTextContent(
      'No sync conflicts.',
    );

    await user.click(within(row).getByRole('button', { name: 'Unlock HONOUR-COFFEE-0004' }));
    const dialog = screen.getByRole('dialog', { name: 'Unlock voucher HONOUR-COFFEE-0004' });
    await user.click(within(dialog).getByRole('button', { name: 'Unlock' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('pick a reason');
    await user.click(within(dialog).getByRole('radio', { name: 'Other…' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Reason' }), 'x{Enter}');
    expect(within(dialog).getByRole('alert')).toHaveTextContent('at least three characters');
    expect(till.calls.some((call) => call.name === 'manager/unlock-voucher')).toBe(false);

    await user.type(
      within(dialog).getByRole('textbox', { name: 'Reason' }),
      ' till 02 froze{Enter}',
    );
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Voucher HONOUR-COFFEE-0004 unlocked.',
    );
    expect(dialog).not.toBeInTheDocument();
    expect(
      await within(locked).findByText('No vouchers are locked in this store.'),
    ).toBeInTheDocument();
    const audit = screen.getByRole('table', { name: 'Audit log' });
    const entry = await within(audit).findByRole('row', { name: /x till 02 froze/ });
    expect(entry).toHaveTextContent('manager-s001');
    expect(entry).toHaveTextContent('Freed a voucher');
    expect(entry).not.toHaveTextContent('unlock_voucher');
    expect(entry).toHaveTextContent('Till 01, store S001');
    expect(entry).toHaveTextContent('S001-02-0007');
    expect(within(entry).getByText('HONOUR-COFFEE-0004')).toHaveAttribute('title', 'c'.repeat(64));
    expect(entry).not.toHaveTextContent('c'.repeat(64));
  });

  it('signs the manager out when the screen is left, and not when nobody signed in', async () => {
    const till = createFakeTill();
    const user = userEvent.setup();
    const signOuts = () => till.calls.filter((call) => call.name === 'manager/sign-out').length;
    const unsigned = renderWithTill(<ManagerScreen />, till.client);
    unsigned.unmount();
    expect(signOuts()).toBe(0);

    const signed = renderWithTill(<ManagerScreen />, till.client);
    await user.type(screen.getByRole('textbox', { name: 'Username' }), 'manager-s001');
    await user.type(screen.getByLabelText('Password'), 'demo-manager{Enter}');
    expect(await screen.findByText('Signed in as manager-s001')).toBeInTheDocument();
    signed.unmount();
    expect(signOuts()).toBe(1);
  });

  it('shows a refused sign-in in an alert', async () => {
    const user = renderRefusedSignIn('en', PASSWORD_REFUSED);
    await user.type(screen.getByRole('textbox', { name: 'Username' }), 'manager-s001');
    await user.type(screen.getByLabelText('Password'), 'wrong{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The voucher engine does not accept this password.',
    );
    expect(screen.queryByText(/Signed in as/)).not.toBeInTheDocument();
  });

  it('says a refused sign-in in Dutch on a Dutch till, naming the account and the stores', async () => {
    const user = renderRefusedSignIn('nl', {
      code: 'forbidden',
      message:
        'mgr-s002 manages store S002; this till is in store S001. A manager of S001 or an admin must sign in.',
      words: 'account_of_another_store',
      params: { username: 'mgr-s002', managerStore: 'S002', storeCode: 'S001' },
    });
    await user.type(await screen.findByRole('textbox', { name: 'Gebruikersnaam' }), 'mgr-s002');
    await user.type(screen.getByLabelText('Wachtwoord'), 'demo-manager{Enter}');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'mgr-s002 beheert winkel S002; deze kassa staat in winkel S001. Een manager van S001 of een beheerder moet inloggen.',
    );
    expect(alert).not.toHaveTextContent('manages');
  });

  it('says a refusal without specific words by its code on a Dutch till', async () => {
    const user = renderRefusedSignIn('nl', PASSWORD_REFUSED);
    await user.type(await screen.findByRole('textbox', { name: 'Gebruikersnaam' }), 'mgr-s001');
    await user.type(screen.getByLabelText('Wachtwoord'), 'wrong{Enter}');
    const alert = await screen.findByRole('alert');
    expect(alert).not.toHaveTextContent('does not accept');
    expect(alert).toHaveTextContent(/\S/);
  });
});
