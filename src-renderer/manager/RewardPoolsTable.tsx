import { useQuery } from '@tanstack/react-query';
import { useTillClient } from '../client';
import { PlaceholderRow } from '../common/PlaceholderRow';
import { rewardPoolsQuery } from './queries';
import { TableHead } from '../common/TableHead';
import { Panel } from './Panel';

const WORDS = {
  heading: 'Reward pools',
  columns: ['Reward', 'Codes left', 'Of', 'Stock'],
  empty: 'This chain has no reward pools.',
  low: (threshold: number | null) =>
    threshold === null ? 'Low' : `Low: ${threshold} or fewer left, ask for a refill`,
  empty0: 'None left, ask for a refill',
  fine: 'Enough',
};

function stockInWords(pool: { unused: number; threshold: number | null; low: boolean }): string {
  if (pool.unused === 0) return WORDS.empty0;
  return pool.low ? WORDS.low(pool.threshold) : WORDS.fine;
}

/** The chain's reward pools as the store sees them: how many codes each has left. */
export function RewardPoolsTable() {
  const client = useTillClient();
  const pools = useQuery(rewardPoolsQuery(client));
  return (
    <Panel id="pools" heading={WORDS.heading}>
      <div className="table-frame">
        <table className="table" aria-label={WORDS.heading}>
          <TableHead columns={WORDS.columns} />
          <tbody>
            <PlaceholderRow query={pools} columns={WORDS.columns.length} empty={WORDS.empty} />
            {pools.data?.map((pool) => (
              <tr key={pool.campaignId}>
                <td>{pool.title}</td>
                <td className="num-inline">{pool.unused}</td>
                <td className="num-inline">{pool.total}</td>
                <td>
                  {pool.low ? (
                    <span className="tag tag--warning">{stockInWords(pool)}</span>
                  ) : (
                    stockInWords(pool)
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
