// Child process of basket-codes.test.ts: allocates basket codes forever, printing each one after
// its commit, until the test kills it with SIGKILL. Arguments: database path.
import { allocateBasketCode } from '../../src-main/store/basket-codes';
import { openStore } from '../../src-main/store/open-store';

const path = process.argv[2];
if (path === undefined) throw new Error('usage: allocate-codes-until-killed.ts DATABASE');
const opened = openStore(path);
if (!opened.ok) throw new Error(opened.error.message);
const scope = { storeCode: 'S001', terminalId: '01', timezone: 'Europe/Amsterdam' };
const now = new Date('2026-11-23T10:00:00Z');
for (;;) {
  // Linux writes to a pipe synchronously: a printed code was committed before it was printed.
  process.stdout.write(`${allocateBasketCode(opened.value, scope, now)}\n`);
}
