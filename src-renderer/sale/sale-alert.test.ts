import { describe, expect, it } from 'vitest';
import { emptySale } from '../../test-support/renderer/fake-till';
import { saleAlert } from './sale-alert';

const view = emptySale('S001-01-20251123-0001', {
  pricedBy: 'local',
  rejected: [
    {
      ref: 'HONOUR-TEA-0001',
      reason: 'voucher_already_redeemed',
      message: 'This voucher was already used on this till, in sale S001-01-20251123-0000.',
      lockedUntil: null,
    },
    {
      ref: 'DEMO-5EUR',
      reason: 'voucher_locked',
      message: 'This voucher is held for another sale.',
      lockedUntil: '2025-11-23T13:04:30.000Z',
    },
  ],
});
const scan = (code: string) => ({
  name: 'scan',
  status: 'success' as const,
  error: null,
  variables: { code },
});
const clock = new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit' });

describe('the sale alert after a scan the core refused', () => {
  it('says the core’s own words for the voucher just scanned', () => {
    expect(saleAlert(view, scan('honour-tea-0001'), false)).toEqual({
      tone: 'warning',
      lines: [
        'Voucher HONOUR-TEA-0001 was refused: This voucher was already used on this till, in sale S001-01-20251123-0000.',
      ],
    });
  });

  it('adds when a voucher held elsewhere is free again', () => {
    const free = clock.format(new Date('2025-11-23T13:04:30.000Z'));
    expect(saleAlert(view, scan('DEMO-5EUR'), false)?.lines).toEqual([
      `Voucher DEMO-5EUR was refused: This voucher is held for another sale. It is free again at ${free}.`,
    ]);
  });
});
