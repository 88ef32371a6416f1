import pLimit, { type LimitFunction } from 'p-limit';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Actor } from './actor';
import { tooManyAttempts, type Outcome } from './refusal';
import { ok } from '../../src-shared/result';

/** How hard the engine lets logins and code lookups be tried. Memory-held ones are per process. */
export interface AttemptLimitSettings {
  /** Failed logins in a row after which an account is locked out… */
  readonly accountFailures: number;
  /** …first for this long, doubling with each further failure up to `accountLockMaxMs`. */
  readonly accountLockMs: number;
  readonly accountLockMaxMs: number;
  /** Failed logins from one address within `addressWindowSeconds` before it is refused… */
  readonly addressFailures: number;
  readonly addressWindowSeconds: number;
  /** …for this long. */
  readonly addressBlockSeconds: number;
  /** Logins of one address in progress at once… */
  readonly loginsPerAddressAtOnce: number;
  /** …and waiting behind them; more are refused at once. */
  readonly loginsPerAddressWaiting: number;
  /** Password checks (scrypt) running at once across the engine… */
  readonly passwordChecksAtOnce: number;
  /** …and waiting at most; a login beyond is refused as busy. */
  readonly passwordChecksWaiting: number;
  /** Codes, vouchers or members a caller may name that do not exist, per `guessWindowSeconds`… */
  readonly guesses: number;
  readonly guessWindowSeconds: number;
  /** …before its lookups are refused for this long. */
  readonly guessBlockSeconds: number;
}

export const DEFAULT_ATTEMPT_LIMITS: AttemptLimitSettings = {
  accountFailures: 5,
  accountLockMs: 60_000,
  accountLockMaxMs: 3_600_000,
  addressFailures: 20,
  addressWindowSeconds: 300,
  addressBlockSeconds: 300,
  loginsPerAddressAtOnce: 2,
  loginsPerAddressWaiting: 8,
  passwordChecksAtOnce: 2,
  passwordChecksWaiting: 64,
  guesses: 30,
  guessWindowSeconds: 60,
  guessBlockSeconds: 60,
};

/** How long an account stays locked after `failures` failed logins in a row; 0: not locked. */
export function accountLockMs(settings: AttemptLimitSettings, failures: number): number {
  if (failures < settings.accountFailures) return 0;
  const doublings = Math.min(failures - settings.accountFailures, 30);
  return Math.min(settings.accountLockMs * 2 ** doublings, settings.accountLockMaxMs);
}

function blockedFor(limiter: RateLimiterMemory, key: string, points: number) {
  return async (): Promise<number | null> => {
    const state = await limiter.get(key);
    return state && state.consumedPoints >= points ? state.msBeforeNext : null;
  };
}

async function consumed(limiter: RateLimiterMemory, key: string, points = 1): Promise<void> {
  try {
    await limiter.consume(key, points);
  } catch (error) {
    // a rejection is the limiter saying the key has run out: what `blockedFor` reports next
    if (!(error instanceof RateLimiterRes)) throw error;
  }
}

/**
 * The engine's limits on trying: failed logins per address (the per-account lockout lives with
 * the account, in the database), password checks in flight, and lookups of things that do not
 * exist per caller (guessing codes or member numbers).
 */
export class AttemptLimits {
  private readonly addressFailures: RateLimiterMemory;
  private readonly guessMisses: RateLimiterMemory;
  private readonly checks: LimitFunction;
  private readonly addresses = new Map<string, LimitFunction>();

  constructor(readonly settings: AttemptLimitSettings = DEFAULT_ATTEMPT_LIMITS) {
    this.addressFailures = new RateLimiterMemory({
      points: settings.addressFailures,
      duration: settings.addressWindowSeconds,
      blockDuration: settings.addressBlockSeconds,
    });
    this.guessMisses = new RateLimiterMemory({
      points: settings.guesses,
      duration: settings.guessWindowSeconds,
      blockDuration: settings.guessBlockSeconds,
    });
    this.checks = pLimit(settings.passwordChecksAtOnce);
  }

  /**
   * Runs one login from `address` in its turn: refused at once while the address is blocked
   * after failed logins, or while it already has its share of logins in progress and waiting.
   */
  async login<T>(address: string, attempt: () => Promise<Outcome<T>>): Promise<Outcome<T>> {
    const blockedMs = await blockedFor(
      this.addressFailures,
      address,
      this.settings.addressFailures,
    )();
    if (blockedMs !== null)
      return tooManyAttempts(
        'too many failed logins from this address; wait and try again',
        blockedMs,
      );
    const queue = this.addressQueue(address);
    const { loginsPerAddressAtOnce, loginsPerAddressWaiting } = this.settings;
    if (queue.activeCount + queue.pendingCount >= loginsPerAddressAtOnce + loginsPerAddressWaiting)
      return tooManyAttempts('too many logins from this address at once; try again', 1000);
    try {
      return await queue(async () => {
        const outcome = await attempt();
        if (!outcome.ok && outcome.error.code === 'password_error_or_non_existent')
          await consumed(this.addressFailures, address);
        return outcome;
      });
    } finally {
      if (queue.activeCount + queue.pendingCount === 0) this.addresses.delete(address);
    }
  }

  /**
   * Each address's logins take their turns in its own queue, so that one address never holds
   * more than its share of the password checks and a flood from it waits behind itself.
   */
  private addressQueue(address: string): LimitFunction {
    let queue = this.addresses.get(address);
    if (!queue) {
      queue = pLimit(this.settings.loginsPerAddressAtOnce);
      this.addresses.set(address, queue);
    }
    return queue;
  }

  /** A password check, run when one of the few slots is free; null when too many already wait. */
  checkPassword(check: () => Promise<boolean>): Promise<boolean> | null {
    if (this.checks.pendingCount >= this.settings.passwordChecksWaiting) return null;
    return this.checks(check);
  }

  /** Refused while the caller has named too many things that do not exist. */
  async lookupsAllowed(actor: Actor): Promise<Outcome<null>> {
    const blockedMs = await blockedFor(this.guessMisses, guesserOf(actor), this.settings.guesses)();
    return blockedMs === null
      ? ok(null)
      : tooManyAttempts(
          `${actor.name} named too many codes, vouchers or members that do not exist; wait and try again`,
          blockedMs,
        );
  }

  /** The caller named `count` things that do not exist. */
  async missed(actor: Actor, count = 1): Promise<void> {
    if (count > 0) await consumed(this.guessMisses, guesserOf(actor), count);
  }
}

const guesserOf = (actor: Actor) => `${actor.chainId}:${actor.name}`;
