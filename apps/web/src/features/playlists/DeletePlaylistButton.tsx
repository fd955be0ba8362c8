import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ConfirmDialog } from '../../components/Dialog.tsx';
import { TrashIcon } from '../../components/icons.tsx';
import type { Playlist } from '../../lib/api-types.ts';
import { errorMessage } from '../auth/error-message.ts';
import { useDeletePlaylist } from './playlist-mutations.ts';

/** Deletes the playlist after asking; then back to the home page. */
export function DeletePlaylistButton({ playlist }: { playlist: Playlist }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const remove = useDeletePlaylist(playlist.id, () => navigate('/', { replace: true }));
  const [asking, setAsking] = useState(false);
  return (
    <>
      <button type="button" className="btn" onClick={() => setAsking(true)}>
        <TrashIcon /> {t('playlists.delete.action')}
      </button>
      {asking ? (
        <ConfirmDialog
          title={t('playlists.delete.title')}
          message={
            remove.isError
              ? errorMessage(remove.error, t)
              : t('playlists.delete.message', { name: playlist.name })
          }
          confirmLabel={t('playlists.delete.confirm')}
          cancelLabel={t('playlists.cancel')}
          busy={remove.isPending}
          onClose={() => setAsking(false)}
          onConfirm={() => remove.mutate()}
        />
      ) : null}
    </>
  );
}
