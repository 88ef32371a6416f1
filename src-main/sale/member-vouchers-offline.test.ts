import { describe, expect, it } from 'vitest';
import { lockedVoucher } from '../../test-support/till/engine-answers';
import { memberVoucherNotices } from './member-vouchers-offline';
import { addVoucherCode, newSale, setCustomer } from './sale-state';

const wire = lockedVoucher;

const member = addVoucherCode(setCustomer(newSale('S1', 'S1'), '1000001'), 'SCANNED-5');
const engine = {
  state: member,
  vouchers: [
    wire('SCANNED-5', 'basket', 'a'),
    wire('MEMBER-10', 'basket_pct', 'b', '10 % off for members'),
    wire('MEMBER-5', 'basket', 'c'),
  ],
};
const applied = (...keys: string[]) => ({
  applied: keys.map((key) => ({
    voucherKey: key.repeat(64),
    code: null,
    type: 'basket' as const,
    title: 'Voucher',
    discount: 100,
    amountRemaining: 0,
    honourCode: null,
    lockedUntil: null,
  })),
});

describe('memberVoucherNotices', () => {
  it('says for each of the member’s own vouchers left off that the till is offline and the voucher stays theirs', () => {
    const notices = memberVoucherNotices(member, engine, applied('c'));
    expect(notices).toEqual([
      {
        code: 'member_voucher_offline',
        message: expect.stringMatching(
          /^10 % off for members is not taken off: the till is offline .* It stays the customer's/,
        ) as unknown,
        params: {
          memberNumber: '1000001',
          title: '10 % off for members',
          voucherCode: 'MEMBER-10',
        },
      },
    ]);
  });

  it('online, with an engine that gave no usable answer, says that instead of offline', () => {
    const [left] = memberVoucherNotices(member, engine, applied('c'), 'no_usable_answer');
    expect(left?.message).toMatch(/the voucher engine gave no usable answer/);
    expect(left?.message).not.toMatch(/offline/);
    const [unknown] = memberVoucherNotices(
      setCustomer(member, '1000002'),
      null,
      applied(),
      'no_usable_answer',
    );
    expect(unknown?.message).toMatch(/^The voucher engine gave no usable answer/);
  });

  it('says nothing for a sale without a customer, or when every voucher of theirs is applied', () => {
    expect(memberVoucherNotices(newSale('S2', 'S2'), engine, applied())).toEqual([]);
    expect(memberVoucherNotices(member, engine, applied('b', 'c'))).toEqual([]);
  });

  it('says the customer’s vouchers cannot be looked up when the engine never priced them for this sale', () => {
    const other = setCustomer(member, '1000002');
    for (const last of [null, engine])
      expect(memberVoucherNotices(other, last, applied()).map((notice) => notice.code)).toEqual([
        'member_vouchers_offline',
      ]);
  });
});
