import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src-shared/i18n';
import { emptySale } from '../../test-support/renderer/fake-till';
import type { SaleView } from '../../src-shared/till';
import { TillFailure } from '../client/till-failure';
import { saleAlert } from './sale-alert';

const en = createTranslator({ language: 'en', locale: 'nl-NL', currency: 'EUR' }).t;
const nl = createTranslator({ language: 'nl', locale: 'nl-NL', currency: 'EUR' }).t;

type Refused = SaleView['rejected'][number];
type Notice = SaleView['notices'][number];

function refused(ref: string, overrides: Partial<Refused> = {}): Refused {
  return {
    ref,
    reason: 'voucher_offline_not_allowed',
    message: 'English words for the log',
    lockedUntil: null,
    words: overrides.reason ?? 'voucher_offline_not_allowed',
    params: { voucherCode: ref },
    scanned: true,
    ...overrides,
  };
}

const LOCK_END = '2025-11-23T13:04:30.000Z';
const free = new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit' }).format(
  new Date(LOCK_END),
);

const view = emptySale('S001-01-20251123-0001', {
  pricedBy: 'local',
  rejected: [
    refused('HONOUR-TEA-0001', {
      reason: 'voucher_already_redeemed',
      words: 'voucher_used_on_this_till',
      params: { voucherCode: 'HONOUR-TEA-0001', basketCode: 'S001-01-20251123-0000' },
    }),
    refused('DEMO-5EUR', {
      reason: 'voucher_locked',
      words: 'voucher_locked',
      lockedUntil: LOCK_END,
      params: {
        voucherCode: 'DEMO-5EUR',
        until: LOCK_END,
        basketCode: 'S001-02-20251123-0009',
        storeCode: 'S001',
        terminalId: '02',
      },
    }),
  ],
});
const scan = (code: string) => ({
  name: 'scan',
  status: 'success' as const,
  error: null,
  variables: { code },
});
const notice = (code: Notice['code'], params: Notice['params'] = {}): Notice => ({
  code,
  message: 'English words for the log',
  params,
});

describe('the sale alert after a scan the core refused', () => {
  it('says what happened and what to do next for the voucher just scanned', () => {
    expect(saleAlert(view, scan('honour-tea-0001'), false, en)).toEqual({
      tone: 'warning',
      lines: [
        'Voucher HONOUR-TEA-0001 was refused: This voucher was already used on this till, in sale S001-01-20251123-0000. Tell the customer it was used on an earlier sale; the sale goes on without it.',
      ],
    });
  });

  it('names the till that holds a voucher, until when, and that a manager can free it', () => {
    expect(saleAlert(view, scan('DEMO-5EUR'), false, en)?.lines).toEqual([
      `Voucher DEMO-5EUR was refused: This voucher is held for a sale on till 02 until ${free}. Wait until the hold ends, or ask a manager to free it (F2).`,
    ]);
  });

  it('says it in Dutch on a Dutch till', () => {
    expect(saleAlert(view, scan('DEMO-5EUR'), false, nl)?.lines).toEqual([
      `Voucher DEMO-5EUR is geweigerd: Deze voucher is tot ${free} vastgehouden voor een verkoop op kassa 02. Wacht tot de blokkering afloopt, of vraag een manager hem vrij te geven (F2).`,
    ]);
  });

  it('says a till refusal by its code, in the till language', () => {
    const failed = {
      name: 'scan',
      status: 'error' as const,
      error: new TillFailure({ code: 'sale_already_closed', message: 'Sale X is confirmed.' }),
      variables: { code: 'X' },
    };
    expect(saleAlert(view, failed, false, en)).toEqual({
      tone: 'danger',
      lines: ['This sale is already closed. Start a new sale.'],
    });
    expect(saleAlert(view, failed, false, nl)?.lines[0]).not.toContain('closed');
  });
});

describe('the sale alert while the till prices a sale itself', () => {
  const offline = notice('engine_unreachable');
  const offlineText =
    'The voucher engine cannot be reached. Go on selling: the till sells offline and sends the sale later.';
  const unknown = refused('HONOUR-NOT-KEPT', { words: 'voucher_unknown_offline' });
  const unknownText =
    'The till is offline and does not know this voucher code: offline it can only check the honour vouchers it keeps. Check the code with the customer; it can be checked once the till is online again.';

  it('tells a code unknown offline apart from a value voucher refused offline', () => {
    const sale = emptySale('S001-01-20251123-0002', {
      pricedBy: 'local',
      rejected: [unknown, refused('VALUE-5')],
      notices: [
        offline,
        notice('voucher_unknown_offline', {
          voucherCodes: 'HONOUR-NOT-KEPT',
          voucherCode: 'HONOUR-NOT-KEPT',
        }),
      ],
    });
    const lines = saleAlert(sale, scan('HONOUR-NOT-KEPT'), false, en)?.lines ?? [];
    expect(lines).toEqual([offlineText, `Voucher HONOUR-NOT-KEPT was refused: ${unknownText}`]);
    expect(saleAlert(sale, scan('VALUE-5'), false, en)?.lines.at(-1)).toBe(
      'Voucher VALUE-5 was refused: Value vouchers cannot be used while the till is offline. Keep the voucher for a later sale, or wait until the till is online again.',
    );
  });

  it('names the voucher a notice is about', () => {
    const sale = emptySale('S001-01-20251123-0003', {
      pricedBy: 'local',
      notices: [
        notice('member_voucher_offline', {
          voucherCode: 'DEMO-5EUR',
          title: '€5.00 off',
          memberNumber: '1234567',
        }),
      ],
    });
    expect(saleAlert(sale, undefined, false, en)?.lines).toEqual([
      "Voucher DEMO-5EUR: €5.00 off is not taken off: the voucher engine cannot check it now. It stays the customer's, and is applied once the engine is back (in this sale if it is still open).",
    ]);
  });

  it('writes the offline cap in money, and keeps it while another voucher is scanned', () => {
    const cap = notice('offline_value_cap', { perSale: 50, perDay: 200, leftToday: 200 });
    const sale = emptySale('S001-01-20251123-0004', {
      pricedBy: 'local',
      rejected: [unknown],
      notices: [offline, cap],
    });
    const lines = saleAlert(sale, scan('HONOUR-NOT-KEPT'), false, en)?.lines ?? [];
    expect(lines[1]?.replace(/\s/g, ' ')).toBe(
      "Offline, value vouchers may take off at most € 0,50 per sale and € 2,00 per day (€ 2,00 left today). The vouchers over that stay the customer's: they can be used once the till is online again.",
    );
    expect(lines).toHaveLength(3);
  });
});

describe('the sale alert after a void', () => {
  const voided = {
    name: 'void',
    status: 'success' as const,
    error: null,
    variables: { basketCode: 'S001-01-20251123-0007' },
  };

  it('confirms which sale was voided', () => {
    expect(saleAlert(emptySale('S001-01-20251123-0008'), voided, false, en)).toEqual({
      tone: 'info',
      lines: [
        'Sale voided: S001-01-20251123-0007. Its vouchers are free again; scan an item to start the next sale.',
      ],
    });
  });

  it('leaves it to the till to say the vouchers stay held when they do', () => {
    const next = emptySale('S001-01-20251123-0008', {
      notices: [notice('locks_not_released', { basketCode: 'S001-01-20251123-0007' })],
    });
    expect(saleAlert(next, voided, false, en)?.lines).toEqual([
      'Sale S001-01-20251123-0007 is void, but its vouchers stay held until the voucher engine answers. Nothing to do: the till frees them when the engine answers; a manager can free one now (F2).',
    ]);
  });
});

describe('the sale alert while the engine is slow', () => {
  it('says so before anything else', () => {
    expect(saleAlert(view, scan('DEMO-5EUR'), true, nl)?.lines).toEqual([
      'De voucherserver antwoordt traag…',
    ]);
  });
});
