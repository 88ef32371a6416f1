import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTillClient } from '../client';
import { statusQuery } from './queries';

/**
 * Always at the bottom, in the cashier's words: whether the till is online (and, offline, what
 * still works), which store and terminal this is, what waits to sync. The engine's address and
 * the honour cache's age are for IT, on Diagnostics (F3).
 */
export function StatusBar() {
  const { t } = useTranslation();
  const client = useTillClient();
  const { data: status, isError } = useQuery(statusQuery(client));
  const online = status?.online === true && !isError;
  const unknown = t('screens.status.unknown');
  return (
    <footer className="status-bar" aria-label={t('screens.status.region')}>
      <p className={`status-bar__link ${online ? 'is-online' : 'is-offline'}`}>
        <span className="status-bar__dot" aria-hidden="true" />
        <span className="status-bar__state">
          {online ? t('screens.status.online') : t('screens.status.offline')}
        </span>
        {isError ? (
          <span className="status-bar__detail">{t('screens.status.tillNotAnswering')}</span>
        ) : null}
        {!isError && status && !status.online ? (
          <span className="status-bar__detail">
            {status.honourCacheUpdatedAt === null
              ? t('screens.status.offlineNoHonour')
              : t('screens.status.offlineSelling')}
          </span>
        ) : null}
      </p>
      <p>{t('screens.status.store', { store: status?.storeCode ?? unknown })}</p>
      <p>{t('screens.status.terminal', { terminal: status?.terminalId ?? unknown })}</p>
      <p className={status && status.salesWaiting > 0 ? 'status-bar__waiting' : ''}>
        {t('screens.status.salesWaiting', { waiting: status?.salesWaiting ?? unknown })}
      </p>
      {status && status.conflictsOpen > 0 ? (
        <p className="status-bar__waiting">
          {t('screens.status.conflicts', { conflicts: status.conflictsOpen })}
        </p>
      ) : null}
    </footer>
  );
}
