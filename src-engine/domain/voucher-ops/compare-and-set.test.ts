import { describe, expect, it } from 'vitest';
import { err, ok } from '../../../src-shared/result';
import {
  COMPARE_AND_SET_ATTEMPTS,
  LOST_RACE,
  retryLostRaces,
  type Attempt,
} from './compare-and-set';

/** An attempt that loses `losses` races, then answers 'done'; counts how often it was made. */
function losing(losses: number) {
  const made: number[] = [];
  const attempt = (number: number): Promise<Attempt<string>> => {
    made.push(number);
    return Promise.resolve(made.length <= losses ? err(LOST_RACE) : ok('done'));
  };
  return { attempt, made };
}

describe('the retry policy', () => {
  it.each([0, 1, COMPARE_AND_SET_ATTEMPTS - 1])(
    'an attempt that loses %i races is made again until it wins',
    async (losses) => {
      const { attempt, made } = losing(losses);
      expect(await retryLostRaces(attempt, () => 'voucher X')).toEqual(ok('done'));
      expect(made).toEqual(Array.from({ length: losses + 1 }, (_, n) => n + 1));
    },
  );

  it(`gives up after ${COMPARE_AND_SET_ATTEMPTS} lost races, naming what kept changing`, async () => {
    const { attempt, made } = losing(COMPARE_AND_SET_ATTEMPTS);
    expect(await retryLostRaces(attempt, () => 'voucher X')).toEqual(
      err({
        code: 'voucher_state_conflict',
        message: 'voucher X kept changing under this request; try again',
      }),
    );
    expect(made).toHaveLength(COMPARE_AND_SET_ATTEMPTS);
  });

  it('passes a refusal on at once', async () => {
    const made: number[] = [];
    const refused = await retryLostRaces(
      (number) => {
        made.push(number);
        return Promise.resolve(err({ code: 'voucher_expired' as const, message: 'expired' }));
      },
      () => 'voucher X',
    );
    expect(refused).toEqual(err({ code: 'voucher_expired', message: 'expired' }));
    expect(made).toEqual([1]);
  });
});
