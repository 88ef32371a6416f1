import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TillOutput } from '../../src-shared/till';
import { useTillClient } from '../client';
import { PlaceholderRow } from '../common/PlaceholderRow';
import { formatStamp } from '../common/time';
import { AcknowledgeDialog } from './AcknowledgeDialog';
import { conflictsQuery } from './queries';
import { reasonWords } from './reason-words';
import { placeInWords } from './till-words';
import { TableHead } from '../common/TableHead';
import { Panel } from './Panel';

export type Conflict = TillOutput<'manager/conflicts'>['conflicts'][number];

/** Who took the voucher instead, where the engine knows it. */
function winnerInWords(t: TFunction, winner: Conflict['winner']): string | null {
  if (winner === null) return null;
  return winner.terminalId === null
    ? t('screens.manager.conflicts.winnerNoTill', { basketCode: winner.basketCode })
    : t('screens.manager.conflicts.winner', {
        basketCode: winner.basketCode,
        terminalId: winner.terminalId,
      });
}

function AcknowledgedCell({ conflict }: { readonly conflict: Conflict }) {
  const { t } = useTranslation();
  const at = conflict.acknowledgedAt;
  return (
    <span className="muted">
      <span>
        {conflict.acknowledgedBy === null
          ? t('screens.manager.conflicts.acknowledgedByManager')
          : t('screens.manager.conflicts.acknowledgedBy', { by: conflict.acknowledgedBy })}
      </span>
      {at === null ? null : <span> {t('screens.manager.conflicts.acknowledgedAt', { at })}</span>}
      {conflict.note ? (
        <span> {t('screens.manager.conflicts.note', { note: conflict.note })}</span>
      ) : null}
    </span>
  );
}

/**
 * What sync found after a till of the store was offline: what happened, where, when, and what
 * to do — the store's list from the engine, or this till's own when the engine is away.
 */
export function ConflictsTable({ locale }: { readonly locale: string | undefined }) {
  const { t } = useTranslation();
  const client = useTillClient();
  const listed = useQuery(conflictsQuery(client));
  const [acknowledging, setAcknowledging] = useState<Conflict | null>(null);
  const heading = t('screens.manager.conflicts.heading');
  const columns = [
    t('screens.manager.conflicts.columns.when'),
    t('screens.manager.conflicts.columns.where'),
    t('screens.manager.conflicts.columns.basket'),
    t('screens.manager.conflicts.columns.voucher'),
    t('screens.manager.conflicts.columns.what'),
    t('screens.manager.conflicts.columns.next'),
  ];
  const rows = { ...listed, data: listed.data?.conflicts };
  const source = listed.data?.source;

  return (
    <Panel
      id="conflicts"
      heading={heading}
      bar={
        source === undefined ? null : (
          <p
            className={source === 'till' ? 'alert alert--warning' : 'panel__note'}
            title={listed.data?.unreachable ?? undefined}
          >
            {source === 'store'
              ? t('screens.manager.conflicts.store')
              : t('screens.manager.conflicts.tillOnly')}
          </p>
        )
      }
    >
      <div className="table-frame">
        <table className="table" aria-label={heading}>
          <TableHead columns={columns} actions />
          <tbody>
            <PlaceholderRow
              query={rows}
              columns={columns.length + 1}
              empty={t('screens.manager.conflicts.empty')}
            />
            {rows.data?.map((conflict) => {
              const reason = reasonWords(t, conflict.reason);
              const winner = winnerInWords(t, conflict.winner);
              const open = conflict.acknowledgedAt === null;
              return (
                <tr key={`${conflict.source}-${String(conflict.id)}`}>
                  <td className="nowrap">{formatStamp(conflict.createdAt, locale)}</td>
                  <td className="nowrap">{placeInWords(t, conflict)}</td>
                  <td className="code">{conflict.basketCode}</td>
                  <td className="code">{conflict.voucherRef ?? t('screens.manager.none')}</td>
                  <td>
                    <strong title={conflict.reason}>{reason.what}</strong>
                    <div className="muted">{conflict.message}</div>
                    {winner === null ? null : <div className="muted">{winner}</div>}
                  </td>
                  <td>{open ? reason.next : t('screens.manager.conflicts.done')}</td>
                  <td className="table__action">
                    {open ? (
                      <button
                        type="button"
                        className="button button--small button--primary"
                        onClick={() => {
                          setAcknowledging(conflict);
                        }}
                      >
                        {t('screens.manager.conflicts.acknowledge')}
                      </button>
                    ) : (
                      <AcknowledgedCell conflict={conflict} />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {acknowledging ? (
        <AcknowledgeDialog
          conflict={acknowledging}
          onClose={() => {
            setAcknowledging(null);
          }}
        />
      ) : null}
    </Panel>
  );
}
