import { describe, expect, it } from 'vitest';
import { REJECTION_CODES } from '../pricing/reasons';
import {
  isNoticeCode,
  messageParams,
  NOTICE_CODES,
  placeOfBasket,
  REFUSAL_WORD_CODES,
} from './notices';
import { noticeView } from './views';

describe('notice codes', () => {
  it('are distinct, and every refusal reason is also a refusal word', () => {
    expect(new Set(NOTICE_CODES).size).toBe(NOTICE_CODES.length);
    for (const reason of REJECTION_CODES) expect(REFUSAL_WORD_CODES).toContain(reason);
  });

  it('are known by name, and free-form names are not', () => {
    expect(isNoticeCode('engine_too_slow')).toBe(true);
    expect(isNoticeCode('something_the_engine_made_up')).toBe(false);
  });

  it('a notice view takes a listed code with its params and refuses any other code', () => {
    const notice = {
      code: 'offline_value_cap',
      message: 'capped',
      params: { perSale: 1000, perDay: 5000, leftToday: 0 },
    };
    expect(noticeView.parse(notice)).toEqual(notice);
    expect(noticeView.safeParse({ ...notice, code: 'made_up' }).success).toBe(false);
    expect(messageParams.safeParse({ amount: 1.5 }).success).toBe(false);
    expect(messageParams.safeParse({ until: 'tomorrow' }).success).toBe(false);
  });
});

describe('placeOfBasket', () => {
  it('reads the store and the terminal out of a basket code', () => {
    expect(placeOfBasket('S001-02-20261123-0007')).toEqual({ storeCode: 'S001', terminalId: '02' });
  });

  it('knows nothing of a code of another shape', () => {
    expect(placeOfBasket('HOST-BASKET-1')).toBeNull();
  });
});
