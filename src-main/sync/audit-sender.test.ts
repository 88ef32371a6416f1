import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditHeld, AuditLink, EngineOutcome } from '../engine-client';
import { appendAudit } from '../store';
import { openTempStore, type TempStore } from '../../test-support/till/temp-store';
import { manualSchedule, silentLog } from '../../test-support/till/manual-schedule';
import { auditSentSeq, sendAuditChain } from './audit-sender';
import { createConnectivity, type ConnectivityMonitor } from './connectivity';

let store: TempStore;
let connectivity: ConnectivityMonitor;
beforeEach(() => {
  store = openTempStore();
  connectivity = createConnectivity({
    probe: () => Promise.resolve(true),
    probeIntervalMs: 1000,
    log: silentLog,
    schedule: manualSchedule().schedule,
  });
});
afterEach(() => {
  connectivity.stop();
  store.dispose();
});

function appendEntries(count: number): void {
  for (let n = 1; n <= count; n += 1)
    appendAudit(store.db, {
      at: new Date(Date.UTC(2026, 10, 23, 10, 0, n)),
      actor: 'manager-s001',
      action: 'unlock_voucher',
      voucherKey: `key-${n}`,
      basketCode: null,
      voucherCode: null,
      subject: null,
      detail: 'customer walked out',
    });
}

type Answer = (links: readonly AuditLink[]) => EngineOutcome<AuditHeld>;
const holds: Answer = (links) => ({
  ok: true,
  warnings: [],
  value: { headSeq: links.at(-1)?.seq ?? 0 },
});

/** An engine answering each call as told, recording the seqs of every batch it was sent. */
function engineAnswering(answer: Answer) {
  const batches: number[][] = [];
  return {
    batches,
    sendTillAudit: ({ tillId, links }: { tillId: string; links: readonly AuditLink[] }) => {
      expect(tillId).toBe('S001-01');
      batches.push(links.map((link) => link.seq));
      return Promise.resolve(answer(links));
    },
  };
}

const send = (engine: ReturnType<typeof engineAnswering>) =>
  sendAuditChain({ db: store.db, engine, connectivity, now: () => 0, tillId: 'S001-01' });

describe('sending the audit chain', () => {
  it('sends the entries the engine has not acknowledged, in batches of 50, oldest first', async () => {
    appendEntries(120);
    const engine = engineAnswering(holds);
    expect(await send(engine)).toEqual({ kind: 'done', sent: 120 });
    expect(engine.batches.map((seqs) => [seqs[0], seqs.at(-1), seqs.length])).toEqual([
      [1, 50, 50],
      [51, 100, 50],
      [101, 120, 20],
    ]);
    expect(auditSentSeq(store.db)).toBe(120);

    appendEntries(2);
    expect(await send(engine)).toEqual({ kind: 'done', sent: 2 });
    expect(engine.batches.at(-1)).toEqual([121, 122]);
    expect(await send(engine)).toEqual({ kind: 'done', sent: 0 });
    expect(engine.batches).toHaveLength(4);
  });

  it('keeps its place when the engine does not answer, and sends the same entries again', async () => {
    appendEntries(3);
    const away = engineAnswering(() => ({
      ok: false,
      error: { kind: 'unavailable', cause: 'timeout', message: 'too slow' },
    }));
    expect(await send(away)).toEqual({ kind: 'unavailable', sent: 0, message: 'too slow' });
    expect(auditSentSeq(store.db)).toBe(0);
    const back = engineAnswering(holds);
    expect(await send(back)).toEqual({ kind: 'done', sent: 3 });
    expect(back.batches).toEqual([[1, 2, 3]]);
  });

  it('stops at a refusal, or an acknowledgement short of what was sent, without moving on', async () => {
    appendEntries(2);
    const refusing = engineAnswering(() => ({
      ok: false,
      error: {
        kind: 'rejected',
        reason: 'refused',
        name: 'audit_chain_mismatch',
        code: 1420,
        description: 'row seq 1 does not continue it',
        message: 'row seq 1 does not continue it',
      },
    }));
    expect(await send(refusing)).toEqual({
      kind: 'refused',
      sent: 0,
      message: 'row seq 1 does not continue it',
    });
    const short = engineAnswering(() => ({ ok: true, warnings: [], value: { headSeq: 1 } }));
    expect(await send(short)).toMatchObject({
      kind: 'refused',
      message: 'the engine acknowledged the audit chain up to seq 1, not 2',
    });
    expect(auditSentSeq(store.db)).toBe(0);
  });
});
