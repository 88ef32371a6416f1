import type { TillLog } from '../log';
import { realSchedule, type Schedule } from './timers';

/** Whether the engine answers, as every part of the till sees it. */
export interface Connectivity {
  /**
   * True unless the probe last got no answer and no call has been answered since (a fresh till
   * starts online-until-proven-otherwise).
   */
  isOnline(): boolean;
  /**
   * An engine call failed as `unavailable` (timeout, refused, no usable answer). The till goes
   * offline only when the probe, sent at once, agrees: one slow call to an engine whose health
   * check answers is slow, not away.
   */
  reportUnavailable(): void;
  /** An engine call got a usable answer: the till is online, and the next probe can wait. */
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
  /** true when the engine gave a healthy answer, within a short limit of its own (`timeouts.probeMs`). */
  readonly probe: () => Promise<boolean>;
  /** The wait between probes, online and offline; an engine call that answers restarts it. */
  readonly probeIntervalMs: number;
  readonly log: TillLog;
  readonly schedule?: Schedule;
}

/**
 * The wait between probes. With the probe's own limit and the status bar's poll it bounds how
 * long the till shows a stale status (docs/architecture.md, "Offline and sync").
 */
export const PROBE_INTERVAL_MS = 1_500;

/**
 * The engine is probed in the background every `probeIntervalMs`, online and offline alike,
 * except while engine calls keep answering (each answer restarts the wait).
 */
export function createConnectivity(options: ConnectivityOptions): ConnectivityMonitor {
  const schedule = options.schedule ?? realSchedule;
  const listeners = new Set<(online: boolean) => void>();
  let online = true;
  let stopped = false;
  let cancelProbe: (() => void) | null = null;
  let probing: Promise<boolean> | null = null;
  // a call that answered while a probe was out outweighs that probe's failure
  let answeredDuringProbe = false;

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

  const scheduleProbe = () => {
    cancelProbe?.();
    cancelProbe = null;
    if (stopped) return;
    cancelProbe = schedule(() => {
      cancelProbe = null;
      void probeNow();
    }, options.probeIntervalMs);
  };

  const probeNow = (): Promise<boolean> => {
    if (probing) return probing;
    answeredDuringProbe = false;
    probing = options
      .probe()
      .catch((error: unknown) => {
        options.log.error({ err: error }, 'the engine probe failed');
        return false;
      })
      .then((answered) => {
        probing = null;
        set(answered || answeredDuringProbe);
        scheduleProbe();
        return online;
      });
    return probing;
  };

  const reportAnswered = () => {
    answeredDuringProbe = true;
    set(true);
    // the probe under way schedules the next one when it ends
    if (!probing) scheduleProbe();
  };

  const reportUnavailable = () => {
    if (online) void probeNow();
  };

  scheduleProbe();
  return {
    isOnline: () => online,
    reportUnavailable,
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
