import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
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

type Conflict = TillOutput<'manager/conflicts'>[number];

const WORDS = {
  heading: 'Sync conflicts',
  columns: ['When', 'Where', 'Basket', 'Voucher', 'What happened', 'What to do next'],
  empty: 'No sync conflicts.',
  none: '—',
  acknowledgeShort: 'Acknowledge',
  acknowledgedBy: (by: string | null) => `Acknowledged by ${by ?? 'a manager'}`,
  done: 'Done.',
};

/** What sync found after the till was offline: what happened, where, when, and what to do. */
export function ConflictsTable({ locale }: { readonly locale: string | undefined }) {
  const client = useTillClient();
  const conflicts = useQuery(conflictsQuery(client));
  const [acknowledging, setAcknowledging] = useState<Conflict | null>(null);
  const columns = WORDS.columns.length + 1;

  return (
    <Panel id="conflicts" heading={WORDS.heading}>
      <div className="table-frame">
        <table className="table" aria-label={WORDS.heading}>
          <TableHead columns={WORDS.columns} actions />
          <tbody>
            <PlaceholderRow query={conflicts} columns={columns} empty={WORDS.empty} />
            {conflicts.data?.map((conflict) => {
              const words = reasonWords(conflict.reason);
              const open = conflict.acknowledgedAt === null;
              return (
                <tr key={conflict.id}>
                  <td className="nowrap">{formatStamp(conflict.createdAt, locale)}</td>
                  <td className="nowrap">{placeInWords(conflict)}</td>
                  <td className="code">{conflict.basketCode}</td>
                  <td className="code">{conflict.voucherRef ?? WORDS.none}</td>
                  <td>
                    <strong title={conflict.reason}>{words.what}</strong>
                    <div className="muted">{conflict.message}</div>
                  </td>
                  <td>{open ? words.next : WORDS.done}</td>
                  <td className="table__action">
                    {open ? (
                      <button
                        type="button"
                        className="button button--small button--primary"
                        onClick={() => {
                          setAcknowledging(conflict);
                        }}
                      >
                        {WORDS.acknowledgeShort}
                      </button>
                    ) : (
                      <span className="muted">{WORDS.acknowledgedBy(conflict.acknowledgedBy)}</span>
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
