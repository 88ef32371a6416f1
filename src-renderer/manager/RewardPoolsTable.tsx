import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useTillClient } from '../client';
import { PlaceholderRow } from '../common/PlaceholderRow';
import { rewardPoolsQuery } from './queries';
import { TableHead } from '../common/TableHead';
import { Panel } from './Panel';

function stockInWords(
  t: TFunction,
  pool: { unused: number; threshold: number | null; low: boolean },
): string {
  if (pool.unused === 0) return t('screens.manager.pools.noneLeft');
  if (!pool.low) return t('screens.manager.pools.fine');
  return pool.threshold === null
    ? t('screens.manager.pools.low')
    : t('screens.manager.pools.lowBelow', { threshold: pool.threshold });
}

/** The chain's reward pools as the store sees them: how many codes each has left. */
export function RewardPoolsTable() {
  const { t } = useTranslation();
  const client = useTillClient();
  const heading = t('screens.manager.pools.heading');
  const columns = [
    t('screens.manager.pools.columns.reward'),
    t('screens.manager.pools.columns.left'),
    t('screens.manager.pools.columns.of'),
    t('screens.manager.pools.columns.stock'),
  ];
  const pools = useQuery(rewardPoolsQuery(client));
  return (
    <Panel id="pools" heading={heading}>
      <div className="table-frame">
        <table className="table" aria-label={heading}>
          <TableHead columns={columns} />
          <tbody>
            <PlaceholderRow
              query={pools}
              columns={columns.length}
              empty={t('screens.manager.pools.empty')}
            />
            {pools.data?.map((pool) => (
              <tr key={pool.campaignId}>
                <td>{pool.title}</td>
                <td className="num-inline">{pool.unused}</td>
                <td className="num-inline">{pool.total}</td>
                <td>
                  {pool.low ? (
                    <span className="tag tag--warning">{stockInWords(t, pool)}</span>
                  ) : (
                    stockInWords(t, pool)
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Panel>
  );
}
