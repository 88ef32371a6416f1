import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TillOutput } from '../../src-shared/till';
import { useTillClient } from '../client';
import { PlaceholderRow } from '../common/PlaceholderRow';
import { formatClock, timeLeft } from '../common/time';
import { useNow } from '../common/useNow';
import { voucherName, voucherTypeKey } from '../common/voucher-labels';
import { lockedVouchersQuery } from './queries';
import { UnlockDialog, type UnlockTarget } from './UnlockDialog';
import { TableHead } from '../common/TableHead';
import { Panel } from './Panel';

type LockedVoucher = TillOutput<'manager/locked-vouchers'>[number];

function leftInWords(t: TFunction, left: string | null): string {
  return left === null
    ? t('screens.manager.locked.ended')
    : t('screens.manager.locked.left', { left });
}

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
  const { t } = useTranslation();
  const client = useTillClient();
  const heading = t('screens.manager.locked.heading');
  const headings = [
    t('screens.manager.locked.columns.code'),
    t('screens.manager.locked.columns.type'),
    t('screens.manager.locked.columns.owner'),
    t('screens.manager.locked.columns.basket'),
    t('screens.manager.locked.columns.lockedUntil'),
  ];
  const locked = useQuery(lockedVouchersQuery(client));
  const now = useNow(1000, (locked.data?.length ?? 0) > 0);
  const [unlocking, setUnlocking] = useState<UnlockTarget | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const columns = headings.length + 1;

  return (
    <Panel
      id="locked"
      heading={heading}
      bar={
        <p role="status" className="panel__status">
          {done ?? ''}
        </p>
      }
    >
      <div className="table-frame">
        <table className="table" aria-label={heading}>
          <TableHead columns={headings} actions />
          <tbody>
            <PlaceholderRow
              query={locked}
              columns={columns}
              empty={t('screens.manager.locked.empty')}
            />
            {bySale(locked.data ?? []).map(([basketCode, vouchers]) => (
              <Fragment key={basketCode ?? ''}>
                <tr className="locks__basket">
                  <th scope="rowgroup" colSpan={columns - 1}>
                    {basketCode === null
                      ? t('screens.manager.locked.noSale', { count: vouchers.length })
                      : t('screens.manager.locked.sale', { basketCode, count: vouchers.length })}
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
                        {t('screens.manager.locked.freeSale', { basketCode })}
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
                      <td>{t(voucherTypeKey(voucher.type))}</td>
                      <td>
                        {voucher.ownerMemberNumber === null
                          ? t('screens.manager.locked.anyone')
                          : t('screens.manager.locked.member', {
                              member: voucher.ownerMemberNumber,
                            })}
                      </td>
                      <td className="code">{voucher.basketCode ?? t('screens.manager.none')}</td>
                      <td className="num-inline">
                        {formatClock(voucher.lockedUntil, locale)}
                        <span className="muted">
                          {' '}
                          {leftInWords(t, timeLeft(voucher.lockedUntil, now))}
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
                          {t('screens.manager.locked.unlock', { name })}
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
