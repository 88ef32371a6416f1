import { z } from 'zod';
import { DEFAULT_DATABASE_PATH, DEFAULT_POSTGRES_LIMITS } from './db/connect';
import { allowEntryProblem } from './domain/webhooks/addresses';
import { DEFAULT_SHUTDOWN_DRAIN_MS } from './listener';

/** A comma-separated list of hosts, addresses and CIDR networks; each bad entry is named. */
const allowHosts = z
  .string()
  .default('')
  .transform((text, context) => {
    const entries = text
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
    for (const entry of entries) {
      const problem = allowEntryProblem(entry);
      if (problem !== null) context.addIssue({ code: 'custom', message: problem });
    }
    return entries;
  });

/** The engine's settings, all from the environment; a bad value stops start-up naming the variable. */
const envSchema = z.object({
  ENGINE_PORT: z.coerce.number().int().min(0).max(65_535).default(8400),
  ENGINE_HOST: z.string().min(1).default('127.0.0.1'),
  ENGINE_DATABASE_URL: z.string().min(1).default(DEFAULT_DATABASE_PATH),
  /** PostgreSQL only: the schema to work in (default: the server's search_path). */
  ENGINE_DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a plain lower-case SQL identifier')
    .optional(),
  /** PostgreSQL only: how long to wait for a new database connection. */
  ENGINE_DATABASE_CONNECT_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(600_000)
    .default(DEFAULT_POSTGRES_LIMITS.connectTimeoutMs),
  /** PostgreSQL only: how long one statement may run before the server cancels it. */
  ENGINE_DATABASE_STATEMENT_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(3_600_000)
    .default(DEFAULT_POSTGRES_LIMITS.statementTimeoutMs),
  /** A PEM certificate (with any intermediates): the engine serves HTTPS, with ENGINE_TLS_KEY. */
  ENGINE_TLS_CERT: z.string().optional(),
  /** The certificate's PEM private key, not encrypted; set both or neither. */
  ENGINE_TLS_KEY: z.string().optional(),
  ENGINE_BOOTSTRAP_API_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  ENGINE_SESSION_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(7 * 86_400)
    .default(12 * 3600),
  /** How long a failing webhook delivery is retried (from its event) before it is given up. */
  ENGINE_WEBHOOK_RETRY_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(30 * 86_400)
    .default(86_400),
  /** How long one delivery attempt waits for the receiver. */
  ENGINE_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5000),
  /**
   * Hosts, addresses and networks webhooks may go to although they are loopback, private or
   * otherwise inward (docs/security.md, "Webhooks"). Empty by default: only public addresses.
   */
  ENGINE_WEBHOOK_ALLOW_HOSTS: allowHosts,
  /** 1: plain http webhook URLs are allowed too (tests, a demo on one machine); 0: https only. */
  ENGINE_WEBHOOK_ALLOW_HTTP: z
    .enum(['0', '1'], { error: 'must be 0 or 1' })
    .default('0')
    .transform((value) => value === '1'),
  /** How often the delivery worker looks for due deliveries. */
  ENGINE_WEBHOOK_POLL_MS: z.coerce.number().int().min(10).max(600_000).default(1000),
  /** How many days events (with their finished webhook deliveries and attempts) are kept. */
  ENGINE_EVENT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /**
   * Behind a load balancer: which proxies' X-Forwarded-For names the caller (express's `trust
   * proxy`, e.g. `loopback` or `10.0.0.0/8`). Unset: the connection's own address, so the
   * per-address login limits see the balancer as one caller.
   */
  ENGINE_TRUST_PROXY: z.string().min(1).optional(),
  /** On SIGTERM/SIGINT: how long the requests already received may take before they are cut. */
  ENGINE_SHUTDOWN_DRAIN_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(600_000)
    .default(DEFAULT_SHUTDOWN_DRAIN_MS),
});

export type EngineConfig = z.infer<typeof envSchema>;

export function readConfig(
  env: NodeJS.ProcessEnv,
): { ok: true; config: EngineConfig } | { ok: false; message: string } {
  const parsed = envSchema.safeParse(env);
  if (parsed.success) return { ok: true, config: parsed.data };
  const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  return { ok: false, message: `The engine's environment has a bad value:\n${lines.join('\n')}` };
}
