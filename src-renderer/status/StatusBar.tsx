import { useQuery } from '@tanstack/react-query';
import { useTillClient } from '../client';
import { useNow } from '../common/useNow';
import { cacheAgeText } from './cache-age';
import { statusQuery } from './queries';

/** Always at the bottom: whether the engine answers, which terminal this is, how fresh the voucher cache is, what waits to sync. */
export function StatusBar() {
  const client = useTillClient();
  const { data: status, isError } = useQuery(statusQuery(client));
  const online = status?.online === true && !isError;
  const now = useNow(30_000);
  return (
    <footer className="status-bar" aria-label="Till status">
      <p className={`status-bar__link ${online ? 'is-online' : 'is-offline'}`}>
        <span className="status-bar__dot" aria-hidden="true" />
        <span className="status-bar__state">{online ? 'Online' : 'Offline'}</span>
        {isError ? <span className="status-bar__detail">the till is not answering</span> : null}
        {!isError && status && !status.online ? (
          <span className="status-bar__detail">the voucher engine is not answering</span>
        ) : null}
      </p>
      <p>Store {status?.storeCode ?? '…'}</p>
      <p>Terminal {status?.terminalId ?? '…'}</p>
      {status ? <p>{cacheAgeText(status.honourCacheUpdatedAt, now)}</p> : null}
      <p className={status && status.salesWaiting > 0 ? 'status-bar__waiting' : ''}>
        Sales waiting: {status?.salesWaiting ?? '…'}
      </p>
      {status && status.conflictsOpen > 0 ? (
        <p className="status-bar__waiting">Sync conflicts: {status.conflictsOpen}</p>
      ) : null}
      <p className="status-bar__engine" title={status?.engineUrl}>
        {status?.engineUrl ?? ''}
      </p>
    </footer>
  );
}
