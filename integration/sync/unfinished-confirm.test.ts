import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DATABASES, startTestEngine, type TestEngine } from '../../test-support/engine/harness';
import { storedBaskets } from '../../test-support/engine/snapshot';
import { databasePath } from '../../src-main/store';
import { failJournalConfirms } from '../../test-support/till/journal-fault';
import {
  startProxiedTill,
  TILL_ONE,
  TILL_TWO,
  valueOf,
  type ProxiedTill,
  type TestTill,
} from '../../test-support/till/till-harness';

const CROISSANT = '8712345000134';

const outboxRows = z.array(
  z.object({ basket_code: z.string(), state: z.string(), request: z.string() }),
);
/** The till's outbox, read beside it (WAL lets a test read while the till runs). */
function outboxOf(till: TestTill) {
  const db = new SQLite(databasePath(till.dataDir), { readonly: true });
  try {
    return outboxRows.parse(
      db.prepare('SELECT basket_code, state, request FROM outbox ORDER BY id').all(),
    );
  } finally {
    db.close();
  }
}

// What this checks is the till's own queue and journal; the engine's database plays no part, so
// the suite runs on SQLite only to keep CI short.
describe('the one add-basket queue: a confirm that did not finish', () => {
  const [sqlite] = DATABASES;
  let engine: TestEngine;
  let proxied: ProxiedTill;
  let till: TestTill;
  beforeAll(async () => {
    if (!sqlite) throw new Error('no SQLite test database');
    engine = await startTestEngine(sqlite, { demo: true });
    proxied = await startProxiedTill(engine.url, TILL_ONE);
    till = proxied.till;
  });
  afterAll(async () => {
    await proxied.close();
    await engine.close();
  });

  /** A sale of one croissant whose confirm stops on a fault after the engine stored it. */
  const confirmStoppedByFault = async () => {
    const { saleId, basketCode } = valueOf(await till.send('sale/start', {}));
    valueOf(await till.send('sale/scan', { saleId, code: CROISSANT }));
    const fault = failJournalConfirms(till.dataDir);
    expect(await till.send('sale/confirm', { saleId })).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
    fault.heal();
    return { saleId, basketCode };
  };

  it('confirming again sends the stored add-basket and answers the receipt; meanwhile the sale cannot change', async () => {
    const { saleId, basketCode } = await confirmStoppedByFault();
    const [interrupted, ...others] = outboxOf(till);
    expect(others).toEqual([]);
    expect(interrupted).toMatchObject({ basket_code: basketCode, state: 'interrupted' });
    expect(await till.send('sale/scan', { saleId, code: CROISSANT })).toEqual({
      ok: false,
      error: {
        code: 'conflict',
        message: `Sale ${basketCode} is being confirmed and can no longer change: confirm it again to finish it.`,
      },
    });

    const receipt = valueOf(await till.send('sale/confirm', { saleId }));
    const [onEngine, ...twice] = await storedBaskets(engine.db.kysely, basketCode);
    expect(twice).toEqual([]);
    expect(receipt).toMatchObject({
      basketCode,
      syncState: 'synced',
      engineBasketId: onEngine?.id,
      totals: { gross: 145 },
    });
    expect(receipt.lines.map((line) => line.quantity)).toEqual([1]);
    expect(outboxOf(till)).toEqual([]);
  });

  it('a sale the outbox worker journaled is closed for the cashier, and confirming it answers the stored receipt', async () => {
    const { saleId, basketCode } = await confirmStoppedByFault();
    await till.till.sync.syncNow();
    expect(outboxOf(till)).toEqual([]);

    expect(await till.send('sale/scan', { saleId, code: CROISSANT })).toEqual({
      ok: false,
      error: { code: 'sale_already_closed', message: `Sale ${basketCode} is already confirmed.` },
    });
    const sentBefore = proxied.proxy.calls('/auth/add-basket');
    const receipt = valueOf(await till.send('sale/confirm', { saleId }));
    expect(receipt).toMatchObject({ basketCode, syncState: 'synced' });
    expect(receipt).toEqual(valueOf(await till.send('receipt/get', { basketCode })));
    expect(proxied.proxy.calls('/auth/add-basket')).toBe(sentBefore);
    expect(await storedBaskets(engine.db.kysely, basketCode)).toHaveLength(1);
    expect(valueOf(await till.send('sale/current', {})).saleId).not.toBe(saleId);
  });

  it('while the outbox worker is sending an interrupted confirm, confirming the sale waits for it', async () => {
    const { saleId, basketCode } = await confirmStoppedByFault();
    proxied.proxy.holdAnswersTo('/auth/add-basket');
    const syncing = till.till.sync.syncNow();
    await expect.poll(() => proxied.proxy.held(), { timeout: 10_000 }).toBe(1);
    expect(await till.send('sale/confirm', { saleId })).toEqual({
      ok: false,
      error: {
        code: 'conflict',
        message: `Sale ${basketCode} is being sent to the engine right now: confirm it again in a moment.`,
      },
    });

    proxied.proxy.releaseHeld();
    await syncing;
    expect(valueOf(await till.send('sale/confirm', { saleId }))).toMatchObject({
      basketCode,
      syncState: 'synced',
    });
    expect(await storedBaskets(engine.db.kysely, basketCode)).toHaveLength(1);
  });

  it('an unanswered confirm queues the very add-basket it sent; the sale could not change while it waited', async () => {
    // a till of its own, whose confirm gives up after 3 s (long enough for the scan below)
    const lossy = await startProxiedTill(engine.url, TILL_TWO, { timeouts: { confirmMs: 3000 } });
    const waiting = lossy.till;
    const { saleId, basketCode } = valueOf(await waiting.send('sale/start', {}));
    valueOf(await waiting.send('sale/scan', { saleId, code: CROISSANT }));
    lossy.proxy.holdAnswersTo('/auth/add-basket');
    const confirming = waiting.send('sale/confirm', { saleId });
    await expect.poll(() => lossy.proxy.held(), { timeout: 10_000 }).toBe(1);
    const [sent] = outboxOf(waiting);
    expect(sent).toMatchObject({ basket_code: basketCode, state: 'in_flight' });
    expect(await waiting.send('sale/scan', { saleId, code: CROISSANT })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });

    const receipt = valueOf(await confirming);
    expect(receipt).toMatchObject({ basketCode, syncState: 'queued', totals: { gross: 145 } });
    expect(outboxOf(waiting)).toEqual([{ ...sent, state: 'queued' }]);

    // the engine stored the basket the till never heard about: the sync is a replay
    lossy.proxy.releaseHeld();
    await waiting.till.sync.syncNow();
    expect(outboxOf(waiting)).toEqual([]);
    expect(await storedBaskets(engine.db.kysely, basketCode)).toHaveLength(1);
    expect(valueOf(await waiting.send('receipt/get', { basketCode })).syncState).toBe('synced');
    await lossy.close();
  });
});
