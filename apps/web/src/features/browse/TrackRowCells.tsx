import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PlayIcon, SpeakerWaveIcon } from '../../components/icons.tsx';
import type { Track } from '../../lib/api-types.ts';
import { ArtistLinks } from './ArtistLinks.tsx';

/**
 * The number column of a song row: its number, or a speaker while it is the song playing, with
 * a play button that track-list.css shows in their place on hover.
 */
export function TrackIndexCell({
  title,
  isCurrent,
  onPlay,
  children,
}: {
  title: string;
  isCurrent: boolean;
  onPlay: () => void;
  /** what the number shows */
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <span className="track-index">
      {isCurrent ? (
        <SpeakerWaveIcon className="icon track-playing" aria-label={t('track.nowPlaying')} />
      ) : (
        <span className="track-number">{children}</span>
      )}
      <button type="button" className="track-play" onClick={onPlay} aria-label={t('track.play', { title })}>
        <PlayIcon />
      </button>
    </span>
  );
}

/** The song's title (a link to its page) over its artists, and anything else to say under them. */
export function TrackTitleCell({ track, children }: { track: Track; children?: ReactNode }) {
  return (
    <span className="track-main">
      <Link className="track-title" to={`/tracks/${track.id}`}>
        {track.title}
      </Link>
      <span className="track-artists">
        <ArtistLinks artists={track.artists} />
      </span>
      {children}
    </span>
  );
}

/** The album column: a link to the song's album, empty for a song without one. */
export function TrackAlbumCell({ album }: { album: Track['album'] }) {
  return (
    <span className="track-album">
      {album ? <Link to={`/albums/${album.id}`}>{album.title}</Link> : null}
    </span>
  );
}
