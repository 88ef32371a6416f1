import { useTranslation } from 'react-i18next';
import { sayCheckWords, type CheckWords } from '../../src-shared/i18n';
import type { TillOutput } from '../../src-shared/till';

type Check = TillOutput<'diagnostics/run'>['checks'][number];

/** The check words the till core gives, in the screen's language. */
export function useCheckWords(): (words: CheckWords) => string {
  const { t } = useTranslation();
  return (words) => sayCheckWords(words, (key, params) => t(key, params));
}

/**
 * One row per check, its verdict as a coloured badge with the word on it; a skipped check says why,
 * and a failed one (or a warning that has one) what IT does next, under its detail.
 */
export function ChecksTable({ checks }: { readonly checks: readonly Check[] | undefined }) {
  const { t } = useTranslation();
  const say = useCheckWords();
  return (
    // scrolls on a short screen (a training banner above it, long Dutch words): reachable by keyboard, named
    <div
      className="table-frame"
      role="region"
      aria-label={t('screens.diagnostics.checksRegion')}
      tabIndex={0}
    >
      <table className="table" aria-label={t('screens.diagnostics.checksTable')}>
        <thead>
          <tr>
            <th scope="col">{t('screens.diagnostics.columns.check')}</th>
            <th scope="col">{t('screens.diagnostics.columns.result')}</th>
            <th scope="col">{t('screens.diagnostics.columns.detail')}</th>
          </tr>
        </thead>
        <tbody>
          {checks === undefined ? (
            <tr className="table__placeholder">
              <td colSpan={3}>{t('screens.diagnostics.running')}</td>
            </tr>
          ) : (
            checks.map((check) => (
              <tr key={check.name}>
                <td className="check__name">{t(`screens.diagnostics.checks.${check.name}`)}</td>
                <td>
                  <span className={`verdict verdict--${check.verdict}`}>
                    {t(`screens.diagnostics.verdicts.${check.verdict}`)}
                  </span>
                </td>
                <td className="check__detail">
                  {say(check.detail)}
                  {check.nextStep === null ? null : (
                    <p className="check__next-step">
                      <strong>{t('screens.diagnostics.nextStep')}</strong> {say(check.nextStep)}
                    </p>
                  )}
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
