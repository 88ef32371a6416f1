import { useState } from 'react';
import { failureMessage } from '../client';
import { useSignIn } from './mutations';

/** The manager's own engine account: the engine's audit trail names who unlocked what. */
export function SignInForm({ notice }: { readonly notice: string | null }) {
  const signIn = useSignIn();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const refusal = signIn.isError ? failureMessage(signIn.error) : notice;

  return (
    <form
      className="panel sign-in"
      onSubmit={(event) => {
        event.preventDefault();
        signIn.mutate(
          { username: username.trim(), password },
          {
            onSettled: () => {
              setPassword('');
            },
          },
        );
      }}
    >
      <h2 className="panel__heading">Manager sign-in</h2>
      <p className="sign-in__intro">
        Sign in with your own manager account to unlock vouchers and review the audit log.
      </p>
      <label className="field">
        <span className="field__label">Username</span>
        <input
          className="field__input"
          type="text"
          name="username"
          autoComplete="username"
          autoFocus
          required
          value={username}
          onChange={(event) => {
            setUsername(event.target.value);
          }}
        />
      </label>
      <label className="field">
        <span className="field__label">Password</span>
        <input
          className="field__input"
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => {
            setPassword(event.target.value);
          }}
        />
      </label>
      <div className="alert-slot alert-slot--compact">
        {refusal ? (
          <p role="alert" className="alert alert--danger">
            {refusal}
          </p>
        ) : null}
      </div>
      <button
        type="submit"
        className={`button button--primary button--wide ${signIn.isPending ? 'is-working' : ''}`}
        disabled={signIn.isPending}
      >
        Sign in
      </button>
    </form>
  );
}
