// Child process of crash.test.ts, bundled once with esbuild and run with plain `node`: the real
// till core (startTill, the same code as production) selling croissants, every third sale with
// an honour voucher, until the test kills it with SIGKILL. It prints `READY` once the till is
// up (the sales the previous run left open dealt with), `DONE <basket code>` once a confirm has
// answered, and `REFUSED <basket code> <message>` for a confirm that failed (the sale is voided).
// Arguments: config file path, demo catalogue path, honour codes (comma-separated).
import pino from 'pino';
// start-till, not till-main: in a bundle till-main's own entry point would be this file
import { startTill } from '../../src-main/start-till';

const [configPath, demoCatalogue, honourList] = process.argv.slice(2);
if (configPath === undefined || demoCatalogue === undefined || honourList === undefined)
  throw new Error('usage: crash-child CONFIG DEMO_CATALOGUE HONOUR_CODES');
const honourCodes = honourList.split(',').filter((code) => code !== '');
const CROISSANT = '8712345000134';

/** Linux writes to a pipe synchronously: a printed line left the process before the next step. */
const say = (line: string) => {
  process.stdout.write(`${line}\n`);
};

const started = await startTill({
  env: {},
  argvPath: configPath,
  port: 0,
  log: pino({ level: 'silent' }),
  // the bundle lives elsewhere than the sources: the catalogue is only read into an empty store
  assets: { demoCatalogue, rendererDir: '/nonexistent' },
});
if (!started.ok) throw new Error(started.error.message);
const till = started.value;
await till.interrupted;
const { handlers } = till.core;
say('READY');

for (let n = 1; ; n += 1) {
  const sale = await handlers['sale/start']({});
  if (!sale.ok) throw new Error(`sale/start: ${sale.error.message}`);
  const { saleId, basketCode } = sale.value;
  const scanned = await handlers['sale/scan']({ saleId, code: CROISSANT });
  if (!scanned.ok) throw new Error(`sale/scan: ${scanned.error.message}`);
  const honour = n % 3 === 0 ? honourCodes[(n / 3) % honourCodes.length] : undefined;
  // a refused voucher (used already, locked, not in the cache) leaves the sale as it was
  if (honour !== undefined) await handlers['sale/scan']({ saleId, code: honour });
  const receipt = await handlers['sale/confirm']({ saleId });
  if (receipt.ok) {
    say(`DONE ${receipt.value.basketCode}`);
    continue;
  }
  say(`REFUSED ${basketCode} ${receipt.error.code}: ${receipt.error.message}`);
  const voided = await handlers['sale/void']({ saleId });
  if (!voided.ok) throw new Error(`sale/void: ${voided.error.message}`);
}
