import type { TestDatabase, TestEngine } from '../engine/harness';
import { startTestEngine } from '../engine/harness';
import { settledSale } from './settled-sale';
import { startTestTill, TILL_ONE, TILL_TWO, valueOf, type TestTill } from './till-harness';

export interface TwoTills {
  readonly engine: TestEngine;
  readonly first: TestTill;
  readonly second: TestTill;
}

/** The demo engine with the demo store's two tills (terminals 01 and 02) on it. */
export async function startTwoTills(database: TestDatabase): Promise<TwoTills> {
  const engine = await startTestEngine(database, { demo: true });
  const first = await startTestTill(engine.url, TILL_ONE);
  const second = await startTestTill(engine.url, TILL_TWO);
  return { engine, first, second };
}

export async function closeTwoTills({ engine, first, second }: TwoTills): Promise<void> {
  await Promise.all([first.close(), second.close()]);
  await engine.close();
}

/** The demo's honour voucher code of that index. */
export function demoHonourCode(engine: TestEngine, index: number): string {
  const code = engine.demo?.honourCodes[index];
  if (!code) throw new Error(`the demo has no honour voucher ${index}`);
  return code;
}

const CROISSANT = '8712345000134';

/** A new sale of one croissant with the voucher code scanned after it; the sale as priced. */
export async function saleWithVoucher(till: TestTill, voucherCode: string) {
  const { saleId } = valueOf(await till.send('sale/start', {}));
  valueOf(await till.send('sale/scan', { saleId, code: CROISSANT }));
  valueOf(await till.send('sale/scan', { saleId, code: voucherCode }));
  return settledSale(till);
}
