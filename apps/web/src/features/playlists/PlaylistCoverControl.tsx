import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Cover } from '../../components/Cover.tsx';
import { ImageIcon } from '../../components/icons.tsx';
import type { Playlist } from '../../lib/api-types.ts';
import { errorMessage } from '../auth/error-message.ts';
import { useResetCover, useUploadCover } from './playlist-mutations.ts';

/** The server takes pictures up to 5 MB. */
const MAX_BYTES = 5 * 1024 * 1024;

/**
 * The cover; its owner can upload a picture, or go back to the automatic one (a mosaic of the
 * first songs' covers, made by the server).
 */
export function PlaylistCoverControl({ playlist }: { playlist: Playlist }) {
  const { t } = useTranslation();
  const upload = useUploadCover(playlist.id);
  const reset = useResetCover(playlist.id);
  const input = useRef<HTMLInputElement>(null);
  const [tooBig, setTooBig] = useState(false);
  const cover = <Cover url={playlist.coverUrl} size={200} className="detail-cover" alt={playlist.name} />;
  if (!playlist.abilities.update) return cover;
  const failed = upload.error ?? reset.error;

  return (
    <div className="playlist-cover-control">
      {cover}
      <div className="cover-actions">
        <button
          type="button"
          className="cover-action"
          onClick={() => input.current?.click()}
          disabled={upload.isPending}
        >
          <ImageIcon /> {upload.isPending ? t('playlists.cover.uploading') : t('playlists.cover.upload')}
        </button>
        {playlist.coverUploaded ? (
          <button
            type="button"
            className="cover-action"
            onClick={() => reset.mutate()}
            disabled={reset.isPending}
          >
            {t('playlists.cover.automatic')}
          </button>
        ) : null}
      </div>
      <input
        ref={input}
        type="file"
        accept="image/png,image/jpeg,image/webp,image/gif"
        className="visually-hidden"
        aria-label={t('playlists.cover.upload')}
        data-testid="cover-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (!file) return;
          setTooBig(file.size > MAX_BYTES);
          if (file.size <= MAX_BYTES) upload.mutate(file);
        }}
      />
      {failed ? <span className="field-error">{errorMessage(failed, t)}</span> : null}
      {tooBig ? <span className="field-error">{t('playlists.cover.tooBig')}</span> : null}
    </div>
  );
}
