import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Cover } from '../../components/Cover.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { HeartFilledIcon, PlusIcon } from '../../components/icons.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { TrackListSkeleton } from '../../components/StateViews.tsx';
import type { Playlist } from '../../lib/api-types.ts';
import { errorMessage } from '../auth/error-message.ts';
import { useLikeTracks } from '../likes/like-queries.ts';
import { NewPlaylistForm } from './NewPlaylistForm.tsx';
import { useAddTracks } from './playlist-mutations.ts';
import { useMyPlaylists } from './playlist-queries.ts';
import '../likes/likes.css';
import './add-to-playlist.css';

interface Props {
  trackIds: readonly string[];
  onClose: () => void;
  /** finished: the sentence to show the user */
  onDone: (message: string) => void;
}

/** My own playlists to pick from, and a new one made on the spot. */
export default function AddToPlaylistDialog({ trackIds, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const mine = useMyPlaylists();
  const add = useAddTracks();
  const like = useLikeTracks();
  const [creating, setCreating] = useState(false);

  const addTo = (playlist: Pick<Playlist, 'id' | 'name'>) =>
    add.mutate(
      { playlistId: playlist.id, trackIds },
      {
        onSuccess: (result) =>
          onDone(
            result.added.length === 0
              ? t('playlists.addTo.already')
              : t('playlists.addTo.added', { name: playlist.name, count: result.added.length }),
          ),
      },
    );

  return (
    <Dialog title={t('playlists.addTo.title')} closeLabel={t('playlists.close')} onClose={onClose}>
      {add.isError || like.isError ? (
        <p className="form-error" role="alert">
          {errorMessage(add.error ?? like.error, t)}
        </p>
      ) : null}
      {creating ? (
        <NewPlaylistForm onCreated={addTo} onCancel={() => setCreating(false)} />
      ) : (
        <button type="button" className="pick-row pick-new" onClick={() => setCreating(true)}>
          <span className="pick-cover pick-plus">
            <PlusIcon />
          </span>
          <span className="pick-name">{t('playlists.new')}</span>
        </button>
      )}
      <QueryView query={mine} skeleton={<TrackListSkeleton rows={3} />}>
        {(data) => (
          <ul className="pick-list" aria-label={t('playlists.created')}>
            <li>
              <button
                type="button"
                className="pick-row"
                onClick={() => like.mutate(trackIds, { onSuccess: () => onDone(t('playlists.addTo.liked')) })}
                disabled={like.isPending}
                data-testid="pick-playlist"
              >
                <span className="pick-cover liked-cover">
                  <HeartFilledIcon />
                </span>
                <span className="pick-name">{t('likes.title')}</span>
              </button>
            </li>
            {data.created.map((playlist) => (
              <li key={playlist.id}>
                <button
                  type="button"
                  className="pick-row"
                  onClick={() => addTo(playlist)}
                  disabled={add.isPending}
                  data-testid="pick-playlist"
                >
                  <Cover url={playlist.coverUrl} size={44} className="pick-cover" />
                  <span className="pick-name">{playlist.name}</span>
                  <span className="pick-count muted">
                    {t('playlists.trackCount', { count: playlist.trackCount })}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </QueryView>
    </Dialog>
  );
}
