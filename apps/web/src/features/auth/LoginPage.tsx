import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { useLogin } from './auth-queries.ts';
import { AuthLayout } from './AuthLayout.tsx';
import { errorMessage } from './error-message.ts';
import { safeNext } from './RequireAuth.tsx';

export default function LoginPage() {
  const { t } = useTranslation();
  const login = useLogin();
  const navigate = useNavigate();
  const location = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const next = new URLSearchParams(location.search).get('next');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate(
      { username: username.trim(), password },
      { onSuccess: () => navigate(safeNext(next), { replace: true }) },
    );
  };

  return (
    <AuthLayout title={t('auth.loginTitle')}>
      <form onSubmit={submit} noValidate>
        {login.isError ? (
          <p className="form-error" role="alert">
            {errorMessage(login.error, t)}
          </p>
        ) : null}
        <label className="field">
          <span className="field-label">{t('auth.username')}</span>
          <input
            className="input"
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            required
          />
        </label>
        <label className="field">
          <span className="field-label">{t('auth.password')}</span>
          <input
            className="input"
            type="password"
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        <button
          type="submit"
          className="btn btn-primary btn-block"
          disabled={login.isPending || !username || !password}
        >
          {login.isPending ? t('auth.loggingIn') : t('auth.login')}
        </button>
      </form>
      <p className="auth-switch">
        {t('auth.noAccount')}{' '}
        <Link to={{ pathname: '/register', search: location.search }}>{t('auth.registerLink')}</Link>
      </p>
    </AuthLayout>
  );
}
