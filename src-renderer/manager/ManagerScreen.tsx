import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { failureCode, useTillClient } from '../client';
import { useTillLocale } from '../common/useTillLocale';
import { AuditLogTable } from './AuditLogTable';
import { ConflictsTable } from './ConflictsTable';
import { LockedVouchersTable } from './LockedVouchersTable';
import { RewardPoolsTable } from './RewardPoolsTable';
import { useSignOut, useSignOutOnLeave } from './mutations';
import { auditLogQuery, conflictsQuery, lockedVouchersQuery, rewardPoolsQuery } from './queries';
import { useManagerSession } from './session';
import { SignInForm } from './SignInForm';

/** The till answered a manager command with "sign in first": the session ended there. */
function useSessionRefused(): boolean {
  const client = useTillClient();
  return useQueries({
    queries: [
      lockedVouchersQuery(client),
      auditLogQuery(client),
      conflictsQuery(client),
      rewardPoolsQuery(client),
    ].map((options) => ({ ...options, enabled: false })),
    combine: (results) =>
      results.some((result) => result.isError && failureCode(result.error) === 'not_signed_in'),
  });
}

/** Store manager: sign in, unlock held vouchers, sync conflicts, the audit log. */
export function ManagerScreen() {
  const { t } = useTranslation();
  const { session } = useManagerSession();
  const signOut = useSignOut();
  useSignOutOnLeave();
  const locale = useTillLocale();
  const refused = useSessionRefused();
  const signedIn = session !== null && !refused;

  return (
    <div className="manager">
      <header className="screen-header">
        <h1 className="screen-header__title">{t('screens.manager.heading')}</h1>
        {signedIn ? (
          <>
            <p className="screen-header__meta">
              <span>{t('screens.manager.signedInAs', { username: session.username })}</span>
              <span className="muted">{t('screens.manager.signedOutWhen')}</span>
            </p>
            <button
              type="button"
              className="button button--quiet button--small"
              onClick={() => {
                signOut.mutate();
              }}
            >
              {t('screens.manager.signOut')}
            </button>
          </>
        ) : null}
      </header>
      {signedIn ? (
        <div className="stack">
          <LockedVouchersTable locale={locale} />
          <ConflictsTable locale={locale} />
          <AuditLogTable locale={locale} />
          <RewardPoolsTable />
        </div>
      ) : (
        <div className="centered">
          <SignInForm notice={session !== null ? t('screens.manager.sessionEnded') : null} />
        </div>
      )}
    </div>
  );
}
