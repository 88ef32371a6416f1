import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useTillClient } from '../client';
import { failureText } from '../common/message-words';
import { AlertSlot, type AlertProps } from '../common/AlertSlot';
import type { TillOutput } from '../../src-shared/till';
import { byteSize } from '../common/time';
import { useNow } from '../common/useNow';
import { cacheAgeText } from '../status/cache-age';
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
function summary(
  t: TFunction,
  language: string,
  error: Error | null,
  report: Report | undefined,
): AlertProps['alert'] {
  if (error) return { tone: 'danger', lines: [failureText(error, t, { language })] };
  if (!report) return null;
  const { fail: failed, warn: warned, skipped } = verdictCounts(report);
  const total = report.checks.length;
  const alsoSkipped =
    skipped > 0 ? ` ${t('screens.diagnostics.summary.alsoSkipped', { skipped })}` : '';
  if (failed > 0)
    return {
      tone: 'danger',
      lines: [`${t('screens.diagnostics.summary.failed', { failed, total })}${alsoSkipped}`],
    };
  if (warned > 0)
    return {
      tone: 'warning',
      lines: [`${t('screens.diagnostics.summary.warned', { warned, total })}${alsoSkipped}`],
    };
  return null;
}

function verdictCounts(report: Report): Record<Check['verdict'], number> {
  const counts = { ok: 0, warn: 0, fail: 0, skipped: 0 };
  for (const check of report.checks) counts[check.verdict] += 1;
  return counts;
}

/** Shown when nothing failed or warned. */
function idleText(t: TFunction, report: Report): string {
  const { ok: passed, skipped } = verdictCounts(report);
  return skipped > 0
    ? t('screens.diagnostics.summary.passedSome', { passed, skipped })
    : t('screens.diagnostics.summary.passedAll', { total: report.checks.length });
}

function countText(t: TFunction, value: number | null): string {
  return value === null ? t('screens.diagnostics.files.unknown') : String(value);
}

/** When the honour cache was last filled, and how long ago: offline, honour vouchers are checked against it. */
function cacheText(t: TFunction, updatedAt: string | null, now: number): string {
  if (updatedAt === null) return t('screens.diagnostics.files.never');
  return t('screens.diagnostics.files.honourCacheAt', {
    at: updatedAt,
    age: cacheAgeText(t, updatedAt, now),
  });
}

function sizeText(t: TFunction, bytes: number, locale: string | undefined): string {
  const { value, unit } = byteSize(bytes, locale);
  return t(`screens.diagnostics.bytes.${unit}`, { value });
}

/** For IT: the same checks as `till:doctor`, the masked configuration, where files are. */
export function DiagnosticsScreen() {
  const { t, i18n } = useTranslation();
  const client = useTillClient();
  const locale = useTillLocale();
  const now = useNow(30_000);
  const diagnostics = useQuery(diagnosticsQuery(client));
  const report = diagnostics.data;

  return (
    <div className="diagnostics">
      <header className="screen-header">
        <h1 className="screen-header__title">{t('screens.diagnostics.heading')}</h1>
        <p className="screen-header__meta">
          {report ? t('screens.diagnostics.version', { version: report.version }) : '\u00a0'}
        </p>
        <button
          type="button"
          className={`button button--primary button--small ${diagnostics.isFetching ? 'is-working' : ''}`}
          disabled={diagnostics.isFetching}
          onClick={() => void diagnostics.refetch()}
        >
          {t('screens.diagnostics.runAgain')}
        </button>
      </header>
      <AlertSlot
        alert={summary(t, i18n.language, diagnostics.isError ? diagnostics.error : null, report)}
        idleText={
          diagnostics.isFetching
            ? t('screens.diagnostics.running')
            : report
              ? idleText(t, report)
              : '\u00a0'
        }
      />
      <div className="diagnostics__grid">
        <section className="panel" aria-labelledby="checks-heading">
          <h2 id="checks-heading" className="panel__heading">
            {t('screens.diagnostics.checksHeading')}
          </h2>
          <ChecksTable checks={report?.checks} />
        </section>
        <div className="stack">
          <section className="panel" aria-labelledby="files-heading">
            <h2 id="files-heading" className="panel__heading">
              {t('screens.diagnostics.files.heading')}
            </h2>
            <dl className="facts">
              <dt>{t('screens.diagnostics.files.version')}</dt>
              <dd className="code">{report?.version ?? '…'}</dd>
              <dt>{t('screens.diagnostics.files.database')}</dt>
              <dd className="code">{report?.databasePath ?? '…'}</dd>
              <dt>{t('screens.diagnostics.files.databaseSize')}</dt>
              <dd>{report ? sizeText(t, report.databaseBytes, locale) : '…'}</dd>
              <dt>{t('screens.diagnostics.files.log')}</dt>
              <dd className="code">{report?.logPath ?? '…'}</dd>
              <dt>{t('screens.diagnostics.files.salesWaiting')}</dt>
              <dd>{report ? countText(t, report.salesWaiting) : '…'}</dd>
              <dt>{t('screens.diagnostics.files.conflictsOpen')}</dt>
              <dd>{report ? countText(t, report.conflictsOpen) : '…'}</dd>
              <dt>{t('screens.diagnostics.files.honourCache')}</dt>
              <dd>{report ? cacheText(t, report.honourCacheUpdatedAt, now) : '…'}</dd>
            </dl>
          </section>
          <section className="panel" aria-labelledby="config-heading">
            <h2 id="config-heading" className="panel__heading">
              {t('screens.diagnostics.configuration.heading')}
            </h2>
            <div className="table-frame">
              <table
                className="table table--dense"
                aria-label={t('screens.diagnostics.configuration.table')}
              >
                <thead>
                  <tr>
                    <th scope="col">{t('screens.diagnostics.configuration.setting')}</th>
                    <th scope="col">{t('screens.diagnostics.configuration.value')}</th>
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
