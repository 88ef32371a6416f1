import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { TILL_ONE, valueOf, type TestTill } from '../../test-support/till/till-harness';
import { startEngineGate, type EngineGate } from '../../test-support/till/engine-gate';
import { startOfflineTill } from '../../test-support/till/offline-till';

const MILK = '8712345000011'; // 1.29
const PROBE = '/healthz';

// No engine behind the gate: it accepts connections and never answers, like a hung network.
let gate: EngineGate;
let till: TestTill;

beforeAll(async () => {
  gate = await startEngineGate('http://127.0.0.1:9', 'silent');
  till = await startOfflineTill(gate.url, TILL_ONE, { giveUpAfterMs: 300 });
});
afterAll(async () => {
  await till.close();
  await gate.stop();
});

it('once it knows the engine is away, prices every change locally without asking the engine', async () => {
  const { saleId } = valueOf(await till.send('sale/start', {}));
  // The first engine call (the sync worker's or this scan's) goes unanswered: the till goes offline.
  const first = valueOf(await till.send('sale/scan', { saleId, code: MILK }));
  expect(first.pricedBy).toBe('local');
  await vi.waitFor(async () => {
    expect(valueOf(await till.send('status/get', {})).online).toBe(false);
  });

  const asked = gate.requestsExcept([PROBE]);
  expect(asked).toBeGreaterThan(0); // the gate does see the till's calls
  const second = valueOf(await till.send('sale/scan', { saleId, code: MILK }));
  const third = valueOf(
    await till.send('sale/set-quantity', { saleId, lineId: 'line_1', quantity: 3 }),
  );
  expect(second.lines.map((line) => line.quantity)).toEqual([2]);
  expect(third).toMatchObject({ pricedBy: 'local', totals: { gross: 387, discount: 0, net: 387 } });
  // Nothing but the background probe went towards the engine for those changes.
  expect(gate.requestsExcept([PROBE])).toBe(asked);
  valueOf(await till.send('sale/void', { saleId }));
});

it('a till that was never online refuses every voucher and says why', async () => {
  const { saleId } = valueOf(await till.send('sale/start', {}));
  valueOf(await till.send('sale/scan', { saleId, code: MILK }));
  const refused = valueOf(await till.send('sale/scan', { saleId, code: 'HONOUR-COFFEE-0001' }));
  expect(refused.pricedBy).toBe('local');
  expect(refused.applied).toEqual([]);
  expect(refused.rejected).toEqual([
    {
      ref: 'HONOUR-COFFEE-0001',
      reason: 'voucher_offline_not_allowed',
      message: expect.stringContaining('never been online') as unknown,
      lockedUntil: null,
      words: 'honour_cache_empty',
      params: { voucherCode: 'HONOUR-COFFEE-0001' },
      scanned: true,
    },
  ]);
  expect(refused.notices).toContainEqual({
    code: 'honour_cache_empty',
    message: expect.stringContaining('never been online') as unknown,
    params: {},
  });

  // The sale itself still goes through, queued for the engine.
  const receipt = valueOf(await till.send('sale/confirm', { saleId }));
  expect(receipt).toMatchObject({ syncState: 'queued', vouchersRedeemed: [], honourCodes: [] });
  expect(valueOf(await till.send('status/get', {})).salesWaiting).toBe(1);
});
