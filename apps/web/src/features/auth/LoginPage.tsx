import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { TextField } from '../../components/FormField.tsx';
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
        <TextField
          label={t('auth.username')}
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          value={username}
          onChange={setUsername}
          required
        />
        <TextField
          label={t('auth.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          required
        />
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
