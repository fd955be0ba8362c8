import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Cover } from '../../components/Cover.tsx';
import { PlayIcon, PlayNextIcon, PlusIcon, SpeakerWaveIcon } from '../../components/icons.tsx';
import type { Track } from '../../lib/api-types.ts';
import { formatClock } from '../../lib/intl-format.ts';
import { usePlayer, usePlayerState } from '../player-ui/player-context.tsx';
import { ArtistLinks } from './ArtistLinks.tsx';
import type { PlaySource } from '../../player/types.ts';
import { toPlayerTrack } from './to-player-track.ts';
import './track-list.css';

interface TrackListProps {
  tracks: readonly Track[];
  /** the number column: the position in this list, or the album's track numbers */
  numbering?: 'position' | 'trackNo';
  showAlbum?: boolean;
  showCover?: boolean;
  label?: string;
  /** where these tracks are played from, for the listening log */
  source: PlaySource;
}

/**
 * A list of songs. Clicking a row plays the whole list from that song (so "next" continues
 * through the album or page); each row can also go next in the queue or to its end.
 */
export function TrackList({
  tracks,
  numbering = 'position',
  showAlbum = true,
  showCover = false,
  label,
  source,
}: TrackListProps) {
  const { t } = useTranslation();
  const engine = usePlayer();
  const currentId = usePlayerState((s) => s.current?.track.id ?? null);

  const play = (index: number) =>
    engine.playTracks(
      tracks.map((track) => toPlayerTrack(track, source)),
      index,
    );
  const onRowClick = (event: MouseEvent, index: number) => {
    // Links and buttons inside the row do their own thing.
    if ((event.target as HTMLElement).closest('a, button')) return;
    play(index);
  };

  return (
    <ol
      className={`track-list ${showAlbum ? 'with-album' : ''} ${showCover ? 'with-cover' : ''}`}
      aria-label={label}
    >
      {tracks.map((track, index) => {
        const isCurrent = track.id === currentId;
        return (
          <li
            key={`${track.id}-${index}`}
            className={`track-row ${isCurrent ? 'is-current' : ''}`}
            onClick={(event) => onRowClick(event, index)}
            data-testid="track-row"
          >
            <span className="track-index">
              {isCurrent ? (
                <SpeakerWaveIcon className="icon track-playing" aria-label={t('track.nowPlaying')} />
              ) : (
                <span className="track-number">
                  {numbering === 'trackNo' ? (track.trackNo ?? index + 1) : index + 1}
                </span>
              )}
              <button
                type="button"
                className="track-play"
                onClick={() => play(index)}
                aria-label={t('track.play', { title: track.title })}
              >
                <PlayIcon />
              </button>
            </span>
            {showCover ? <Cover url={track.coverUrl} size={40} className="track-cover" /> : null}
            <span className="track-main">
              <span className="track-title">{track.title}</span>
              <span className="track-artists">
                <ArtistLinks artists={track.artists} />
              </span>
            </span>
            {showAlbum ? (
              <span className="track-album">
                {track.album ? <Link to={`/albums/${track.album.id}`}>{track.album.title}</Link> : null}
              </span>
            ) : null}
            <span className="track-actions">
              <button
                type="button"
                className="icon-btn"
                onClick={() => engine.playNext([toPlayerTrack(track, source)])}
                aria-label={t('track.playNext')}
                title={t('track.playNext')}
              >
                <PlayNextIcon />
              </button>
              <button
                type="button"
                className="icon-btn"
                onClick={() => engine.addToQueue([toPlayerTrack(track, source)])}
                aria-label={t('track.addToQueue')}
                title={t('track.addToQueue')}
              >
                <PlusIcon />
              </button>
            </span>
            <span className="track-duration">{formatClock(track.durationMs / 1000)}</span>
          </li>
        );
      })}
    </ol>
  );
}
