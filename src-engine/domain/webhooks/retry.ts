/**
 * How long a failing delivery keeps being retried unless configured otherwise
 * (ENGINE_WEBHOOK_RETRY_SECONDS). A delivery is written with this provisional deadline;
 * the delivery worker, which knows the configured period, rewrites it when it first claims the
 * delivery, so the events recorded inside transactions need no configuration threaded to them.
 */
export const DEFAULT_WEBHOOK_RETRY_MS = 86_400_000;
