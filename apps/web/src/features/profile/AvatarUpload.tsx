import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { UserIcon } from '../../components/icons.tsx';
import type { Me } from '../../lib/api-types.ts';
import { errorMessage } from '../auth/error-message.ts';
import { useUploadAvatar } from './profile-mutations.ts';

const MAX_BYTES = 5 * 1024 * 1024;

/** The avatar, and a button to replace it with an image file. */
export function AvatarUpload({ me }: { me: Me }) {
  const { t } = useTranslation();
  const upload = useUploadAvatar();
  const input = useRef<HTMLInputElement>(null);
  const tooBig = upload.variables && upload.variables.size > MAX_BYTES;

  return (
    <div className="avatar-upload">
      {me.avatarUrl ? (
        <img className="avatar avatar-lg" src={me.avatarUrl} alt={t('profile.avatar')} />
      ) : (
        <div className="avatar avatar-lg avatar-empty" role="img" aria-label={t('profile.avatar')}>
          <UserIcon />
        </div>
      )}
      <button
        type="button"
        className="btn"
        onClick={() => input.current?.click()}
        disabled={upload.isPending}
      >
        {upload.isPending ? t('profile.uploading') : t('profile.changeAvatar')}
      </button>
      <input
        ref={input}
        type="file"
        accept="image/png,image/jpeg,image/webp,image/gif"
        className="visually-hidden"
        aria-label={t('profile.changeAvatar')}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (!file) return;
          if (file.size > MAX_BYTES) {
            upload.reset();
            return;
          }
          upload.mutate(file);
        }}
      />
      {upload.isError ? <span className="field-error">{errorMessage(upload.error, t)}</span> : null}
      {tooBig ? <span className="field-error">{t('profile.avatarTooBig')}</span> : null}
    </div>
  );
}
