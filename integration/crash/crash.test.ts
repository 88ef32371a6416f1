// Crash safety: real till processes selling — online, offline, and losing the
// network mid-sale — are killed with SIGKILL at random moments, CRASH_KILLS times in all (200
// by default; a soak sets more), split over two tills (terminals 01 and 02, each with its own
// data and its own network gate) that take turns on the two cores and share honour vouchers.
// Then: every sale reported done is in its till's journal exactly once, each database passes
// `PRAGMA integrity_check`, and once a till on the same data has synced, the engine holds each
// of those baskets exactly once. CRASH_SEED replays a run's choices.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { rmSync, writeFileSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DATABASES, startTestEngine, type TestEngine } from '../../test-support/engine/harness';
import { databasePath } from '../../src-main/store';
import { startEngineGate, type EngineGate } from '../../test-support/till/engine-gate';
import { offlineConfig, startOfflineTill } from '../../test-support/till/offline-till';
import {
  tempDir,
  tillSettings,
  TILL_ONE,
  TILL_TWO,
  valueOf,
  type TerminalAccount,
} from '../../test-support/till/till-harness';
import { bundleChild, REPO_ROOT, type ChildBundle } from '../../test-support/till/bundle-child';
import { runUntilKilled, seededRandom, type KillRun } from '../../test-support/till/kill-runs';

const KILLS = Number(process.env.CRASH_KILLS ?? '200');
const SEED = Number(process.env.CRASH_SEED ?? String(Date.now() % 1_000_000));
const CHILD_SOURCE = fileURLToPath(
  new URL('../../test-support/till/crash-child.ts', import.meta.url),
);
const DEMO_CATALOGUE = join(REPO_ROOT, 'src-main', 'store', 'demo-catalogue.csv');
/** Short, so an offline phase costs little; a closed gate refuses at once anyway. */
const OFFLINE = { giveUpAfterMs: 500 };

type Phase = 'online' | 'offline' | 'network lost mid-run';
const PHASES: readonly Phase[] = ['online', 'offline', 'network lost mid-run'];

const journalRows = z.array(
  z.object({
    code: z.string(),
    state: z.string(),
    engineBasketId: z.number().nullable(),
    syncedAt: z.number().nullable(),
  }),
);

function readJournal(dataDir: string) {
  const db = new SQLite(databasePath(dataDir), { readonly: true });
  try {
    return {
      integrity: z
        .array(z.string())
        .parse(db.prepare('PRAGMA integrity_check').pluck().all())
        .join('; '),
      sales: journalRows.parse(
        db
          .prepare(
            `SELECT basket_code AS code, state, engine_basket_id AS engineBasketId, synced_at AS syncedAt
             FROM sales ORDER BY id`,
          )
          .all(),
      ),
      outbox: z.number().parse(db.prepare('SELECT count(*) FROM outbox').pluck().get()),
      conflicts: z
        .array(z.object({ basketCode: z.string(), reason: z.string() }))
        .parse(db.prepare('SELECT basket_code AS basketCode, reason FROM conflicts').all()),
    };
  } finally {
    db.close();
  }
}

/** How many times each value occurs. */
function tally(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

interface Lane {
  readonly terminal: TerminalAccount;
  readonly gate: EngineGate;
  readonly dataDir: string;
}

interface LaneRun extends KillRun {
  readonly phase: Phase;
}

describe(`till processes killed with SIGKILL ${KILLS} times during a stream of online and offline sales`, () => {
  const [sqlite] = DATABASES;
  let engine: TestEngine;
  let bundle: ChildBundle;
  const lanes: Lane[] = [];
  beforeAll(async () => {
    if (!sqlite) throw new Error('no SQLite test database');
    [engine, bundle] = await Promise.all([
      startTestEngine(sqlite, { demo: true }),
      bundleChild(CHILD_SOURCE, 'crash-child'),
    ]);
    for (const terminal of [TILL_ONE, TILL_TWO])
      lanes.push({
        terminal,
        gate: await startEngineGate(engine.url),
        dataDir: tempDir(`till-crash-${terminal.terminalId}-`),
      });
  });
  afterAll(async () => {
    bundle.remove();
    for (const lane of lanes) {
      await lane.gate.stop();
      rmSync(lane.dataDir, { recursive: true, force: true });
    }
    await engine.close();
  });

  /** The first start of a till fills its honour cache (and imports the catalogue) while online. */
  const fillCache = async ({ gate, terminal, dataDir }: Lane) => {
    const first = await startOfflineTill(gate.url, terminal, OFFLINE, dataDir);
    await first.till.sync.syncNow();
    const status = valueOf(await first.send('status/get', {}));
    await first.stop();
    return status.honourCacheUpdatedAt;
  };

  /** Starts and kills the till of one lane `kills` times, switching its network as it goes. */
  const killRepeatedly = async (lane: Lane, kills: number, random: () => number) => {
    const { gate, terminal, dataDir } = lane;
    const configPath = join(dataDir, 'till.json');
    writeFileSync(
      configPath,
      JSON.stringify({ ...tillSettings(gate.url, dataDir, terminal), ...offlineConfig(OFFLINE) }),
    );
    const args = [configPath, DEMO_CATALOGUE, (engine.demo?.honourCodes ?? []).join(',')];
    const runs: LaneRun[] = [];
    for (let kill = 0; kill < kills; kill += 1) {
      const phase = PHASES[Math.floor(random() * PHASES.length)] ?? 'online';
      if (phase === 'offline') gate.close();
      else gate.open();
      // One kill in five lands in the start (the outbox resuming, open sales released); the
      // others after a few printed lines (READY is the first), in a sale, a commit, a send.
      const inStart = random() < 0.2;
      const afterLines = inStart ? 0 : 1 + Math.floor(random() * 5);
      const extraMs = Math.floor(random() * (inStart ? 600 : 40));
      const dropAt = 1 + Math.floor(random() * afterLines);
      const run = await runUntilKilled(bundle.entry, args, {
        afterLines,
        extraMs,
        ...(phase === 'network lost mid-run'
          ? {
              onLine: {
                lines: dropAt,
                run: () => {
                  gate.close();
                },
              },
            }
          : {}),
      });
      runs.push({ ...run, phase });
    }
    return runs;
  };

  /** A till on the lane's data, the engine reachable, syncs until nothing waits. */
  const syncLane = async ({ gate, terminal, dataDir }: Lane) => {
    gate.open();
    const last = await startOfflineTill(gate.url, terminal, OFFLINE, dataDir);
    try {
      const interrupted = await last.till.interrupted;
      const limit = Date.now() + 60_000;
      for (;;) {
        await last.till.sync.syncNow();
        const status = valueOf(await last.send('status/get', {}));
        if (status.salesWaiting === 0) return interrupted;
        if (Date.now() > limit)
          throw new Error(`${status.salesWaiting} sales still wait after a minute of syncing`);
      }
    } finally {
      await last.stop();
    }
  };

  it(
    'keeps every sale reported done exactly once, in the journal and, after sync, on the engine',
    async () => {
      expect(engine.demo?.honourCodes.length).toBeGreaterThan(0);
      console.log(`crash test: ${KILLS} kills over ${lanes.length} tills, CRASH_SEED=${SEED}`);
      for (const filled of await Promise.all(lanes.map(fillCache))) expect(filled).not.toBeNull();

      const perLane = Math.ceil(KILLS / lanes.length);
      const laneRuns = await Promise.all(
        lanes.map((lane, index) => killRepeatedly(lane, perLane, seededRandom(SEED + index))),
      );
      const runs = laneRuns.flat();
      expect(runs.length).toBeGreaterThanOrEqual(KILLS);
      const reported = runs.flatMap((run) => run.done);
      const byPhase = PHASES.map((phase) => {
        const inPhase = runs.filter((run) => run.phase === phase);
        return `${phase}: ${inPhase.length} runs, ${inPhase.reduce((n, run) => n + run.done.length, 0)} sales`;
      });
      console.log(
        `crash test: ${runs.length} kills (${runs.filter((run) => !run.ready).length} during the start), ` +
          `${reported.length} sales reported done; ${byPhase.join('; ')}`,
      );
      expect(runs.flatMap((run) => run.refused)).toEqual([]);
      expect(reported.length).toBeGreaterThan(KILLS / 2);
      expect(new Set(reported).size).toBe(reported.length);

      // Straight after the kills: no half-written sale, every reported one journaled once.
      lanes.forEach((lane, index) => {
        const killed = readJournal(lane.dataDir);
        expect(killed.integrity).toBe('ok');
        const journaled = tally(killed.sales.map((sale) => sale.code));
        const confirmed = new Set(
          killed.sales.filter((sale) => sale.state === 'confirmed').map((sale) => sale.code),
        );
        for (const code of (laneRuns[index] ?? []).flatMap((run) => run.done)) {
          expect(journaled.get(code), code).toBe(1);
          expect(confirmed.has(code), code).toBe(true);
        }
        console.log(`crash test: till ${lane.terminal.terminalId}: ${killed.outbox} sales queued`);
      });

      // One till after the other, so that an honour voucher both used offline conflicts once.
      for (const lane of lanes) expect((await syncLane(lane)).pending).toEqual([]);

      const journals = lanes.map((lane) => readJournal(lane.dataDir));
      for (const synced of journals) {
        expect(synced.integrity).toBe('ok');
        expect(synced.outbox).toBe(0);
        expect(synced.sales.filter((sale) => sale.state === 'open')).toEqual([]);
        // vouchers used twice may conflict; the engine refused nothing
        expect(
          synced.conflicts.filter((conflict) => conflict.reason === 'rejected_by_engine'),
        ).toEqual([]);
      }
      const sales = journals.flatMap((journal) => journal.sales);
      console.log(
        `crash test: ${journals.reduce((n, journal) => n + journal.conflicts.length, 0)} sync conflicts`,
      );

      const baskets = await engine.db.kysely
        .selectFrom('baskets')
        .select(['id', 'retailer_basket_code'])
        .where('chain_id', '=', 1)
        .execute();
      const onEngine = tally(baskets.map((basket) => basket.retailer_basket_code));
      for (const code of reported) expect(onEngine.get(code), code).toBe(1);
      expect([...onEngine].filter(([, count]) => count !== 1)).toEqual([]);
      const engineIds = new Map(baskets.map((basket) => [basket.retailer_basket_code, basket.id]));
      const confirmed = sales.filter((sale) => sale.state === 'confirmed');
      for (const sale of confirmed) {
        expect(sale.syncedAt, sale.code).not.toBeNull();
        expect(sale.engineBasketId, sale.code).toBe(engineIds.get(sale.code));
      }
      // Every basket on the engine is a sale of one of the journals.
      const stateOf = new Map(sales.map((sale) => [sale.code, sale.state]));
      expect([...onEngine.keys()].filter((code) => !stateOf.has(code))).toEqual([]);
      // A kill between an online add-basket and its journal commit is finished at the next
      // start (the pending add-basket is replayed), so every basket the engine holds is a
      // confirmed sale of the journal.
      expect(
        [...onEngine.keys()]
          .filter((code) => stateOf.get(code) !== 'confirmed')
          .map((code) => `${code} (${stateOf.get(code) ?? '?'})`),
      ).toEqual([]);
    },
    Math.max(240_000, KILLS * 1_500),
  );
});
