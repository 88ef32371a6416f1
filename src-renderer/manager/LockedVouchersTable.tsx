import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTillClient } from '../client';
import { PlaceholderRow } from '../common/PlaceholderRow';
import { formatClock, timeLeft } from '../common/time';
import { useNow } from '../common/useNow';
import { VOUCHER_TYPE_LABELS, voucherName } from '../common/voucher-labels';
import { lockedVouchersQuery } from './queries';
import { UnlockDialog } from './UnlockDialog';

/** The store's held vouchers, each with an Unlock that asks for a reason. */
export function LockedVouchersTable({ locale }: { readonly locale: string | undefined }) {
  const client = useTillClient();
  const locked = useQuery(lockedVouchersQuery(client));
  const now = useNow(1000, (locked.data?.length ?? 0) > 0);
  const [unlocking, setUnlocking] = useState<{ voucherKey: string; name: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);

  return (
    <section className="panel" aria-labelledby="locked-heading">
      <div className="panel__bar">
        <h2 id="locked-heading" className="panel__heading">
          Locked vouchers
        </h2>
        <p role="status" className="panel__status">
          {done ? `Voucher ${done} unlocked.` : ''}
        </p>
      </div>
      <div className="table-frame">
        <table className="table" aria-label="Locked vouchers">
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Type</th>
              <th scope="col">Owner</th>
              <th scope="col">Basket</th>
              <th scope="col">Locked until</th>
              <td />
            </tr>
          </thead>
          <tbody>
            <PlaceholderRow
              query={locked}
              columns={6}
              empty="No vouchers are locked in this store."
            />
            {locked.data?.map((voucher) => {
              const name = voucherName(voucher.code, voucher.voucherKey);
              const left = timeLeft(voucher.lockedUntil, now);
              return (
                <tr key={voucher.voucherKey}>
                  <td className="code">{name}</td>
                  <td>{VOUCHER_TYPE_LABELS[voucher.type]}</td>
                  <td>
                    {voucher.ownerMemberNumber ? `Member ${voucher.ownerMemberNumber}` : 'Anyone'}
                  </td>
                  <td className="code">{voucher.basketCode ?? '—'}</td>
                  <td className="num-inline">
                    {formatClock(voucher.lockedUntil, locale)}
                    <span className="muted"> {left ? `(${left} left)` : '(ended)'}</span>
                  </td>
                  <td className="table__action">
                    <button
                      type="button"
                      className="button button--small button--warning"
                      onClick={() => {
                        setDone(null);
                        setUnlocking({ voucherKey: voucher.voucherKey, name });
                      }}
                    >
                      Unlock {name}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {unlocking ? (
        <UnlockDialog
          voucherKey={unlocking.voucherKey}
          name={unlocking.name}
          onClose={() => {
            setUnlocking(null);
          }}
          onUnlocked={(name) => {
            setUnlocking(null);
            setDone(name);
          }}
        />
      ) : null}
    </section>
  );
}
