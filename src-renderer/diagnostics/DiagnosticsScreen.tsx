import { useQuery } from '@tanstack/react-query';
import { failureMessage, useTillClient } from '../client';
import { AlertSlot, type AlertProps } from '../common/AlertSlot';
import type { TillOutput } from '../../src-shared/till';
import { formatBytes, formatStamp } from '../common/time';
import { useTillLocale } from '../common/useTillLocale';
import { ChecksTable } from './ChecksTable';
import { diagnosticsQuery } from './queries';

function configText(value: string | number | boolean | null): string {
  if (value === null) return '—';
  return String(value);
}

type Report = TillOutput<'diagnostics/run'>;
type Check = Report['checks'][number];

/** Failed checks in red, warnings in amber; skipped ones are counted apart, never as failed. */
function summary(error: Error | null, report: Report | undefined): AlertProps['alert'] {
  if (error) return { tone: 'danger', lines: [failureMessage(error)] };
  if (!report) return null;
  const { fail: failed, warn: warned, skipped } = verdictCounts(report);
  const total = report.checks.length;
  const alsoSkipped = skipped > 0 ? ` ${skipped} could not run.` : '';
  if (failed > 0)
    return { tone: 'danger', lines: [`${failed} of ${total} checks failed.${alsoSkipped}`] };
  if (warned > 0)
    return { tone: 'warning', lines: [`${warned} of ${total} checks need a look.${alsoSkipped}`] };
  return null;
}

function verdictCounts(report: Report): Record<Check['verdict'], number> {
  const counts = { ok: 0, warn: 0, fail: 0, skipped: 0 };
  for (const check of report.checks) counts[check.verdict] += 1;
  return counts;
}

/** Shown when nothing failed or warned. */
function idleText(report: Report): string {
  const { ok: passed, skipped } = verdictCounts(report);
  return skipped > 0
    ? `${passed} checks passed; ${skipped} could not run.`
    : `All ${report.checks.length} checks passed.`;
}

function countText(value: number | null): string {
  return value === null ? 'unknown' : String(value);
}

function cacheText(updatedAt: string | null, locale: string | undefined): string {
  return updatedAt === null ? 'never' : formatStamp(updatedAt, locale);
}

/** For IT: the same checks as `till:doctor`, the masked configuration, where files are. */
export function DiagnosticsScreen() {
  const client = useTillClient();
  const locale = useTillLocale();
  const diagnostics = useQuery(diagnosticsQuery(client));
  const report = diagnostics.data;

  return (
    <div className="diagnostics">
      <header className="screen-header">
        <h1 className="screen-header__title">Diagnostics</h1>
        <p className="screen-header__meta">
          {report ? <>voucher-till {report.version}</> : '\u00a0'}
        </p>
        <button
          type="button"
          className={`button button--primary button--small ${diagnostics.isFetching ? 'is-working' : ''}`}
          disabled={diagnostics.isFetching}
          onClick={() => void diagnostics.refetch()}
        >
          Run checks again
        </button>
      </header>
      <AlertSlot
        alert={summary(diagnostics.isError ? diagnostics.error : null, report)}
        idleText={
          diagnostics.isFetching ? 'Running the checks…' : report ? idleText(report) : '\u00a0'
        }
      />
      <div className="diagnostics__grid">
        <section className="panel" aria-labelledby="checks-heading">
          <h2 id="checks-heading" className="panel__heading">
            Checks
          </h2>
          <ChecksTable checks={report?.checks} />
        </section>
        <div className="stack">
          <section className="panel" aria-labelledby="files-heading">
            <h2 id="files-heading" className="panel__heading">
              Files
            </h2>
            <dl className="facts">
              <dt>Version</dt>
              <dd className="code">{report?.version ?? '…'}</dd>
              <dt>Database</dt>
              <dd className="code">{report?.databasePath ?? '…'}</dd>
              <dt>Database size</dt>
              <dd>{report ? formatBytes(report.databaseBytes, locale) : '…'}</dd>
              <dt>Log</dt>
              <dd className="code">{report?.logPath ?? '…'}</dd>
              <dt>Sales waiting</dt>
              <dd>{report ? countText(report.salesWaiting) : '…'}</dd>
              <dt>Open conflicts</dt>
              <dd>{report ? countText(report.conflictsOpen) : '…'}</dd>
              <dt>Honour cache updated</dt>
              <dd>{report ? cacheText(report.honourCacheUpdatedAt, locale) : '…'}</dd>
            </dl>
          </section>
          <section className="panel" aria-labelledby="config-heading">
            <h2 id="config-heading" className="panel__heading">
              Configuration
            </h2>
            <div className="table-frame">
              <table className="table table--dense" aria-label="Configuration">
                <thead>
                  <tr>
                    <th scope="col">Setting</th>
                    <th scope="col">Value</th>
                  </tr>
                </thead>
                <tbody>
                  {Object.entries(report?.config ?? {}).map(([key, value]) => (
                    <tr key={key}>
                      <td className="code">{key}</td>
                      <td className={`code ${value === '***' ? 'masked' : ''}`}>
                        {configText(value)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </div>
      </div>
    </div>
  );
}
