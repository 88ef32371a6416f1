import { useQuery } from '@tanstack/react-query';
import { useTillClient } from '../client';
import { PlaceholderRow } from '../common/PlaceholderRow';
import { formatStamp } from '../common/time';
import { auditLogQuery } from './queries';

/** What happened on this till, newest first: who did what to which voucher and basket. */
export function AuditLogTable({ locale }: { readonly locale: string | undefined }) {
  const client = useTillClient();
  const log = useQuery(auditLogQuery(client));
  return (
    <section className="panel" aria-labelledby="audit-heading">
      <div className="panel__bar">
        <h2 id="audit-heading" className="panel__heading">
          Audit log
        </h2>
        <p className="panel__note">
          {log.data
            ? `Latest ${log.data.length} ${log.data.length === 1 ? 'entry' : 'entries'}`
            : ''}
        </p>
      </div>
      <div className="table-frame">
        <table className="table table--dense" aria-label="Audit log">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">Voucher</th>
              <th scope="col">Basket</th>
              <th scope="col">Detail</th>
            </tr>
          </thead>
          <tbody>
            <PlaceholderRow query={log} columns={6} empty="Nothing has been recorded yet." />
            {log.data?.map((entry) => (
              <tr key={entry.id}>
                <td className="nowrap">{formatStamp(entry.at, locale)}</td>
                <td>{entry.actor}</td>
                <td>
                  <span className="tag">{entry.action}</span>
                </td>
                <td className="code">
                  <span className="truncate" title={entry.voucherKey ?? undefined}>
                    {entry.voucherKey ?? '—'}
                  </span>
                </td>
                <td className="code">{entry.basketCode ?? '—'}</td>
                <td className="audit__detail">{entry.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
