import { screen, waitFor } from '@testing-library/react';
import { useTranslation } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createFakeTill } from '../../test-support/renderer/fake-till';
import { renderWithTill } from '../../test-support/renderer/render';

function UnknownVoucherWords() {
  const { t } = useTranslation();
  return <p>{t('messages.voucher_not_found.what')}</p>;
}

describe('the screens speak the language the till is set up with', () => {
  it('Dutch when status/get says nl, and the page says so to screen readers', async () => {
    const till = createFakeTill({ status: { language: 'nl' } });
    renderWithTill(<UnknownVoucherWords />, till.client);
    expect(await screen.findByText('Er bestaat geen voucher met deze code.')).toBeInTheDocument();
    await waitFor(() => {
      expect(document.documentElement.lang).toBe('nl');
    });
  });

  it('English when it says en', async () => {
    const till = createFakeTill({ status: { language: 'en' } });
    renderWithTill(<UnknownVoucherWords />, till.client);
    expect(await screen.findByText('No voucher with this code exists.')).toBeInTheDocument();
    await waitFor(() => {
      expect(document.documentElement.lang).toBe('en');
    });
  });
});
