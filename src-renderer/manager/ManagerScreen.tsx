import { useQueries } from '@tanstack/react-query';
import { failureCode, useTillClient } from '../client';
import { formatClock } from '../common/time';
import { useNow } from '../common/useNow';
import { useTillLocale } from '../common/useTillLocale';
import { AuditLogTable } from './AuditLogTable';
import { ConflictsTable } from './ConflictsTable';
import { LockedVouchersTable } from './LockedVouchersTable';
import { useSignOut } from './mutations';
import { auditLogQuery, conflictsQuery, lockedVouchersQuery } from './queries';
import { useManagerSession } from './session';
import { SignInForm } from './SignInForm';

/** The till answered a manager command with "sign in first": the session ended there. */
function useSessionRefused(): boolean {
  const client = useTillClient();
  return useQueries({
    queries: [lockedVouchersQuery(client), auditLogQuery(client), conflictsQuery(client)].map(
      (options) => ({ ...options, enabled: false }),
    ),
    combine: (results) =>
      results.some((result) => result.isError && failureCode(result.error) === 'not_signed_in'),
  });
}

/** Store manager: sign in, unlock held vouchers, sync conflicts, the audit log. */
export function ManagerScreen() {
  const { session } = useManagerSession();
  const signOut = useSignOut();
  const locale = useTillLocale();
  const now = useNow(5_000, session !== null);
  const refused = useSessionRefused();
  const expired = session !== null && Date.parse(session.expiresAt) <= now;
  const signedIn = session !== null && !expired && !refused;

  return (
    <div className="manager">
      <header className="screen-header">
        <h1 className="screen-header__title">Manager</h1>
        {signedIn ? (
          <>
            <p className="screen-header__meta">
              <span>Signed in as {session.username}</span>
              <span className="muted"> · until {formatClock(session.expiresAt, locale)}</span>
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
