import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { locksToRelease, rememberLocksToRelease } from '../store';
import {
  pricedEmpty,
  scriptedCore,
  unavailable,
  type ScriptedCore,
} from '../../test-support/till/scripted-core';
import { releaseLeftLocks } from './lock-release';

let core: ScriptedCore;
beforeEach(() => {
  core = scriptedCore();
});
afterEach(() => {
  core.dispose();
});

const A = 'S001-01-20261123-0001';
const B = 'S001-01-20261123-0002';
const C = 'S001-01-20261123-0003';
const remember = (...codes: string[]) => {
  codes.forEach((code, n) => {
    rememberLocksToRelease(core.context.db, code, new Date(1_000 + n));
  });
};
const nothingInFlight = () => false;

describe('releasing the locks of closed sales', () => {
  it('prices each basket empty and forgets it once the engine answered, oldest first', async () => {
    remember(A, B);
    core.answers.push(
      () => Promise.resolve(pricedEmpty),
      () => Promise.resolve(pricedEmpty),
    );
    await releaseLeftLocks(core.context, nothingInFlight);
    expect(core.priced.map((sale) => sale.basketCode)).toEqual([A, B]);
    expect(locksToRelease(core.context.db)).toEqual([]);
  });

  it('stops at the first basket without an answer, keeping it and the rest', async () => {
    remember(A, B);
    core.answers.push(() => Promise.resolve(unavailable('timeout')));
    await releaseLeftLocks(core.context, nothingInFlight);
    expect(core.priced).toHaveLength(1);
    expect(locksToRelease(core.context.db)).toEqual([A, B]);
  });

  it("leaves a basket whose own pricing is in flight to that pricing's answer", async () => {
    remember(A, B, C);
    core.answers.push(
      () => Promise.resolve(pricedEmpty),
      () => Promise.resolve(pricedEmpty),
    );
    await releaseLeftLocks(core.context, (basketCode) => basketCode === B);
    expect(core.priced.map((sale) => sale.basketCode)).toEqual([A, C]);
    expect(locksToRelease(core.context.db)).toEqual([B]);
  });

  it('offline, asks the engine nothing', async () => {
    remember(A);
    core.probeAnswers = false;
    await core.connectivity.probeNow();
    await releaseLeftLocks(core.context, nothingInFlight);
    expect(core.priced).toEqual([]);
    expect(locksToRelease(core.context.db)).toEqual([A]);
  });
});
