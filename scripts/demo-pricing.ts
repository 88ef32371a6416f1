/**
 * What `npm start` runs until the engine and the till exist: the pricing core pricing the
 * demo sale (member 1000001 with a €5.00 voucher and a 10 % voucher, plus a free-coffee
 * honour voucher), printed as the cashier will see it.
 */
import { formatMoney } from '../src-shared/money';
import { priceBasket, type BasketLine } from '../src-shared/pricing';
import type { Voucher } from '../src-shared/vouchers';

const now = Date.now();
const day = 86_400_000;
const common = {
  campaignId: 1,
  exclusive: false,
  createdAt: now - 7 * day,
  claimedAt: now - 6 * day,
  validatedAt: null,
  burnedAt: null,
  expiresAt: now + 30 * day,
  deletedAt: null,
  lock: null,
};

const vouchers: Voucher[] = [
  {
    ...common,
    key: 'a1'.repeat(32),
    code: 'FIVE-OFF',
    ownerMemberNumber: '1000001',
    type: 'basket',
    amount: 500,
    currency: 'EUR',
  },
  {
    ...common,
    key: 'b2'.repeat(32),
    code: 'TEN-PCT',
    ownerMemberNumber: '1000001',
    type: 'basket_pct',
    ratio: 0.1,
  },
  {
    ...common,
    key: 'c3'.repeat(32),
    code: 'HONOUR-COFFEE-0001',
    ownerMemberNumber: null,
    type: 'honour',
    honourCode: 'FREE-COFFEE',
  },
];

const names: Record<string, string> = {
  'line-1': 'Espresso beans 1 kg',
  'line-2': 'Cheddar (0.412 kg × €24.90/kg)',
  'line-3': 'Tote bag',
};
const lines: BasketLine[] = [
  { id: 'line-1', quantity: 1, unitPrice: 1899 },
  { id: 'line-2', quantity: 0.412, unitPrice: 2490 },
  { id: 'line-3', quantity: 2, unitPrice: 250 },
];

const priced = priceBasket(lines, vouchers, now, {
  basketCode: 'S001-01-DEMO-0001',
  memberNumber: '1000001',
});
const money = (minor: number) => formatMoney(minor, 'EUR', 'nl-NL').padStart(12);

console.log('voucher-till: demo sale for member 1000001, priced by src-shared/pricing\n');
for (const line of priced.lines) {
  console.log(
    `${(names[line.id] ?? line.id).padEnd(42)}${money(line.gross)}${line.discount ? `  (−${formatMoney(line.discount, 'EUR', 'nl-NL')})` : ''}`,
  );
}
console.log('');
for (const applied of priced.applied) {
  const v = applied.voucher;
  const label =
    v.type === 'honour'
      ? `honour: ${v.honourCode} (${v.code ?? v.key})`
      : `voucher ${v.code ?? v.key}`;
  console.log(`${label.padEnd(42)}${money(-applied.discount)}`);
}
console.log(`${'Subtotal'.padEnd(42)}${money(priced.totals.gross)}`);
console.log(`${'Discount'.padEnd(42)}${money(-priced.totals.discount)}`);
console.log(`${'Total'.padEnd(42)}${money(priced.totals.net)}`);
console.log(
  '\nThe voucher engine (issue 3) and the till (issues 4-6) are not built yet; see README.md.',
);
