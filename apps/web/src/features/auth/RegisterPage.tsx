import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { TextField } from '../../components/FormField.tsx';
import { bindTextFields } from '../../components/text-field-binding.ts';
import { useRegister } from './auth-queries.ts';
import { AuthLayout } from './AuthLayout.tsx';
import { errorMessage, fieldErrors } from './error-message.ts';
import { safeNext } from './RequireAuth.tsx';

const USERNAME = /^[A-Za-z0-9_.-]{3,32}$/;

export default function RegisterPage() {
  const { t } = useTranslation();
  const register = useRegister();
  const navigate = useNavigate();
  const location = useLocation();
  const [form, setForm] = useState({ username: '', nickname: '', password: '' });
  const [touched, setTouched] = useState(false);
  const next = new URLSearchParams(location.search).get('next');

  const local: Record<string, string> = {};
  if (!USERNAME.test(form.username)) local.username = t('auth.usernameRule');
  if (form.nickname.trim().length === 0) local.nickname = t('auth.nicknameRule');
  if (form.password.length < 8) local.password = t('auth.passwordRule');
  const server = fieldErrors(register.error);
  const shown = touched ? { ...server, ...local } : server;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (Object.keys(local).length > 0) return;
    register.mutate(
      { username: form.username, nickname: form.nickname.trim(), password: form.password },
      { onSuccess: () => navigate(safeNext(next), { replace: true }) },
    );
  };

  const textField = bindTextFields(form, setForm, shown);
  const field = (name: keyof typeof form, type: string, autoComplete: string) => (
    <TextField
      label={t(`auth.${name}`)}
      type={type}
      autoComplete={autoComplete}
      autoCapitalize="none"
      aria-invalid={shown[name] ? true : undefined}
      {...textField(name)}
    />
  );

  return (
    <AuthLayout title={t('auth.registerTitle')}>
      <form onSubmit={submit} noValidate>
        {register.isError && Object.keys(server).length === 0 ? (
          <p className="form-error" role="alert">
            {errorMessage(register.error, t)}
          </p>
        ) : null}
        {field('username', 'text', 'username')}
        {field('nickname', 'text', 'nickname')}
        {field('password', 'password', 'new-password')}
        <button type="submit" className="btn btn-primary btn-block" disabled={register.isPending}>
          {register.isPending ? t('auth.registering') : t('auth.register')}
        </button>
      </form>
      <p className="auth-switch">
        {t('auth.haveAccount')}{' '}
        <Link to={{ pathname: '/login', search: location.search }}>{t('auth.loginLink')}</Link>
      </p>
    </AuthLayout>
  );
}
