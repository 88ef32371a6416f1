// `npm run till [-- --config PATH]`: the till core in browser mode — the loopback API and the
// built UI (when it exists), its URL printed with this launch's token. Exit 2 on a bad config.
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { startTill } from './start-till';

export { startTill, type RunningTill, type StartTillOptions } from './start-till';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { config: { type: 'string' } } });
  const log = pino();
  const started = await startTill({
    env: process.env,
    ...(values.config === undefined ? {} : { argvPath: values.config }),
    log,
  });
  if (!started.ok) {
    process.stderr.write(`${started.error.message}\n`);
    process.exit(2);
  }
  const till = started.value;
  process.stdout.write(`The till is ready: open ${till.url}\n`);
  const stop = (signal: string) => {
    log.info({ signal }, 'stopping the till');
    void till.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) await main();
