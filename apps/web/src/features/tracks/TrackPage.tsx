import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { Cover } from '../../components/Cover.tsx';
import { PlayIcon, PlusIcon } from '../../components/icons.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import type { Track } from '../../lib/api-types.ts';
import { formatClock } from '../../lib/intl-format.ts';
import { DetailSkeleton } from '../browse/AlbumPage.tsx';
import { ArtistLinks } from '../browse/ArtistLinks.tsx';
import { trackQuery } from '../browse/browse-queries.ts';
import { toPlayerTrack } from '../browse/to-player-track.ts';
import { CommentsSection } from '../comments/CommentsSection.tsx';
import { SimilarTracks } from '../recommend/SimilarTracks.tsx';
import { LikeButton } from '../likes/LikeButton.tsx';
import { AddToPlaylistButton } from '../playlists/AddToPlaylistButton.tsx';
import { ShareButton } from '../sharing/ShareButton.tsx';
import { usePlayer } from '../player-ui/player-context.tsx';
import { LyricsExcerpt } from './LyricsExcerpt.tsx';
import '../browse/browse.css';
import './tracks.css';

/** The song page: what it is, what to do with it, a few lines of its lyrics, and its comments. */
export default function TrackPage() {
  const { id = '' } = useParams();
  const track = useQuery(trackQuery(id));
  return (
    <div className="page track-page">
      <QueryView query={track} skeleton={<DetailSkeleton />}>
        {(data) => <TrackView track={data} key={data.id} />}
      </QueryView>
    </div>
  );
}

function TrackView({ track }: { track: Track }) {
  const { t } = useTranslation();
  const engine = usePlayer();
  const [search, setSearch] = useSearchParams();
  const line = search.get('line');
  const playerTrack = toPlayerTrack(track, { type: 'other' });
  const openLine = (lineIndex: number | null) =>
    setSearch(
      (params) => {
        const next = new URLSearchParams(params);
        if (lineIndex === null) next.delete('line');
        else next.set('line', String(lineIndex));
        return next;
      },
      { replace: true, preventScrollReset: true },
    );

  return (
    <>
      <header className="detail-head">
        <Cover
          url={track.coverUrl}
          size={200}
          className="detail-cover"
          alt={track.album?.title ?? track.title}
        />
        <div className="detail-info">
          <span className="detail-kind">{t('tracks.kind')}</span>
          <h1 className="detail-title" data-testid="track-title">
            {track.title}
          </h1>
          <p className="detail-meta">
            <span className="muted">{t('tracks.artist')}</span>
            <ArtistLinks artists={track.artists} />
          </p>
          {track.album ? (
            <p className="detail-meta">
              <span className="muted">{t('tracks.album')}</span>
              <Link to={`/albums/${track.album.id}`}>{track.album.title}</Link>
            </p>
          ) : null}
          <p className="detail-meta muted">{formatClock(track.durationMs / 1000)}</p>
          <div className="head-actions">
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => engine.playNow([playerTrack])}
              data-testid="track-play"
            >
              <PlayIcon /> {t('tracks.play')}
            </button>
            <button type="button" className="btn" onClick={() => engine.addToQueue([playerTrack])}>
              <PlusIcon /> {t('track.addToQueue')}
            </button>
            <LikeButton trackId={track.id} className="track-page-like" />
            <AddToPlaylistButton variant="button" trackIds={[track.id]} />
            <ShareButton variant="button" trackId={track.id} title={track.title} />
          </div>
        </div>
      </header>
      {track.hasLyrics ? (
        <LyricsExcerpt
          trackId={track.id}
          openLine={line === null ? null : Number(line)}
          onOpenLine={openLine}
        />
      ) : null}
      <SimilarTracks trackId={track.id} />
      <CommentsSection targetType="track" targetId={track.id} anchor />
    </>
  );
}
