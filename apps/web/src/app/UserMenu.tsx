import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { ChevronDownIcon, LogoutIcon, ShieldIcon, UserIcon } from '../components/icons.tsx';
import { useLogout, useMe } from '../features/auth/auth-queries.ts';
import { isStaff } from '../features/moderation/staff.ts';
import { forgetSavedQueue, usePlayer } from '../features/player-ui/player-context.tsx';

/** Avatar and nickname; opens a menu with the profile, moderation (for staff) and logout. */
export function UserMenu() {
  const { t } = useTranslation();
  const me = useMe().data;
  const logout = useLogout();
  const engine = usePlayer();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && setOpen(false);
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  if (!me) return null;
  const signOut = () => {
    setOpen(false);
    engine.clear();
    forgetSavedQueue();
    logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });
  };

  return (
    <div className="user-menu" ref={root}>
      <button
        type="button"
        className="user-button"
        onClick={() => setOpen(!open)}
        aria-expanded={open}
        aria-haspopup="menu"
        data-testid="user-menu"
      >
        {me.avatarUrl ? (
          <img className="avatar" src={me.avatarUrl} alt="" />
        ) : (
          <span className="avatar avatar-empty">
            <UserIcon />
          </span>
        )}
        <span className="user-name">{me.nickname}</span>
        <ChevronDownIcon />
      </button>
      {open ? (
        <div className="user-dropdown" role="menu">
          <Link role="menuitem" to="/me" onClick={() => setOpen(false)}>
            <UserIcon /> {t('nav.profile')}
          </Link>
          {isStaff(me.role) ? (
            <Link
              role="menuitem"
              to="/moderation"
              onClick={() => setOpen(false)}
              data-testid="moderation-link"
            >
              <ShieldIcon /> {t('moderation.menu')}
            </Link>
          ) : null}
          <button role="menuitem" type="button" onClick={signOut} data-testid="logout">
            <LogoutIcon /> {t('auth.logout')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
