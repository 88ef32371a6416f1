import { describe, expect, it } from 'vitest';
import { createConnectivity } from './connectivity';
import { manualSchedule, silentLog } from '../../test-support/till/manual-schedule';

const INTERVAL_MS = 1500;

function setup(answers: boolean[]) {
  const timers = manualSchedule();
  let probes = 0;
  const connectivity = createConnectivity({
    probe: () => {
      probes += 1;
      return Promise.resolve(answers.shift() ?? false);
    },
    probeIntervalMs: INTERVAL_MS,
    log: silentLog,
    schedule: timers.schedule,
  });
  const changes: boolean[] = [];
  connectivity.onChange((online) => changes.push(online));
  return { connectivity, timers, changes, probes: () => probes };
}

/** Lets the probe's promise chain settle. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('connectivity', () => {
  it('starts online and probes every interval while online too', async () => {
    const { connectivity, timers, probes } = setup([true, true]);
    expect(connectivity.isOnline()).toBe(true);
    expect(timers.pending()).toEqual([INTERVAL_MS]);
    timers.fireAll();
    await settle();
    timers.fireAll();
    await settle();
    expect(probes()).toBe(2);
    expect(connectivity.isOnline()).toBe(true);
    expect(timers.pending()).toEqual([INTERVAL_MS]);
  });

  it('goes offline on the first probe that fails while online (a black hole, with no call made)', async () => {
    const { connectivity, timers, changes } = setup([false]);
    timers.fireAll();
    await settle();
    expect(connectivity.isOnline()).toBe(false);
    expect(changes).toEqual([false]);
    expect(timers.pending()).toEqual([INTERVAL_MS]);
  });

  it('an engine call that answered restarts the wait: no probe while calls keep answering', async () => {
    const { connectivity, timers, probes } = setup([]);
    for (let call = 0; call < 5; call += 1) {
      connectivity.reportAnswered();
      expect(timers.pending()).toEqual([INTERVAL_MS]);
    }
    await settle();
    expect(probes()).toBe(0);
  });

  it('an unreachable call probes at once; offline only when the probe agrees', async () => {
    const { connectivity, timers, changes, probes } = setup([true, false]);
    connectivity.reportUnavailable();
    await settle();
    expect(probes()).toBe(1);
    expect(connectivity.isOnline()).toBe(true);
    connectivity.reportUnavailable();
    await settle();
    expect(probes()).toBe(2);
    expect(connectivity.isOnline()).toBe(false);
    // already offline: the scheduled probe is the only one
    connectivity.reportUnavailable();
    await settle();
    expect(probes()).toBe(2);
    expect(timers.pending()).toEqual([INTERVAL_MS]);
    expect(changes).toEqual([false]);
  });

  it('offline, it probes every interval until the engine answers', async () => {
    const { connectivity, timers, changes, probes } = setup([false, false, true]);
    await connectivity.probeNow();
    expect(connectivity.isOnline()).toBe(false);
    timers.fireAll();
    await settle();
    expect([probes(), connectivity.isOnline()]).toEqual([2, false]);
    timers.fireAll();
    await settle();
    expect([probes(), connectivity.isOnline()]).toEqual([3, true]);
    expect(changes).toEqual([false, true]);
  });

  it('a call that answers while a probe is out outweighs that probe failing', async () => {
    const timers = manualSchedule();
    let fail: (answered: boolean) => void = () => undefined;
    const connectivity = createConnectivity({
      probe: () => new Promise<boolean>((resolve) => (fail = resolve)),
      probeIntervalMs: INTERVAL_MS,
      log: silentLog,
      schedule: timers.schedule,
    });
    const probe = connectivity.probeNow();
    connectivity.reportAnswered();
    fail(false);
    expect(await probe).toBe(true);
    connectivity.stop();
  });

  it('any answer from another call brings it back', async () => {
    const { connectivity, changes } = setup([false]);
    await connectivity.probeNow();
    connectivity.reportAnswered();
    expect(connectivity.isOnline()).toBe(true);
    expect(changes).toEqual([false, true]);
  });

  it('probeNow shares one probe and says where it stands; a probe that throws counts as no answer', async () => {
    const timers = manualSchedule();
    let calls = 0;
    const connectivity = createConnectivity({
      probe: () => {
        calls += 1;
        return Promise.reject(new Error('boom'));
      },
      probeIntervalMs: INTERVAL_MS,
      log: silentLog,
      schedule: timers.schedule,
    });
    const [a, b] = await Promise.all([connectivity.probeNow(), connectivity.probeNow()]);
    expect([a, b, calls]).toEqual([false, false, 1]);
    expect(timers.pending()).toEqual([INTERVAL_MS]);
    connectivity.stop();
    expect(timers.pending()).toEqual([]);
  });

  it('a listener that throws does not stop the others', async () => {
    const { connectivity, changes } = setup([false]);
    connectivity.onChange(() => {
      throw new Error('bad listener');
    });
    const unsubscribe = connectivity.onChange((online) => changes.push(!online));
    await connectivity.probeNow();
    unsubscribe();
    connectivity.reportAnswered();
    expect(changes).toEqual([false, true, true]);
  });
});
