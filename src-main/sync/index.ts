export {
  createConnectivity,
  PROBE_INTERVAL_MS,
  type Connectivity,
  type ConnectivityMonitor,
  type ConnectivityOptions,
} from './connectivity';
export { feedTrustOf } from './feed-trust';
export { pullHonourVouchers, type FeedTrust, type HonourPullOutcome } from './honour-sync';
export { sendOutbox, type OutboxRunOutcome, type ResumedConfirm } from './outbox-sender';
export { startSync, type RunningSync, type SyncOptions } from './start-sync';
export { backoffDelay, realSchedule, type Schedule } from './timers';
