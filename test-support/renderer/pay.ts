import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';

/** `Confirm payment`, then in the tender panel the exact amount in cash and its `Confirm payment`. */
export async function confirmPaidInCash(user: UserEvent): Promise<void> {
  await user.click(screen.getByRole('button', { name: 'Confirm payment' }));
  const panel = await screen.findByRole('dialog', { name: 'Payment' });
  await user.click(within(panel).getByRole('button', { name: 'Cash' }));
  await user.click(within(panel).getByRole('button', { name: 'Confirm payment' }));
}
