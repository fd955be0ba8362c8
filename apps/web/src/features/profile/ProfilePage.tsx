import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField, TextAreaField, TextField } from '../../components/FormField.tsx';
import { UserIcon } from '../../components/icons.tsx';
import { bindTextFields } from '../../components/text-field-binding.ts';
import { ErrorState } from '../../components/StateViews.tsx';
import { isAppLocale, setLocale } from '../../i18n/i18n.ts';
import type { Me } from '../../lib/api-types.ts';
import { formatDate, timeZones } from '../../lib/intl-format.ts';
import { useMe } from '../auth/auth-queries.ts';
import { errorMessage, fieldErrors } from '../auth/error-message.ts';
import { RecommendSettings } from '../recommend/RecommendSettings.tsx';
import { AvatarUpload } from './AvatarUpload.tsx';
import { useUpdateProfile } from './profile-mutations.ts';
import './profile.css';

export default function ProfilePage() {
  const me = useMe();
  if (me.data) return <ProfileForm me={me.data} key={me.data.id} />;
  return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
}

function ProfileForm({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const update = useUpdateProfile();
  const [form, setForm] = useState({
    nickname: me.nickname,
    bio: me.bio,
    locale: me.locale,
    timeZone: me.timeZone,
  });
  const [saved, setSaved] = useState(false);
  const zones = useMemo(() => {
    const all = timeZones();
    return all.includes(form.timeZone) ? all : [form.timeZone, ...all];
  }, [form.timeZone]);
  const errors = fieldErrors(update.error);
  const field = bindTextFields(form, setForm, errors);
  const changed =
    form.nickname !== me.nickname ||
    form.bio !== me.bio ||
    form.locale !== me.locale ||
    form.timeZone !== me.timeZone;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    update.mutate(
      { nickname: form.nickname.trim(), bio: form.bio, locale: form.locale, timeZone: form.timeZone },
      {
        onSuccess: (result) => {
          setSaved(true);
          if (isAppLocale(result.data.locale)) void setLocale(result.data.locale);
        },
      },
    );
  };

  return (
    <div className="page profile">
      <h1 className="page-title">{t('profile.title')}</h1>
      <div className="profile-head">
        <AvatarUpload me={me} />
        <div>
          <div className="profile-name">{me.nickname}</div>
          <div className="muted">
            <UserIcon /> @{me.username} ·{' '}
            {t('profile.joined', { date: formatDate(me.createdAt, i18n.language, me.timeZone) })}
          </div>
        </div>
      </div>
      <form className="profile-form" onSubmit={submit} noValidate>
        {update.isError && Object.keys(errors).length === 0 ? (
          <p className="form-error" role="alert">
            {errorMessage(update.error, t)}
          </p>
        ) : null}
        <TextField label={t('profile.nickname')} maxLength={40} {...field('nickname')} />
        <TextAreaField
          label={t('profile.bio')}
          maxLength={500}
          placeholder={t('profile.bioPlaceholder')}
          {...field('bio')}
        />
        <div className="profile-row">
          <FormField label={t('profile.language')}>
            <select
              className="input"
              name="locale"
              value={form.locale}
              onChange={(e) => isAppLocale(e.target.value) && setForm({ ...form, locale: e.target.value })}
            >
              <option value="zh-CN">{t('language.zh-CN')}</option>
              <option value="en">{t('language.en')}</option>
            </select>
          </FormField>
          <FormField label={t('profile.timeZone')} error={errors.timeZone}>
            <select
              className="input"
              name="timeZone"
              value={form.timeZone}
              onChange={(e) => setForm({ ...form, timeZone: e.target.value })}
            >
              {zones.map((zone) => (
                <option key={zone} value={zone}>
                  {zone.replaceAll('_', ' ')}
                </option>
              ))}
            </select>
          </FormField>
        </div>
        <div className="profile-actions">
          <button type="submit" className="btn btn-primary" disabled={!changed || update.isPending}>
            {update.isPending ? t('profile.saving') : t('profile.save')}
          </button>
          {saved && !changed ? (
            <span className="profile-saved" role="status">
              {t('profile.saved')}
            </span>
          ) : null}
        </div>
      </form>
      <RecommendSettings />
    </div>
  );
}
