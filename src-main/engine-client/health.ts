import { z } from 'zod';
import type { CallLimit, Transport } from './http-transport';
import { succeeded, type EngineOutcome } from './outcome';

/** What IT's diagnostics need: is the engine there, how fast, and does its clock agree. */
export interface EngineHealth {
  /** HTTP 200 with `status: "ok"`; an engine without /healthz is reachable but not healthy. */
  readonly healthy: boolean;
  readonly httpStatus: number;
  readonly latencyMs: number;
  /** From the `Date` header, epoch milliseconds, or null when the engine sent none. */
  readonly serverTime: number | null;
  /** Engine clock minus ours; `Date` has whole seconds, so ±1 s is noise. */
  readonly clockSkewMs: number | null;
}

/** /healthz is this project's, not Spaaza's: only its `status` is read, and loosely. */
const healthBodySchema = z.looseObject({ status: z.string() });

export async function checkHealth(
  transport: Transport,
  limit: CallLimit,
): Promise<EngineOutcome<EngineHealth>> {
  const answer = await transport({ method: 'GET', path: '/healthz', ...limit });
  if (!answer.ok) return answer;
  const { httpStatus, body, latencyMs, serverTime, localMidpoint } = answer.value;
  const parsed = healthBodySchema.safeParse(body);
  return succeeded({
    healthy: httpStatus === 200 && parsed.success && parsed.data.status === 'ok',
    httpStatus,
    latencyMs,
    serverTime,
    clockSkewMs: serverTime === null ? null : serverTime - localMidpoint,
  });
}
