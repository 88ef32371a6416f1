import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { TillOutput } from '../../src-shared/till';
import { useTillClient } from '../client';
import { PlaceholderRow } from '../common/PlaceholderRow';
import { formatStamp } from '../common/time';
import { voucherName } from '../common/voucher-labels';
import { auditLogQuery, type AuditLogFilter } from './queries';
import { codeInWords, reasonWords } from './reason-words';
import { actorInWords, placeInWords } from './till-words';
import { TableHead } from '../common/TableHead';
import { Panel } from './Panel';

type AuditEntry = TillOutput<'manager/audit-log'>[number];

const WORDS = {
  heading: 'Audit log',
  count: (count: number) => `Latest ${count} ${count === 1 ? 'entry' : 'entries'}`,
  found: (count: number) => `${count} ${count === 1 ? 'entry' : 'entries'} found`,
  day: 'Day',
  voucherCode: 'Voucher code',
  show: 'Show',
  clear: 'Show all',
  filters: 'Filter the audit log',
  columns: ['Time', 'Who', 'Till', 'Action', 'Voucher', 'Basket', 'Detail'],
  empty: 'Nothing has been recorded yet.',
  emptyFiltered: 'Nothing was recorded for this day or voucher.',
  none: '—',
};

/** The till core's audit actions in plain words; one it does not name here is spelt out. */
const ACTION_WORDS: Readonly<Record<string, string>> = {
  unlock_voucher: 'Freed a voucher',
  acknowledge_sync_conflict: 'Acknowledged a sync conflict',
  sale_voided_after_restart: 'Voided a sale the till was stopped in',
};

function actionInWords(entry: AuditEntry): string {
  const action = ACTION_WORDS[entry.action] ?? codeInWords(entry.action);
  return entry.subject === null ? action : `${action}: ${reasonWords(entry.subject).what}`;
}

function VoucherCell({ entry }: { readonly entry: AuditEntry }) {
  if (entry.voucherKey === null && entry.voucherCode === null) return <>{WORDS.none}</>;
  return (
    <span className="truncate" title={entry.voucherKey ?? undefined}>
      {entry.voucherKey === null
        ? entry.voucherCode
        : voucherName(entry.voucherCode, entry.voucherKey)}
    </span>
  );
}

/** What happened on this till, newest first: who did what to which voucher and basket. */
export function AuditLogTable({ locale }: { readonly locale: string | undefined }) {
  const client = useTillClient();
  const [day, setDay] = useState('');
  const [voucherCode, setVoucherCode] = useState('');
  const [filter, setFilter] = useState<AuditLogFilter>({});
  const log = useQuery(auditLogQuery(client, filter));
  const filtered = filter.day !== undefined || filter.voucherCode !== undefined;
  return (
    <Panel
      id="audit"
      heading={WORDS.heading}
      bar={
        <>
          <form
            className="audit__filters"
            aria-label={WORDS.filters}
            onSubmit={(event) => {
              event.preventDefault();
              const code = voucherCode.trim();
              setFilter({
                ...(day === '' ? {} : { day }),
                ...(code === '' ? {} : { voucherCode: code }),
              });
            }}
          >
            <label className="field field--inline">
              <span className="field__label">{WORDS.day}</span>
              <input
                className="field__input"
                type="date"
                value={day}
                onChange={(event) => {
                  setDay(event.target.value);
                }}
              />
            </label>
            <label className="field field--inline">
              <span className="field__label">{WORDS.voucherCode}</span>
              <input
                className="field__input"
                type="text"
                maxLength={128}
                value={voucherCode}
                onChange={(event) => {
                  setVoucherCode(event.target.value);
                }}
              />
            </label>
            <button type="submit" className="button button--small">
              {WORDS.show}
            </button>
            {filtered ? (
              <button
                type="button"
                className="button button--small button--quiet"
                onClick={() => {
                  setDay('');
                  setVoucherCode('');
                  setFilter({});
                }}
              >
                {WORDS.clear}
              </button>
            ) : null}
          </form>
          <p className="panel__note">
            {log.data ? (filtered ? WORDS.found : WORDS.count)(log.data.length) : ''}
          </p>
        </>
      }
    >
      <div className="table-frame">
        <table className="table table--dense" aria-label={WORDS.heading}>
          <TableHead columns={WORDS.columns} />
          <tbody>
            <PlaceholderRow
              query={log}
              columns={WORDS.columns.length}
              empty={filtered ? WORDS.emptyFiltered : WORDS.empty}
            />
            {log.data?.map((entry) => (
              <tr key={entry.id}>
                <td className="nowrap">{formatStamp(entry.at, locale)}</td>
                <td>{actorInWords(entry.actor)}</td>
                <td className="nowrap">{placeInWords(entry)}</td>
                <td>
                  <span className="tag" title={entry.action}>
                    {actionInWords(entry)}
                  </span>
                </td>
                <td className="code">
                  <VoucherCell entry={entry} />
                </td>
                <td className="code">{entry.basketCode ?? WORDS.none}</td>
                <td className="audit__detail">{entry.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Panel>
  );
}
