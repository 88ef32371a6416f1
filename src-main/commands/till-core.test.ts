import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { locksToRelease, rememberLocksToRelease } from '../store';
import { manualSchedule } from '../../test-support/till/manual-schedule';
import {
  pricedEmpty,
  scriptedCore,
  unavailable,
  type ScriptedCore,
} from '../../test-support/till/scripted-core';
import {
  createTillCore,
  HELD_RECHECK_INTERVAL_MS,
  LOCK_RELEASE_INTERVAL_MS,
  type TillCore,
} from './till-core';

let core: ScriptedCore;
let till: TillCore | undefined;
beforeEach(() => {
  core = scriptedCore();
});
afterEach(() => {
  till?.close();
  till = undefined;
  core.dispose();
});

const BASKET = 'S001-01-20261123-0001';
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('the till core', () => {
  it('while online, releases the locks it was not told about on a periodic pass, until the engine answers', async () => {
    const timers = manualSchedule();
    const { context, loaded } = core;
    till = createTillCore({
      config: context.config,
      store: context.db,
      engine: context.engine,
      log: context.log,
      connectivity: core.connectivity,
      configSource: { loaded, env: {} },
      schedule: timers.schedule,
    });
    // the lock release, and the recheck of sales refused a voucher held elsewhere
    expect([...timers.pending()].sort()).toEqual(
      [LOCK_RELEASE_INTERVAL_MS, HELD_RECHECK_INTERVAL_MS].sort(),
    );
    rememberLocksToRelease(context.db, BASKET, new Date(1_000));

    core.answers.push(() => Promise.resolve(unavailable('timeout')));
    timers.fireAll();
    await settle();
    expect(core.priced.map((sale) => sale.basketCode)).toEqual([BASKET]);
    expect(locksToRelease(context.db)).toEqual([BASKET]);

    core.answers.push(() => Promise.resolve(pricedEmpty));
    timers.fireAll();
    await settle();
    expect(core.priced).toHaveLength(2);
    expect(locksToRelease(context.db)).toEqual([]);

    // nothing left to release: the pass asks the engine nothing
    timers.fireAll();
    await settle();
    expect(core.priced).toHaveLength(2);
    // the lock release, and the recheck of sales refused a voucher held elsewhere
    expect([...timers.pending()].sort()).toEqual(
      [LOCK_RELEASE_INTERVAL_MS, HELD_RECHECK_INTERVAL_MS].sort(),
    );
  });
});
