import { useEffect } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { ErrorState } from '../../components/StateViews.tsx';
import { isAppLocale, setLocale } from '../../i18n/i18n.ts';
import { useMe } from './auth-queries.ts';
import { Splash } from './Splash.tsx';

/** Pages behind login: a logged-out visitor is sent to the login page and brought back after. */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  const locale = me.data?.locale;

  useEffect(() => {
    // A logged-in user's language follows their profile, on every device.
    if (isAppLocale(locale)) void setLocale(locale);
  }, [locale]);

  if (me.isPending) return <Splash />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}

/** Login and register: someone already logged in goes where they were headed. */
export function GuestOnly() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Splash />;
  if (me.data) return <Navigate to={safeNext(new URLSearchParams(location.search).get('next'))} replace />;
  return <Outlet />;
}

/** Only same-app paths: `?next=https://elsewhere` must not become an open redirect. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}
