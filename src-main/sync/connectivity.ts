import type { TillLog } from '../log';
import { realSchedule, type Schedule } from './timers';

/** Whether the engine answers, as every part of the till sees it. */
export interface Connectivity {
  /** True while the engine answered last (a fresh till starts online-until-proven-otherwise). */
  isOnline(): boolean;
  /** An engine call failed as `unavailable` (timeout, refused, no usable answer): the till goes offline at once; a background probe brings it back. */
  reportUnreachable(): void;
  /** An engine call got an answer (any HTTP answer counts). */
  reportAnswered(): void;
  /** Called on every change between online and offline; returns the unsubscribe function. */
  onChange(listener: (online: boolean) => void): () => void;
}

export interface ConnectivityMonitor extends Connectivity {
  /** Probes the engine now (joining a probe under way); resolves with whether the till is online. */
  probeNow(): Promise<boolean>;
  /** Stops probing (the till is shutting down). */
  stop(): void;
}

export interface ConnectivityOptions {
  /** true when the engine answered at all (e.g. `(await engine.health()).ok`). */
  readonly probe: () => Promise<boolean>;
  /** How often to probe while offline. */
  readonly probeIntervalMs: number;
  readonly log: TillLog;
  readonly schedule?: Schedule;
}

/** While offline the engine is probed every few seconds in the background. */
export const PROBE_INTERVAL_MS = 3_000;

export function createConnectivity(options: ConnectivityOptions): ConnectivityMonitor {
  const schedule = options.schedule ?? realSchedule;
  const listeners = new Set<(online: boolean) => void>();
  let online = true;
  let stopped = false;
  let cancelProbe: (() => void) | null = null;
  let probing: Promise<boolean> | null = null;

  const set = (next: boolean) => {
    if (online === next) return;
    online = next;
    options.log.info({ online }, online ? 'the engine answers again' : 'the engine is offline');
    for (const listener of [...listeners]) {
      try {
        listener(online);
      } catch (error) {
        options.log.error({ err: error }, 'a connectivity listener failed');
      }
    }
  };

  const probeNow = (): Promise<boolean> => {
    probing ??= options
      .probe()
      .catch((error: unknown) => {
        options.log.error({ err: error }, 'the engine probe failed');
        return false;
      })
      .then((answered) => {
        probing = null;
        if (answered) reportAnswered();
        else reportUnreachable();
        return online;
      });
    return probing;
  };

  const scheduleProbe = () => {
    if (stopped || online || cancelProbe) return;
    cancelProbe = schedule(() => {
      cancelProbe = null;
      if (!stopped && !online) void probeNow();
    }, options.probeIntervalMs);
  };

  const reportAnswered = () => {
    cancelProbe?.();
    cancelProbe = null;
    set(true);
  };

  const reportUnreachable = () => {
    set(false);
    scheduleProbe();
  };

  return {
    isOnline: () => online,
    reportUnreachable,
    reportAnswered,
    onChange: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    probeNow,
    stop: () => {
      stopped = true;
      cancelProbe?.();
      cancelProbe = null;
    },
  };
}
