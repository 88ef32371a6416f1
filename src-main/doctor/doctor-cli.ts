// `npm run till:doctor [-- --config PATH]`: IT's diagnostics. One line per check, then the
// configuration with its secrets masked. Exit 0 nothing failed, 1 a check failed, 2 bad usage.
import { parseArgs } from 'node:util';
import type { TillConfig } from '../config';
import { hasFailure, type DiagnosticCheck, type Verdict } from './check';
import { runDiagnostics, type DiagnosticsReport } from './run-diagnostics';

const USAGE = 'usage: npm run till:doctor [-- --config PATH]';

const MARKS: Record<Verdict, string> = { ok: 'OK  ', warn: 'WARN', fail: 'FAIL' };

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
  if (report.config === null) {
    lines.push('Configuration: not loaded (see the config check above).');
  } else {
    lines.push(`Configuration (${report.configPath ?? 'defaults'}; secrets masked):`);
    lines.push(...flatten(report.config).map(([key, value]) => `  ${key} = ${value}`));
    if (report.config.engineUrl === undefined) lines.push('  engineUrl = (none: demo mode)');
  }
  const failures = report.checks.filter((check) => check.verdict === 'fail').length;
  const warnings = report.checks.filter((check) => check.verdict === 'warn').length;
  lines.push(
    '',
    `${failures} failed, ${warnings} with warnings, of ${report.checks.length} checks.`,
  );
  return lines.join('\n');
}

function formatCheck(check: DiagnosticCheck): string {
  // A multi-line detail (a config error lists each problem) stays under its check, indented.
  const [first = '', ...rest] = check.detail.split('\n');
  const head = `[${MARKS[check.verdict]}] ${check.name.padEnd(21)} ${first}`;
  return [head, ...rest.map((line) => `${' '.repeat(29)}${line.trim()}`)].join('\n');
}

function flatten(config: TillConfig): [string, string][] {
  const rows: [string, string][] = [];
  const visit = (prefix: string, value: unknown): void => {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [key, child] of Object.entries(value)) {
        visit(prefix === '' ? key : `${prefix}.${key}`, child);
      }
    } else {
      rows.push([prefix, JSON.stringify(value)]);
    }
  };
  visit('', config);
  return rows;
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
