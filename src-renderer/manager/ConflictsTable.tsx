import { useQuery } from '@tanstack/react-query';
import { failureMessage, useTillClient } from '../client';
import { PlaceholderRow } from '../common/PlaceholderRow';
import { formatStamp } from '../common/time';
import { useAcknowledgeConflict } from './mutations';
import { conflictsQuery } from './queries';

/** Sales the engine disagreed with after an offline sync: each one read and acknowledged. */
export function ConflictsTable({ locale }: { readonly locale: string | undefined }) {
  const client = useTillClient();
  const conflicts = useQuery(conflictsQuery(client));
  const acknowledge = useAcknowledgeConflict();

  return (
    <section className="panel" aria-labelledby="conflicts-heading">
      <div className="panel__bar">
        <h2 id="conflicts-heading" className="panel__heading">
          Sync conflicts
        </h2>
        {acknowledge.isError ? (
          <p role="alert" className="panel__status panel__status--error">
            {failureMessage(acknowledge.error)}
          </p>
        ) : null}
      </div>
      <div className="table-frame">
        <table className="table" aria-label="Sync conflicts">
          <thead>
            <tr>
              <th scope="col">Raised</th>
              <th scope="col">Basket</th>
              <th scope="col">Voucher</th>
              <th scope="col">What happened</th>
              <td />
            </tr>
          </thead>
          <tbody>
            <PlaceholderRow query={conflicts} columns={5} empty="No sync conflicts." />
            {conflicts.data?.map((conflict) => (
              <tr key={conflict.id}>
                <td>{formatStamp(conflict.createdAt, locale)}</td>
                <td className="code">{conflict.basketCode}</td>
                <td className="code">{conflict.voucherRef ?? '—'}</td>
                <td>{conflict.message}</td>
                <td className="table__action">
                  {conflict.acknowledgedAt ? (
                    <span className="muted">
                      Acknowledged by {conflict.acknowledgedBy ?? 'a manager'}
                    </span>
                  ) : (
                    <button
                      type="button"
                      className="button button--small button--primary"
                      disabled={acknowledge.isPending}
                      onClick={() => {
                        acknowledge.mutate({ conflictId: conflict.id });
                      }}
                    >
                      Acknowledge
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
