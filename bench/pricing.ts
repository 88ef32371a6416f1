/**
 * Baskets priced per second by priceBasket. Prints figures; asserts nothing.
 * Baseline, in the same run: the same basket priced with no vouchers (line arithmetic only).
 */
import { Bench } from 'tinybench';
import { priceBasket, type BasketLine } from '../src-shared/pricing';
import type { Voucher } from '../src-shared/vouchers';

const now = Date.UTC(2026, 10, 23, 12);

function basket(lineCount: number): BasketLine[] {
  return Array.from({ length: lineCount }, (_, index) => ({
    id: `line-${index}`,
    quantity: index % 7 === 0 ? 0.375 : 1 + (index % 3),
    unitPrice: 199 + ((index * 7919) % 5000),
    excluded: index % 11 === 5,
  }));
}

function vouchers(count: number): Voucher[] {
  return Array.from({ length: count }, (_, index): Voucher => {
    const common = {
      key: index.toString(16).padStart(64, '0'),
      code: `BENCH-${index}`,
      campaignId: 1,
      exclusive: false,
      ownerMemberNumber: '1000001',
      createdAt: now - (count - index) * 60_000,
      claimedAt: now - 1000,
      validatedAt: null,
      burnedAt: null,
      expiresAt: now + 86_400_000,
      deletedAt: null,
      lock: null,
    };
    if (index % 3 === 0) return { ...common, type: 'basket_pct', ratio: 0.05 };
    if (index % 3 === 1) return { ...common, type: 'basket', amount: 250, currency: 'EUR' };
    return { ...common, type: 'honour', honourCode: 'FREE-COFFEE' };
  });
}

const context = { basketCode: 'S001-01-20261123-0001', memberNumber: '1000001' };
const cases = [
  { name: '10 lines, 3 vouchers', lines: basket(10), vouchers: vouchers(3) },
  { name: '200 lines, 10 vouchers', lines: basket(200), vouchers: vouchers(10) },
];

const bench = new Bench({ time: 1500, warmupTime: 300 });
for (const { name, lines, vouchers: held } of cases) {
  bench.add(`baseline: ${name.replace(/, \d+ vouchers/, '')}, no vouchers`, () =>
    priceBasket(lines, [], now, context),
  );
  bench.add(name, () => priceBasket(lines, held, now, context));
}
await bench.run();

console.log(`priceBasket on Node ${process.version}\n`);
console.log(
  `${'case'.padEnd(40)}${'baskets/s'.padStart(12)}${'p50 µs'.padStart(10)}${'p99 µs'.padStart(10)}`,
);
for (const task of bench.tasks) {
  const result = task.result;
  if (result.state !== 'completed') {
    console.log(`${task.name.padEnd(40)} did not complete (${result.state})`);
    continue;
  }
  const { throughput, latency } = result;
  const micros = (ms: number | undefined) => ((ms ?? 0) * 1000).toFixed(1).padStart(10);
  console.log(
    `${task.name.padEnd(40)}${Math.round(throughput.mean).toLocaleString('en').padStart(12)}${micros(latency.p50)}${micros(latency.p99)}`,
  );
}
