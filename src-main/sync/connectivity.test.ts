import { describe, expect, it } from 'vitest';
import { createConnectivity } from './connectivity';
import { manualSchedule, silentLog } from '../../test-support/till/manual-schedule';

function setup(answers: boolean[]) {
  const timers = manualSchedule();
  let probes = 0;
  const connectivity = createConnectivity({
    probe: () => {
      probes += 1;
      return Promise.resolve(answers.shift() ?? false);
    },
    probeIntervalMs: 3000,
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
  it('starts online and does not probe while the engine answers', () => {
    const { connectivity, timers, probes } = setup([]);
    expect(connectivity.isOnline()).toBe(true);
    connectivity.reportAnswered();
    expect(timers.pending()).toEqual([]);
    expect(probes()).toBe(0);
  });

  it('goes offline at once on an unreachable call and probes in the background until the engine answers', async () => {
    const { connectivity, timers, changes, probes } = setup([false, true]);
    connectivity.reportUnreachable();
    connectivity.reportUnreachable();
    expect(connectivity.isOnline()).toBe(false);
    expect(timers.pending()).toEqual([3000]);

    timers.fireAll();
    await settle();
    expect(probes()).toBe(1);
    expect(connectivity.isOnline()).toBe(false);
    expect(timers.pending()).toEqual([3000]);

    timers.fireAll();
    await settle();
    expect(probes()).toBe(2);
    expect(connectivity.isOnline()).toBe(true);
    expect(timers.pending()).toEqual([]);
    expect(changes).toEqual([false, true]);
  });

  it('any answer from another call brings it back and cancels the probe', () => {
    const { connectivity, timers, changes } = setup([]);
    connectivity.reportUnreachable();
    connectivity.reportAnswered();
    expect(connectivity.isOnline()).toBe(true);
    expect(timers.pending()).toEqual([]);
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
      probeIntervalMs: 3000,
      log: silentLog,
      schedule: timers.schedule,
    });
    const [a, b] = await Promise.all([connectivity.probeNow(), connectivity.probeNow()]);
    expect([a, b, calls]).toEqual([false, false, 1]);
    expect(timers.pending()).toEqual([3000]);
    connectivity.stop();
    expect(timers.pending()).toEqual([]);
  });

  it('a listener that throws does not stop the others', () => {
    const { connectivity, changes } = setup([]);
    connectivity.onChange(() => {
      throw new Error('bad listener');
    });
    const unsubscribe = connectivity.onChange((online) => changes.push(!online));
    connectivity.reportUnreachable();
    unsubscribe();
    connectivity.reportAnswered();
    expect(changes).toEqual([false, true, true]);
  });
});
