import { useQuery } from '@tanstack/react-query';
import { failureMessage, useTillClient } from '../client';
import { AlertSlot, type AlertProps } from '../common/AlertSlot';
import type { TillOutput } from '../../src-shared/till';
import { formatBytes } from '../common/time';
import { useTillLocale } from '../common/useTillLocale';
import { ChecksTable } from './ChecksTable';
import { diagnosticsQuery } from './queries';

function configText(value: string | number | boolean | null): string {
  if (value === null) return '—';
  return String(value);
}

type Report = TillOutput<'diagnostics/run'>;

/** Failed checks in red, warnings in amber, nothing when every check passed. */
function summary(error: Error | null, report: Report | undefined): AlertProps['alert'] {
  if (error) return { tone: 'danger', lines: [failureMessage(error)] };
  if (!report) return null;
  const count = (verdict: 'fail' | 'warn') =>
    report.checks.filter((check) => check.verdict === verdict).length;
  const failed = count('fail');
  const warned = count('warn');
  if (failed > 0)
    return { tone: 'danger', lines: [`${failed} of ${report.checks.length} checks failed.`] };
  if (warned > 0)
    return { tone: 'warning', lines: [`${warned} of ${report.checks.length} checks need a look.`] };
  return null;
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
          diagnostics.isFetching
            ? 'Running the checks…'
            : report
              ? `All ${report.checks.length} checks passed.`
              : '\u00a0'
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
