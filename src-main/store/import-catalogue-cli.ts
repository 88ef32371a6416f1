// `npm run till:import-catalogue -- FILE [--config PATH]`: replaces the till's catalogue with FILE
// (CSV or JSON). Exit 0 imported, 2 bad input (usage, config, file), nothing changed on failure.
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { importCatalogue } from './catalogue';
import { databasePath, openStore } from './open-store';

const USAGE =
  'usage: npm run till:import-catalogue -- FILE [--config PATH]   (FILE: .csv or .json)';

function main(argv: readonly string[]): number {
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      options: { config: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    });
  } catch (error) {
    return fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  if (args.values.help === true) {
    console.log(USAGE);
    return 0;
  }
  const [file, ...extra] = args.positionals;
  if (file === undefined || extra.length > 0) return fail(USAGE);

  const loaded = loadConfig({
    env: process.env,
    ...(args.values.config === undefined ? {} : { argvPath: args.values.config }),
  });
  if (!loaded.ok) return fail(loaded.error.message);
  const { config } = loaded.value;

  const path = databasePath(config.dataDir);
  const opened = openStore(path);
  if (!opened.ok) return fail(opened.error.message);
  const db = opened.value;
  try {
    const imported = importCatalogue(db, file, { currency: config.currency });
    if (!imported.ok) return fail(imported.error.message);
    const { total, added, updated, unchanged, removed } = imported.value;
    console.log(
      `Imported ${total} products from ${file} into ${path} (${config.currency}): ` +
        `${added} added, ${updated} updated, ${unchanged} unchanged, ${removed} removed.`,
    );
    return 0;
  } finally {
    db.close();
  }
}

function fail(message: string): number {
  console.error(message);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
