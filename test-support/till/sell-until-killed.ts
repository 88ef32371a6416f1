// Child process of restart.test.ts: a real till core selling one croissant per sale, forever,
// printing each basket code once its confirm has answered (the journal is written by then),
// until the test kills it with SIGKILL. Arguments: config file path.
import pino from 'pino';
import { startTill } from '../../src-main/till-main';

const configPath = process.argv[2];
if (configPath === undefined) throw new Error('usage: sell-until-killed.ts CONFIG');
const started = await startTill({
  env: {},
  argvPath: configPath,
  port: 0,
  log: pino({ level: 'silent' }),
});
if (!started.ok) throw new Error(started.error.message);
const { handlers } = started.value.core;

for (;;) {
  const sale = await handlers['sale/start']({});
  if (!sale.ok) throw new Error(sale.error.message);
  const { saleId } = sale.value;
  const scanned = await handlers['sale/scan']({ saleId, code: '8712345000134' });
  if (!scanned.ok) throw new Error(scanned.error.message);
  const receipt = await handlers['sale/confirm']({ saleId });
  if (!receipt.ok) throw new Error(receipt.error.message);
  // Linux writes to a pipe synchronously: a printed code was confirmed before it was printed.
  process.stdout.write(`${receipt.value.basketCode}\n`);
}
