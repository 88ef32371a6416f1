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

describe('the sale alert while the till prices a sale itself', () => {
  const offline = {
    code: 'engine_unreachable',
    message: 'The voucher engine cannot be reached: the till priced this sale itself.',
  };
  const notKept = {
    ref: 'HONOUR-NOT-KEPT',
    reason: 'voucher_offline_not_allowed' as const,
    message:
      'HONOUR-NOT-KEPT is not among the honour vouchers this till keeps for offline use; it can be checked once the engine is back.',
    lockedUntil: null,
  };
  const times = (text: string, words: string) => text.split(words).length - 1;

  it('says a refusal once, in its own words, leaving out the notice that names the same voucher', () => {
    const sale = emptySale('S001-01-20251123-0002', {
      pricedBy: 'local',
      rejected: [notKept],
      notices: [
        offline,
        {
          code: 'voucher_unknown_offline',
          message:
            'Offline, the till can only check the honour vouchers it keeps; not accepted: HONOUR-NOT-KEPT.',
        },
      ],
    });
    const lines = saleAlert(sale, scan('HONOUR-NOT-KEPT'), false)?.lines ?? [];
    expect(lines).toEqual([
      offline.message,
      `Voucher HONOUR-NOT-KEPT was refused: ${notKept.message}`,
    ]);
    expect(times(lines.join('\n'), 'HONOUR-NOT-KEPT')).toBe(2); // the line's name and the refusal's words
  });

  it('says the words a notice shares with the refusal once', () => {
    const never =
      'This till has never been online, so it cannot check vouchers: none can be accepted until it has reached the voucher engine once.';
    const sale = emptySale('S001-01-20251123-0003', {
      pricedBy: 'local',
      rejected: [{ ...notKept, ref: 'HONOUR-COFFEE-0001', message: never }],
      notices: [offline, { code: 'honour_cache_empty', message: never }],
    });
    const lines = saleAlert(sale, scan('HONOUR-COFFEE-0001'), false)?.lines ?? [];
    expect(times(lines.join('\n'), never)).toBe(1);
    expect(lines).toEqual([offline.message, `Voucher HONOUR-COFFEE-0001 was refused: ${never}`]);
  });

  it('keeps a notice about the sale while another voucher than the one it concerns is scanned', () => {
    const cap = {
      code: 'offline_value_cap',
      message: 'Offline, value vouchers may take off at most € 0,50 per sale.',
    };
    const sale = emptySale('S001-01-20251123-0004', {
      pricedBy: 'local',
      rejected: [
        notKept,
        {
          ...notKept,
          ref: 'VALUE-FIVE-OFF',
          message: `${cap.message} This voucher would go over that.`,
        },
      ],
      notices: [offline, cap],
    });
    expect(saleAlert(sale, scan('HONOUR-NOT-KEPT'), false)?.lines).toEqual([
      offline.message,
      cap.message,
      `Voucher HONOUR-NOT-KEPT was refused: ${notKept.message}`,
    ]);
  });

  it('says the offline cap once for the voucher just scanned that would go over it', () => {
    const cap =
      'Offline, value vouchers may take off at most € 0,50 per sale and € 2,00 per day (€ 2,00 left today).';
    const refused = `${cap} This voucher would go over that.`;
    const sale = emptySale('S001-01-20251123-0005', {
      pricedBy: 'local',
      rejected: [{ ...notKept, ref: 'VALUE-FIVE-OFF', message: refused }],
      notices: [offline, { code: 'offline_value_cap', message: cap }],
    });
    const lines = saleAlert(sale, scan('VALUE-FIVE-OFF'), false)?.lines ?? [];
    expect(times(lines.join('\n'), cap)).toBe(1);
    expect(lines).toEqual([offline.message, `Voucher VALUE-FIVE-OFF was refused: ${refused}`]);
  });
});
