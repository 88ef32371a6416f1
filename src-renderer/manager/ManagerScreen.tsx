import { useQueries } from '@tanstack/react-query';
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
  const { session } = useManagerSession();
  const signOut = useSignOut();
  useSignOutOnLeave();
  const locale = useTillLocale();
  const refused = useSessionRefused();
  const signedIn = session !== null && !refused;

  return (
    <div className="manager">
      <header className="screen-header">
        <h1 className="screen-header__title">Manager</h1>
        {signedIn ? (
          <>
            <p className="screen-header__meta">
              <span>Signed in as {session.username}</span>
              <span className="muted">
                {' '}
                · signed out when you leave this screen or stop for a while
              </span>
            </p>
            <button
              type="button"
              className="button button--quiet button--small"
              onClick={() => {
                signOut.mutate();
              }}
            >
              Sign out
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
          <SignInForm
            notice={
              session !== null ? 'Your manager session has ended. Sign in again to go on.' : null
            }
          />
        </div>
      )}
    </div>
  );
}
