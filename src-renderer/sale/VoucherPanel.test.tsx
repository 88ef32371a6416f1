import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { REJECTION_CODES, rejectionMessage } from '../../src-shared/pricing/reasons';
import type { SaleView } from '../../src-shared/till';
import { refusalText } from './refusal-text';
import { VoucherPanel } from './VoucherPanel';

const NOW = Date.parse('2025-11-23T13:00:00.000Z');
/** 14:05 in Amsterdam (winter time), 4 min 30 s after NOW. */
const LOCK_END = '2025-11-23T13:04:30.000Z';
const clock = new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit' });
const lockEndClock = clock.format(new Date(LOCK_END));

type Applied = SaleView['applied'][number];

function applied(overrides: Partial<Applied>): Applied {
  return {
    voucherKey: 'a'.repeat(64),
    code: 'DEMO-5EUR',
    type: 'basket',
    title: '€5.00 off your next purchase',
    discount: 500,
    amountRemaining: 0,
    honourCode: null,
    lockedUntil: LOCK_END,
    ...overrides,
  };
}

function sale(overrides: Partial<Pick<SaleView, 'applied' | 'rejected'>>) {
  return { applied: [], rejected: [], currency: 'EUR', locale: 'nl-NL', ...overrides };
}

/** Refusals as the till core words them: the shared wording, or the core's own specific words. */
const CORE_WORDS = [
  {
    reason: 'voucher_offline_not_allowed',
    message:
      'HONOUR-TEA-0001 is not among the honour vouchers this till keeps for offline use; it can be checked once the engine is back.',
  },
  {
    reason: 'voucher_already_redeemed',
    message: 'This voucher was already used on this till, in sale S001-01-20251123-0004.',
  },
  {
    reason: 'voucher_offline_not_allowed',
    message:
      'Offline, value vouchers may take off at most €5.00 per sale and €8.00 per day (€3.00 left today). This voucher would go over that.',
  },
] as const;

describe('the refusal text', () => {
  it.each(REJECTION_CODES.map((code) => [code]))('is the core’s plain words for %s', (code) => {
    const message = rejectionMessage(code);
    expect(refusalText({ ref: 'X', reason: code, message, lockedUntil: null }, 'nl-NL')).toBe(
      message,
    );
    expect(message.length).toBeGreaterThan(10);
    expect(message).not.toContain('_');
  });

  it('says when a voucher held elsewhere is free again', () => {
    expect(
      refusalText(
        {
          ref: 'X',
          reason: 'voucher_locked',
          message: rejectionMessage('voucher_locked'),
          lockedUntil: LOCK_END,
        },
        'nl-NL',
      ),
    ).toBe(`This voucher is held for another sale. It is free again at ${lockEndClock}.`);
  });
});

describe('the voucher list', () => {
  it('shows every refusal reason in plain words, with the code and the lock end where one holds', () => {
    const rejected = REJECTION_CODES.map((reason, index) => ({
      ref: `CODE-${index}`,
      reason,
      message: rejectionMessage(reason),
      lockedUntil: reason === 'voucher_locked' ? LOCK_END : null,
    }));
    render(<VoucherPanel sale={sale({ rejected })} now={NOW} onRemove={vi.fn()} />);

    const items = within(screen.getByRole('list', { name: 'Refused vouchers' })).getAllByRole(
      'listitem',
    );
    expect(items).toHaveLength(REJECTION_CODES.length);
    REJECTION_CODES.forEach((reason, index) => {
      const item = items[index];
      const heldUntil = reason === 'voucher_locked' ? lockEndClock : null;
      expect(item).toHaveTextContent(`CODE-${index}`);
      expect(item).toHaveTextContent(
        heldUntil === null
          ? rejectionMessage(reason)
          : `${rejectionMessage(reason)} It is free again at ${heldUntil}.`,
      );
      expect(item).not.toHaveTextContent(reason);
    });
    expect(items[REJECTION_CODES.indexOf('voucher_locked')]).toHaveTextContent(lockEndClock);
  });

  it('shows the core’s own words for a refusal, never the generic words of its reason', () => {
    const rejected = CORE_WORDS.map(({ reason, message }, index) => ({
      ref: `CODE-${index}`,
      reason,
      message,
      lockedUntil: null,
    }));
    render(<VoucherPanel sale={sale({ rejected })} now={NOW} onRemove={vi.fn()} />);

    const items = within(screen.getByRole('list', { name: 'Refused vouchers' })).getAllByRole(
      'listitem',
    );
    CORE_WORDS.forEach(({ reason, message }, index) => {
      expect(items[index]).toHaveTextContent(message);
      expect(items[index]).not.toHaveTextContent(rejectionMessage(reason));
    });
  });

  it('shows an applied voucher with its discount and its hold counting down', () => {
    const { rerender } = render(
      <VoucherPanel sale={sale({ applied: [applied({})] })} now={NOW} onRemove={vi.fn()} />,
    );
    const item = within(screen.getByRole('list', { name: 'Applied vouchers' })).getByRole(
      'listitem',
    );
    expect(item).toHaveTextContent('€5.00 off your next purchase');
    expect(item).toHaveTextContent('DEMO-5EUR');
    expect(item).toHaveTextContent(/€\s-5,00/);
    expect(item).toHaveTextContent(`held for this sale until ${lockEndClock}`);
    expect(item).toHaveTextContent('4:30 left');

    rerender(
      <VoucherPanel
        sale={sale({ applied: [applied({})] })}
        now={NOW + 61_000}
        onRemove={vi.fn()}
      />,
    );
    expect(item).toHaveTextContent('3:29 left');
    expect(screen.queryByRole('list', { name: 'Refused vouchers' })).not.toBeInTheDocument();
  });

  it('says what to hand over for an honour voucher', () => {
    const honour = applied({
      code: 'HONOUR-COFFEE-0001',
      type: 'honour',
      title: 'Free coffee',
      discount: 0,
      honourCode: 'FREE-COFFEE',
    });
    render(<VoucherPanel sale={sale({ applied: [honour] })} now={NOW} onRemove={vi.fn()} />);
    expect(screen.getByRole('listitem')).toHaveTextContent('hand over FREE-COFFEE');
  });

  it('removes a voucher by its code', async () => {
    const onRemove = vi.fn<(ref: string) => void>();
    render(<VoucherPanel sale={sale({ applied: [applied({})] })} now={NOW} onRemove={onRemove} />);
    await userEvent.click(screen.getByRole('button', { name: 'Remove voucher DEMO-5EUR' }));
    expect(onRemove).toHaveBeenCalledWith('DEMO-5EUR');
  });
});
