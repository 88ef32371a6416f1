/** The demo data the specs scan (src-main/store/demo-catalogue.csv, src-engine/domain/demo.ts). */
import { valueOf, type TestTill } from '../../test-support/till/till-harness';

export const ITEMS = {
  coffeeBeans: { barcode: '8712345000165', name: 'Coffee beans 1 kg', cents: 1495 },
  oliveOil: { barcode: '8712345000110', name: 'Extra virgin olive oil 500 ml', cents: 699 },
  milk: { barcode: '8712345000011', name: 'Whole milk 1 L', cents: 129 },
  croissant: { barcode: '8712345000134', name: 'Croissant', cents: 145 },
  flatWhite: { barcode: '8712345000158', name: 'Flat white', cents: 350 },
} as const;

/** The demo's item sold by weight: `cents` is its price per kilogram. */
export const WEIGHED_ITEM = {
  barcode: '8712345000172',
  name: 'Bananas (loose, per kg)',
  cents: 199,
} as const;

export const MEMBER = '1000001';
export const MANAGER = { username: 'manager-s001', password: 'demo-manager' } as const;
export const HONOUR_CODE = 'FREE-COFFEE';

/** The demo's free-coffee honour vouchers, HONOUR-COFFEE-0001 … 0010. */
export function honourVoucher(n: number): string {
  return `HONOUR-COFFEE-${String(n).padStart(4, '0')}`;
}

export interface HeldVoucher {
  readonly code: string;
  readonly basketCode: string;
  /** When the engine's lock for that basket ends (ISO-8601). */
  readonly lockedUntil: string;
}

/** Puts a croissant and the voucher on `till`'s current sale through its API: the engine locks it. */
export async function holdVoucher(till: TestTill, code: string): Promise<HeldVoucher> {
  const { saleId, basketCode } = valueOf(await till.send('sale/current', {}));
  valueOf(await till.send('sale/scan', { saleId, code: ITEMS.croissant.barcode }));
  let priced = valueOf(await till.send('sale/scan', { saleId, code }));
  // a busy engine may answer after the scan did (the sale waits): its answer is what counts
  while (priced.pricing.state === 'waiting') {
    await new Promise((resolve) => setTimeout(resolve, 50));
    priced = valueOf(await till.send('sale/current', {}));
  }
  const applied = priced.applied.find((voucher) => voucher.code === code);
  if (!applied?.lockedUntil)
    throw new Error(
      `${code} was not applied and locked on terminal ${till.till.config.terminalId}`,
    );
  return { code, basketCode, lockedUntil: applied.lockedUntil };
}

/** Twelve demo items sold by the unit, for a long basket (src-main/store/demo-catalogue.csv). */
export const TWELVE_ITEMS = [
  { barcode: '8712345000011', name: 'Whole milk 1 L' },
  { barcode: '8712345000028', name: 'Free-range eggs 10 pack' },
  { barcode: '8712345000035', name: 'Sourdough loaf 800 g' },
  { barcode: '8712345000042', name: 'Butter 250 g' },
  { barcode: '8712345000059', name: 'Gouda cheese slices 200 g' },
  { barcode: '8712345000066', name: 'Greek yoghurt 500 g' },
  { barcode: '8712345000073', name: 'Orange juice 1 L' },
  { barcode: '8712345000110', name: 'Extra virgin olive oil 500 ml' },
  { barcode: '8712345000127', name: 'Dark chocolate 72% 100 g' },
  { barcode: '8712345000134', name: 'Croissant' },
  { barcode: '8712345000202', name: 'Oat drink barista 1 L' },
  { barcode: '8712345000165', name: 'Coffee beans 1 kg' },
] as const;
