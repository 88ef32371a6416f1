import { useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import type { TillOutput } from '../../src-shared/till';
import { useTillClient } from '../client';
import { PlaceholderRow } from '../common/PlaceholderRow';
import { formatClock, timeLeft } from '../common/time';
import { useNow } from '../common/useNow';
import { VOUCHER_TYPE_LABELS, voucherName } from '../common/voucher-labels';
import { lockedVouchersQuery } from './queries';
import { UnlockDialog, type UnlockTarget } from './UnlockDialog';
import { TableHead } from '../common/TableHead';
import { Panel } from './Panel';

type LockedVoucher = TillOutput<'manager/locked-vouchers'>[number];

const WORDS = {
  heading: 'Locked vouchers',
  columns: ['Code', 'Type', 'Owner', 'Basket', 'Locked until'],
  empty: 'No vouchers are locked in this store.',
  owner: (member: string | null) => (member ? `Member ${member}` : 'Anyone'),
  left: (left: string | null) => (left ? `(${left} left)` : '(ended)'),
  unlock: (name: string) => `Unlock ${name}`,
  sale: (basketCode: string | null, count: number) =>
    `${basketCode === null ? 'Held for no sale' : `Sale ${basketCode}`}: ${count} ${count === 1 ? 'voucher' : 'vouchers'}`,
  freeSale: (basketCode: string) => `Free every voucher of sale ${basketCode}`,
  none: '—',
};

/** The held vouchers by the basket that holds them, in the order the engine listed them. */
function bySale(vouchers: readonly LockedVoucher[]): [string | null, LockedVoucher[]][] {
  const groups = new Map<string | null, LockedVoucher[]>();
  for (const voucher of vouchers) {
    const group = groups.get(voucher.basketCode);
    if (group) group.push(voucher);
    else groups.set(voucher.basketCode, [voucher]);
  }
  return [...groups];
}

/** The store's held vouchers, by sale, each with an Unlock that asks for a reason. */
export function LockedVouchersTable({ locale }: { readonly locale: string | undefined }) {
  const client = useTillClient();
  const locked = useQuery(lockedVouchersQuery(client));
  const now = useNow(1000, (locked.data?.length ?? 0) > 0);
  const [unlocking, setUnlocking] = useState<UnlockTarget | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const columns = WORDS.columns.length + 1;

  return (
    <Panel
      id="locked"
      heading={WORDS.heading}
      bar={
        <p role="status" className="panel__status">
          {done ?? ''}
        </p>
      }
    >
      <div className="table-frame">
        <table className="table" aria-label={WORDS.heading}>
          <TableHead columns={WORDS.columns} actions />
          <tbody>
            <PlaceholderRow query={locked} columns={columns} empty={WORDS.empty} />
            {bySale(locked.data ?? []).map(([basketCode, vouchers]) => (
              <Fragment key={basketCode ?? ''}>
                <tr className="locks__basket">
                  <th scope="rowgroup" colSpan={columns - 1}>
                    {WORDS.sale(basketCode, vouchers.length)}
                  </th>
                  <td className="table__action">
                    {basketCode === null ? null : (
                      <button
                        type="button"
                        className="button button--small button--warning"
                        onClick={() => {
                          setDone(null);
                          setUnlocking({ kind: 'basket', basketCode, count: vouchers.length });
                        }}
                      >
                        {WORDS.freeSale(basketCode)}
                      </button>
                    )}
                  </td>
                </tr>
                {vouchers.map((voucher) => {
                  const name = voucherName(voucher.code, voucher.voucherKey);
                  return (
                    <tr key={voucher.voucherKey}>
                      <td className="code" title={voucher.voucherKey}>
                        {name}
                      </td>
                      <td>{VOUCHER_TYPE_LABELS[voucher.type]}</td>
                      <td>{WORDS.owner(voucher.ownerMemberNumber)}</td>
                      <td className="code">{voucher.basketCode ?? WORDS.none}</td>
                      <td className="num-inline">
                        {formatClock(voucher.lockedUntil, locale)}
                        <span className="muted">
                          {' '}
                          {WORDS.left(timeLeft(voucher.lockedUntil, now))}
                        </span>
                      </td>
                      <td className="table__action">
                        <button
                          type="button"
                          className="button button--small button--warning"
                          onClick={() => {
                            setDone(null);
                            setUnlocking({ kind: 'voucher', voucherKey: voucher.voucherKey, name });
                          }}
                        >
                          {WORDS.unlock(name)}
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
      {unlocking ? (
        <UnlockDialog
          target={unlocking}
          onClose={() => {
            setUnlocking(null);
          }}
          onUnlocked={(said) => {
            setUnlocking(null);
            setDone(said);
          }}
        />
      ) : null}
    </Panel>
  );
}
