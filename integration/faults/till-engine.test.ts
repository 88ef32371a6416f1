import { afterAll, describe, expect, it } from 'vitest';
import type { SaleView } from '../../src-shared/till';
import { DATABASES, startTestEngine, type TestEngine } from '../../test-support/engine/harness';
import { describeFault, type HttpFault } from '../../test-support/till/http-faults';
import type { HttpProxy } from '../../test-support/till/http-proxy';
import { offlineConfig } from '../../test-support/till/offline-till';
import { watchStatus } from '../../test-support/till/status-timeline';
import {
  startProxiedTill,
  TILL_ONE,
  valueOf,
  type ProxiedTill,
  type TestTill,
} from '../../test-support/till/till-harness';

/*
 * A real till against a real demo engine, through an HTTP proxy that plays what a store meets
 * when the engine is not well: a load balancer's 502 page, a 500, JSON cut short, a 200 of the
 * wrong shape, answers 3 s late, a network that swallows requests. In each case the cashier goes
 * on selling (an item-only sale, an honour-voucher sale, a member sale), the status bar says
 * what is true within 5 s of the fault starting and of it ending, no member voucher leaves the
 * sale without a word, and once the engine is back every sale reaches it exactly once and no
 * voucher stays held.
 */

const PRICING = '/auth/get-basket-price';
const MILK = '8712345000011'; // 1.29
const COFFEE_BEANS = '8712345000165'; // 14.95
const MEMBER = '1000001';
const MEMBER_VOUCHERS = ['DEMO-5EUR', 'DEMO-10PCT'] as const;
/** The till core's own status within 4 s: the status bar reads it once a second, so it shows within 5 s. */
const STATUS_WITHIN_MS = 4000;
/** The engine calls' limits where the fault is not about time: an offline phase costs little. */
const GIVE_UP_AFTER_MS = 1000;
/** How long the outbox may take to send what waited, backoff included, once the engine is back. */
const SYNCED_WITHIN_MS = 20_000;

interface FaultCase {
  readonly fault: HttpFault;
  /** The paths it hits; all when absent. */
  readonly paths?: readonly string[];
  /** Whether the engine is away (the status must say Offline) or only slow (Online throughout). */
  readonly engineAway: boolean;
}

const CASES: readonly FaultCase[] = [
  { fault: { kind: 'bad-gateway' }, engineAway: true },
  { fault: { kind: 'server-error', envelope: false }, engineAway: true },
  { fault: { kind: 'server-error', envelope: true }, engineAway: true },
  { fault: { kind: 'malformed-json' }, engineAway: true },
  { fault: { kind: 'wrong-shape' }, engineAway: true },
  // the engine is slow at its work, not gone: its health answers at once
  {
    fault: { kind: 'delay', ms: 3000 },
    paths: [PRICING, '/auth/add-basket'],
    engineAway: false,
  },
  { fault: { kind: 'black-hole' }, engineAway: true },
];

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The open sale once no pricing call is on its way through the proxy and `done` says it is
 * priced as the test needs; or as it is after `withinMs`. (A slow engine's answer comes after
 * the scan has answered: the sale is asked for again, as the screen does.)
 */
async function saleOnceSettled(
  till: TestTill,
  proxy: HttpProxy,
  done: (sale: SaleView) => boolean,
  withinMs = 10_000,
): Promise<SaleView> {
  const from = Date.now();
  const settled = (sale: SaleView) => proxy.inFlight(PRICING) === 0 && done(sale);
  let sale = valueOf(await till.send('sale/current', {}));
  while (!settled(sale) && Date.now() - from < withinMs) {
    await pause(100);
    sale = valueOf(await till.send('sale/current', {}));
  }
  return sale;
}

/** How the sale accounts for a member voucher: applied, or not applied with the reason shown. */
function memberVoucherOutcome(sale: SaleView, voucher: { code: string; title: string }): string {
  if (sale.applied.some((applied) => applied.code === voucher.code)) return 'applied';
  const refused = sale.rejected.find((rejected) => rejected.ref === voucher.code);
  if (refused && refused.message.trim() !== '') return `refused: ${refused.message}`;
  // a notice of its own, naming the voucher by its title or code
  const named = sale.notices.find(
    (notice) =>
      notice.code === 'member_voucher_offline' &&
      (notice.message.includes(voucher.title) || notice.message.includes(voucher.code)),
  );
  if (named) return `noticed: ${named.message}`;
  // priced without the engine before it ever priced this customer: one notice for all their vouchers
  const unknown = sale.notices.find((notice) => notice.code === 'member_vouchers_offline');
  if (unknown) return `not asked: ${unknown.message}`;
  return 'dropped without a word';
}

describe('a till selling through every kind of bad engine answer', () => {
  const [sqlite] = DATABASES;
  const figures: string[] = [];
  afterAll(() => {
    console.log(`till against a faulty engine:\n${figures.join('\n')}`);
  });

  for (const { fault, paths, engineAway } of CASES) {
    it(
      `${describeFault(fault)}: sells, says so within 5 s, syncs each sale once, holds no voucher`,
      {
        timeout: 60_000,
      },
      async () => {
        if (!sqlite) throw new Error('no SQLite test database');
        const engine: TestEngine = await startTestEngine(sqlite, { demo: true });
        const proxied: ProxiedTill = await startProxiedTill(
          engine.url,
          TILL_ONE,
          // a delay is about time: the till keeps its own limits for it
          fault.kind === 'delay' ? {} : offlineConfig({ giveUpAfterMs: GIVE_UP_AFTER_MS }),
        );
        const { till, proxy } = proxied;
        const status = watchStatus(till);
        const seen = {
          toOffline: engineAway ? 'never' : 'n/a (slow, not away)',
          toOnline: 'never',
          synced: 'not checked',
          sends: 'not counted',
          member: 'not sold',
        };
        try {
          const honourCode = engine.demo?.honourCodes[0] ?? '';
          await till.till.sync.syncNow();
          expect(valueOf(await till.send('status/get', {})).online).toBe(true);

          // a member's sale is under way, priced by the engine, which holds the vouchers for it
          const basketCodes: string[] = [];
          const member = valueOf(await till.send('sale/start', {}));
          basketCodes.push(member.basketCode);
          valueOf(await till.send('sale/scan', { saleId: member.saleId, code: COFFEE_BEANS }));
          const before = valueOf(
            await till.send('sale/scan', { saleId: member.saleId, code: MEMBER }),
          );
          expect(before.pricedBy).toBe('engine');
          expect(before.applied.map((voucher) => voucher.code).sort()).toEqual(
            [...MEMBER_VOUCHERS].sort(),
          );
          const memberVouchers = MEMBER_VOUCHERS.map((code) => ({
            code,
            title: before.applied.find((voucher) => voucher.code === code)?.title ?? code,
          }));

          const faultAt = Date.now();
          proxy.injectFault(fault, paths);
          const toOffline = engineAway
            ? await status.waitFor(faultAt, false, STATUS_WITHIN_MS)
            : null;
          if (engineAway) seen.toOffline = toOffline === null ? 'never' : `${toOffline} ms`;
          if (engineAway) expect.soft(toOffline, 'time to Offline').not.toBeNull();
          if (engineAway)
            expect.soft(toOffline ?? 0, 'time to Offline').toBeLessThanOrEqual(STATUS_WITHIN_MS);

          // the cashier sells on: the member's sale gets one more item, then two more sales
          valueOf(await till.send('sale/scan', { saleId: member.saleId, code: MILK }));
          const memberSale = await saleOnceSettled(
            till,
            proxy,
            (sale) =>
              sale.lines.length === 2 &&
              (engineAway
                ? memberVouchers.every(
                    (voucher) => memberVoucherOutcome(sale, voucher) !== 'dropped without a word',
                  )
                : memberVouchers.every(
                    (voucher) => memberVoucherOutcome(sale, voucher) === 'applied',
                  )),
            // a slow engine's answer is waited for as long as the till itself would wait
            engineAway ? undefined : 30_000,
          );
          const memberOutcomes = memberVouchers.map(
            (voucher) => `${voucher.code} ${memberVoucherOutcome(memberSale, voucher)}`,
          );
          seen.member = memberOutcomes.join('; ');
          for (const outcome of memberOutcomes)
            expect(outcome).not.toMatch(/dropped without a word/);
          // a slow engine is still the engine: its discounts stand, and the till never said Offline
          if (!engineAway) {
            expect(memberSale.pricedBy).toBe('engine');
            for (const outcome of memberOutcomes) expect(outcome).toMatch(/applied$/);
          }
          const memberReceipt = valueOf(await till.send('sale/confirm', { saleId: member.saleId }));
          expect(['synced', 'queued']).toContain(memberReceipt.syncState);

          const sell = async (codes: readonly string[], settled: (sale: SaleView) => boolean) => {
            const { saleId, basketCode } = valueOf(await till.send('sale/start', {}));
            basketCodes.push(basketCode);
            for (const code of codes) valueOf(await till.send('sale/scan', { saleId, code }));
            const sale = await saleOnceSettled(till, proxy, settled);
            const receipt = valueOf(await till.send('sale/confirm', { saleId }));
            expect(['synced', 'queued']).toContain(receipt.syncState);
            return { sale, receipt };
          };
          const itemOnly = await sell([MILK], (sale) => sale.lines.length === 1);
          expect(itemOnly.receipt.totals.gross).toBe(129);
          const honour = await sell([MILK, honourCode], (sale) =>
            sale.applied.some((voucher) => voucher.code === honourCode),
          );
          expect(honour.sale.applied.map((voucher) => voucher.code)).toContain(honourCode);
          expect(honour.receipt.honourCodes).toEqual([
            { code: honourCode, honourCode: 'FREE-COFFEE' },
          ]);
          if (!engineAway)
            expect
              .soft(status.saidSince(faultAt, false), 'said Offline while only slow')
              .toBe(false);

          const liftAt = Date.now();
          proxy.liftFault();
          const toOnline = await status.waitFor(liftAt, true, STATUS_WITHIN_MS);
          seen.toOnline = toOnline === null ? 'never' : `${toOnline} ms`;
          expect.soft(toOnline, 'time to Online').not.toBeNull();
          expect.soft(toOnline ?? 0, 'time to Online').toBeLessThanOrEqual(STATUS_WITHIN_MS);

          // every sale reaches the engine exactly once, and the till's outbox is empty
          const storedOnce = async () => {
            const rows = await engine.db.kysely
              .selectFrom('baskets')
              .select('retailer_basket_code')
              .where('retailer_basket_code', 'in', basketCodes)
              .execute();
            return rows.map((row) => row.retailer_basket_code).sort();
          };
          await expect
            .poll(async () => valueOf(await till.send('status/get', {})).salesWaiting, {
              timeout: SYNCED_WITHIN_MS,
              interval: 250,
            })
            .toBe(0);
          const synced = await storedOnce();
          seen.synced = `${synced.length} of ${basketCodes.length} (${new Set(synced).size} distinct)`;
          expect(synced).toEqual([...basketCodes].sort());
          const sends = proxy.calls('/auth/add-basket');
          seen.sends = (sends / basketCodes.length).toFixed(2);
          // a late answer is waited for or replayed later, never sent again and again
          if (!engineAway) expect(sends).toBe(basketCodes.length);

          // back online, the member's vouchers are free for the next sale (not held for the last one)
          if (engineAway) {
            const { saleId } = valueOf(await till.send('sale/start', {}));
            valueOf(await till.send('sale/scan', { saleId, code: COFFEE_BEANS }));
            const next = valueOf(await till.send('sale/scan', { saleId, code: MEMBER }));
            expect(next.pricedBy).toBe('engine');
            expect(
              memberVouchers.map(
                (voucher) => `${voucher.code} ${memberVoucherOutcome(next, voucher)}`,
              ),
            ).toEqual(MEMBER_VOUCHERS.map((code) => `${code} applied`));
            valueOf(await till.send('sale/void', { saleId }));
          }
          const held = await engine.db.kysely
            .selectFrom('vouchers')
            .select(['code', 'lock_basket_code'])
            .where('lock_until', '>', Date.now())
            .where('burned_at', 'is', null)
            .execute();
          expect(held).toEqual([]);
        } finally {
          figures.push(
            `  ${describeFault(fault)}: to Offline ${seen.toOffline}, to Online ${seen.toOnline}, ` +
              `sales synced ${seen.synced}, sends per sale ${seen.sends}; member sale: ${seen.member}`,
          );
          await status.stop();
          await proxied.close();
          await engine.close();
        }
      },
    );
  }
});
