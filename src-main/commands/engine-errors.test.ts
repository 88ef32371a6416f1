import { describe, expect, it } from 'vitest';
import type { EngineFailure, RejectionReason } from '../engine-client';
import { tillErrorOf } from './engine-errors';

const rejected = (reason: RejectionReason, description: string): EngineFailure => ({
  kind: 'rejected',
  reason,
  name: 'some_name',
  code: 1,
  description,
  message: `The voucher engine refused unlock-voucher: ${description} (some_name).`,
});

describe('an engine failure in the words of the till', () => {
  it('a refusal says what the engine said, once, ending as a sentence', () => {
    expect(tillErrorOf(rejected('refused', 'voucher already redeemed'), 'unlock')).toEqual({
      code: 'engine_rejected',
      message: 'The voucher engine refused the unlock: voucher already redeemed.',
      words: 'engine_refused',
      params: { errand: 'unlock', description: 'voucher already redeemed.' },
    });
    expect(tillErrorOf(rejected('retryable', 'try later.'), 'sale').message).toBe(
      'The voucher engine refused the sale: try later.',
    );
  });

  it('a missing right is forbidden; a missing thing is not found', () => {
    expect(tillErrorOf(rejected('forbidden', 'terminals may not unlock'), 'unlock')).toMatchObject({
      code: 'forbidden',
      message: 'The voucher engine does not allow the unlock: terminals may not unlock.',
    });
    expect(tillErrorOf(rejected('not_found', 'no such voucher'), 'unlock')).toMatchObject({
      code: 'not_found',
      message: 'The voucher engine refused the unlock: no such voucher.',
    });
  });

  it('an engine out of reach names what to try again, by code and in English', () => {
    expect(
      tillErrorOf({ kind: 'unavailable', cause: 'timeout', message: 'down' }, 'sign_in'),
    ).toEqual({
      code: 'engine_unreachable',
      message: 'The voucher engine cannot be reached just now; try the sign-in again in a moment.',
      words: 'engine_unreachable_for',
      params: { errand: 'sign_in' },
    });
  });

  it('an account the engine does not accept keeps the engine client’s account-specific words', () => {
    const message = 'The voucher engine does not accept the username or password of "m".';
    expect(tillErrorOf({ kind: 'unauthorized', message }, 'sign_in')).toEqual({
      code: 'forbidden',
      message,
    });
  });
});
