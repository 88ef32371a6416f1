import pg from 'pg';

/**
 * What a test does to an engine's PostgreSQL connections from outside, and how it sees the
 * engine come back.
 */

/** Terminates every backend whose application_name is `applicationName`; returns how many. */
export async function terminateBackends(url: string, applicationName: string): Promise<number> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const result = await admin.query<{ terminated: boolean }>(
      'select pg_terminate_backend(pid) as terminated from pg_stat_activity where application_name = $1',
      [applicationName],
    );
    return result.rows.filter((row) => row.terminated).length;
  } finally {
    await admin.end();
  }
}

/** Milliseconds until the engine's `/healthz` answers 200 (polling); null if not within `withinMs`. */
export async function healthyWithin(url: string, withinMs: number): Promise<number | null> {
  const from = Date.now();
  while (Date.now() - from < withinMs) {
    const status = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(withinMs) }).then(
      (answer) => answer.status,
      () => 0,
    );
    if (status === 200) return Date.now() - from;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return null;
}
