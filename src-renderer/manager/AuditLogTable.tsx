import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { managerEn } from '../../src-shared/i18n/screens/manager';
import type { TillOutput } from '../../src-shared/till';
import { useTillClient } from '../client';
import { InlineField } from '../common/InlineField';
import { PlaceholderRow } from '../common/PlaceholderRow';
import { formatStamp } from '../common/time';
import { voucherName } from '../common/voucher-labels';
import { auditLogQuery, type AuditLogFilter } from './queries';
import { codeInWords, reasonWords } from './reason-words';
import { actorInWords, placeInWords } from './till-words';
import { TableHead } from '../common/TableHead';
import { Panel } from './Panel';

type AuditEntry = TillOutput<'manager/audit-log'>[number];

type KnownAction = keyof typeof managerEn.audit.actions;

function isKnownAction(action: string): action is KnownAction {
  return Object.hasOwn(managerEn.audit.actions, action);
}

/** The till core's audit actions in the till's words; one the catalogue does not name is spelt out. */
function actionInWords(t: TFunction, entry: AuditEntry): string {
  const action = isKnownAction(entry.action)
    ? t(`screens.manager.audit.actions.${entry.action}`)
    : codeInWords(entry.action);
  return entry.subject === null
    ? action
    : t('screens.manager.audit.actionAbout', {
        action,
        about: reasonWords(t, entry.subject).what,
      });
}

function VoucherCell({ entry }: { readonly entry: AuditEntry }) {
  const { t } = useTranslation();
  if (entry.voucherKey === null && entry.voucherCode === null)
    return <>{t('screens.manager.none')}</>;
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
  const { t } = useTranslation();
  const client = useTillClient();
  const heading = t('screens.manager.audit.heading');
  const columns = [
    t('screens.manager.audit.columns.time'),
    t('screens.manager.audit.columns.who'),
    t('screens.manager.audit.columns.till'),
    t('screens.manager.audit.columns.action'),
    t('screens.manager.audit.columns.voucher'),
    t('screens.manager.audit.columns.basket'),
    t('screens.manager.audit.columns.detail'),
  ];
  const [day, setDay] = useState('');
  const [voucherCode, setVoucherCode] = useState('');
  const [filter, setFilter] = useState<AuditLogFilter>({});
  const log = useQuery(auditLogQuery(client, filter));
  const filtered = filter.day !== undefined || filter.voucherCode !== undefined;
  return (
    <Panel
      id="audit"
      heading={heading}
      bar={
        <>
          <form
            className="audit__filters"
            aria-label={t('screens.manager.audit.filters')}
            onSubmit={(event) => {
              event.preventDefault();
              const code = voucherCode.trim();
              setFilter({
                ...(day === '' ? {} : { day }),
                ...(code === '' ? {} : { voucherCode: code }),
              });
            }}
          >
            <InlineField
              label={t('screens.manager.audit.day')}
              type="date"
              value={day}
              onChange={setDay}
            />
            <InlineField
              label={t('screens.manager.audit.voucherCode')}
              type="text"
              maxLength={128}
              value={voucherCode}
              onChange={setVoucherCode}
            />
            <button type="submit" className="button button--small">
              {t('screens.manager.audit.show')}
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
                {t('screens.manager.audit.clear')}
              </button>
            ) : null}
          </form>
          <p className="panel__note">
            {log.data
              ? filtered
                ? t('screens.manager.audit.found', { count: log.data.length })
                : t('screens.manager.audit.count', { count: log.data.length })
              : ''}
          </p>
        </>
      }
    >
      <div className="table-frame">
        <table className="table table--dense" aria-label={heading}>
          <TableHead columns={columns} />
          <tbody>
            <PlaceholderRow
              query={log}
              columns={columns.length}
              empty={
                filtered
                  ? t('screens.manager.audit.emptyFiltered')
                  : t('screens.manager.audit.empty')
              }
            />
            {log.data?.map((entry) => (
              <tr key={entry.id}>
                <td className="nowrap">{formatStamp(entry.at, locale)}</td>
                <td>{actorInWords(t, entry.actor)}</td>
                <td className="nowrap">{placeInWords(t, entry)}</td>
                <td>
                  <span className="tag" title={entry.action}>
                    {actionInWords(t, entry)}
                  </span>
                </td>
                <td className="code">
                  <VoucherCell entry={entry} />
                </td>
                <td className="code">{entry.basketCode ?? t('screens.manager.none')}</td>
                <td className="audit__detail">{entry.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Panel>
  );
}
