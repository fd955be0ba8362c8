import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { Cover } from '../../components/Cover.tsx';
import { PlayIcon, PlusIcon } from '../../components/icons.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { EmptyState, Skeleton, TrackListSkeleton } from '../../components/StateViews.tsx';
import type { AlbumDetail } from '../../lib/api-types.ts';
import { formatLength } from '../../lib/intl-format.ts';
import { CommentsSection } from '../comments/CommentsSection.tsx';
import { AddToPlaylistButton } from '../playlists/AddToPlaylistButton.tsx';
import { usePlayer } from '../player-ui/player-context.tsx';
import { useAlbum } from './browse-queries.ts';
import { toPlayerTrack } from './to-player-track.ts';
import { TrackList } from './TrackList.tsx';
import './browse.css';

export default function AlbumPage() {
  const { id = '' } = useParams();
  const album = useAlbum(id);
  return (
    <div className="page">
      <QueryView query={album} skeleton={<DetailSkeleton />}>
        {(data) => <AlbumView album={data} />}
      </QueryView>
    </div>
  );
}

function AlbumView({ album }: { album: AlbumDetail }) {
  const { t, i18n } = useTranslation();
  const engine = usePlayer();
  const tracks = album.tracks.map((track) => toPlayerTrack(track, { type: 'album', id: album.id }));
  const facts = [
    album.year ? String(album.year) : null,
    album.genre,
    t('album.trackCount', { count: album.trackCount }),
    formatLength(album.durationMs, i18n.language),
  ].filter((fact): fact is string => Boolean(fact));

  return (
    <>
      <header className="detail-head">
        <Cover url={album.coverUrl} size={200} className="detail-cover" alt={album.title} />
        <div className="detail-info">
          <span className="detail-kind">{t('album.kind')}</span>
          <h1 className="detail-title">{album.title}</h1>
          <p className="detail-meta">
            <Link to={`/artists/${album.artist.id}`}>{album.artist.name}</Link>
          </p>
          <p className="detail-meta muted">{facts.join(' · ')}</p>
          <div className="head-actions">
            <button
              type="button"
              className="btn btn-primary"
              disabled={tracks.length === 0}
              onClick={() => engine.playTracks(tracks, 0)}
            >
              <PlayIcon /> {t('album.playAll')}
            </button>
            <button
              type="button"
              className="btn"
              disabled={tracks.length === 0}
              onClick={() => engine.addToQueue(tracks)}
            >
              <PlusIcon /> {t('track.addToQueue')}
            </button>
            <AddToPlaylistButton variant="button" trackIds={album.tracks.map((track) => track.id)} />
          </div>
        </div>
      </header>
      {album.tracks.length === 0 ? (
        <EmptyState title={t('album.noTracks')} />
      ) : (
        <TrackList
          tracks={album.tracks}
          source={{ type: 'album', id: album.id }}
          numbering="trackNo"
          showAlbum={false}
          label={t('album.tracks')}
        />
      )}
      <CommentsSection targetType="album" targetId={album.id} anchor />
    </>
  );
}

export function DetailSkeleton() {
  return (
    <>
      <div className="detail-head">
        <div className="detail-cover">
          <Skeleton width="100%" height="100%" />
        </div>
        <div className="detail-info">
          <Skeleton width={60} height={14} />
          <Skeleton width="60%" height={26} />
          <Skeleton width="30%" height={14} />
        </div>
      </div>
      <TrackListSkeleton rows={8} />
    </>
  );
}
