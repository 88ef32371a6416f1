// `npm run till:doctor [-- --config PATH]`: IT's diagnostics, the same checks as the F3 screen.
// One line per check, the facts, then the configuration with its secrets masked. Exit 0 nothing
// failed (a skipped check is not a failure), 1 a check failed, 2 bad usage.
import { parseArgs } from 'node:util';
import { hasFailure, type DiagnosticCheck, type Verdict } from './check';
import { englishCheck } from './english';
import { flattenConfig } from './flat-config';
import { runDiagnostics, type DiagnosticFacts, type DiagnosticsReport } from './run-diagnostics';

const USAGE = 'usage: npm run till:doctor [-- --config PATH]';

const MARKS: Record<Verdict, string> = { ok: 'OK  ', warn: 'WARN', fail: 'FAIL', skipped: 'SKIP' };

async function main(argv: readonly string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      options: { config: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: false,
    });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  if (args.values.help === true) {
    console.log(USAGE);
    return 0;
  }
  const { config } = args.values;
  const report = await runDiagnostics({
    env: process.env,
    ...(config === undefined ? {} : { argvPath: config }),
  });
  console.log(formatReport(report));
  return hasFailure(report.checks) ? 1 : 0;
}

function formatReport(report: DiagnosticsReport): string {
  const lines = ['Till diagnostics', ...report.checks.map(formatCheck), ''];
  if (report.facts !== null) lines.push('Facts:', ...formatFacts(report.facts), '');
  if (report.config === null) {
    lines.push('Configuration: not loaded (see the config check above).');
  } else {
    lines.push(`Configuration (${report.configPath}; secrets masked):`);
    lines.push(
      ...Object.entries(flattenConfig(report.config)).map(
        ([key, value]) => `  ${key} = ${JSON.stringify(value)}`,
      ),
    );
    if (report.config.engineUrl === undefined) lines.push('  engineUrl = (none: demo mode)');
  }
  const count = (verdict: Verdict) =>
    report.checks.filter((check) => check.verdict === verdict).length;
  lines.push(
    '',
    `${count('fail')} failed, ${count('warn')} with warnings, ${count('skipped')} skipped, of ${report.checks.length} checks.`,
  );
  return lines.join('\n');
}

function formatFacts(facts: DiagnosticFacts): string[] {
  const unread = '(unknown: the local database was not read)';
  const known = (value: number | null) => (value === null ? unread : String(value));
  return [
    `  version = ${facts.version}`,
    `  database = ${facts.databasePath} (${facts.databaseBytes} bytes)`,
    `  sales waiting for the engine = ${known(facts.salesWaiting)}`,
    `  open sync conflicts = ${known(facts.conflictsOpen)}`,
    `  honour cache updated = ${facts.honourCacheUpdatedAt?.toISOString() ?? (facts.salesWaiting === null ? unread : 'never')}`,
  ];
}

function formatCheck(check: DiagnosticCheck): string {
  // A multi-line detail (a config error lists each problem) stays under its check, indented,
  // and so does the next step, as F3 shows it under the detail.
  const { name, detail, nextStep } = englishCheck(check);
  const [first = '', ...rest] = detail.split('\n');
  const head = `[${MARKS[check.verdict]}] ${name.padEnd(21)} ${first}`;
  const next = nextStep === null ? [] : [`Next step: ${nextStep}`];
  return [head, ...[...rest, ...next].map((line) => `${' '.repeat(29)}${line.trim()}`)].join('\n');
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A bug, not an expected outcome: one line for IT, no stack trace.
    console.error(
      `till:doctor stopped on an unexpected error: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exitCode = 1;
  },
);
