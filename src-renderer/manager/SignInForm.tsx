import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { failureText } from '../common/message-words';
import { useSignIn } from './mutations';

/** The manager's own engine account: the engine's audit trail names who unlocked what. */
export function SignInForm({ notice }: { readonly notice: string | null }) {
  const { t, i18n } = useTranslation();
  const signIn = useSignIn();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const refusal = signIn.isError
    ? failureText(signIn.error, t, { language: i18n.language })
    : notice;

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
      <h2 className="panel__heading">{t('screens.manager.signIn.heading')}</h2>
      <p className="sign-in__intro">{t('screens.manager.signIn.intro')}</p>
      <label className="field">
        <span className="field__label">{t('screens.manager.signIn.username')}</span>
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
        <span className="field__label">{t('screens.manager.signIn.password')}</span>
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
        {t('screens.manager.signIn.submit')}
      </button>
    </form>
  );
}
