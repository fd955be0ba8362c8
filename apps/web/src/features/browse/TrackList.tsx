import { useRef, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Cover } from '../../components/Cover.tsx';
import { DragIcon, PlayNextIcon, PlusIcon } from '../../components/icons.tsx';
import type { Track } from '../../lib/api-types.ts';
import { formatClock } from '../../lib/intl-format.ts';
import { useLikeLookup } from '../likes/like-queries.ts';
import { LikeButton } from '../likes/LikeButton.tsx';
import { AddToPlaylistButton } from '../playlists/AddToPlaylistButton.tsx';
import { usePlayer, usePlayerState } from '../player-ui/player-context.tsx';
import { useDragReorder } from '../player-ui/use-drag-reorder.ts';
import type { PlaySource } from '../../player/types.ts';
import { toPlayerTrack } from './to-player-track.ts';
import { TrackAlbumCell, TrackIndexCell, TrackTitleCell } from './TrackRowCells.tsx';
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
  /** rows get a drag handle (arrow keys too); called with the old and new index */
  onMove?: (from: number, to: number) => void;
  /** more buttons at the end of a row (e.g. remove from this playlist) */
  rowActions?: (track: Track, index: number) => ReactNode;
  /** a mark under the number (e.g. a chart's movement) */
  badge?: (track: Track, index: number) => ReactNode;
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
  onMove,
  rowActions,
  badge,
}: TrackListProps) {
  const { t } = useTranslation();
  const engine = usePlayer();
  const currentId = usePlayerState((s) => s.current?.track.id ?? null);
  const liked = useLikeLookup(tracks.map((track) => track.id));
  const listRef = useRef<HTMLOListElement>(null);
  const { drag, handleProps, rowStyle } = useDragReorder({
    ids: tracks.map((track) => track.id),
    onMove: (from, to) => onMove?.(from, to),
    listRef,
  });

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
      ref={listRef}
      className={`track-list ${showAlbum ? 'with-album' : ''} ${showCover ? 'with-cover' : ''} ${onMove ? 'with-drag' : ''} ${drag ? 'is-dragging' : ''}`}
      aria-label={label}
    >
      {tracks.map((track, index) => {
        const isCurrent = track.id === currentId;
        return (
          <li
            key={`${track.id}-${index}`}
            className={`track-row ${isCurrent ? 'is-current' : ''} ${drag?.from === index ? 'is-lifted' : ''}`}
            onClick={(event) => onRowClick(event, index)}
            data-testid="track-row"
            data-drag-row={onMove ? '' : undefined}
            style={onMove ? rowStyle(index) : undefined}
          >
            {onMove ? (
              <button
                type="button"
                className="track-handle"
                aria-label={t('queue.reorder', { title: track.title })}
                title={t('queue.reorderHint')}
                {...handleProps(index)}
              >
                <DragIcon />
              </button>
            ) : null}
            <TrackIndexCell title={track.title} isCurrent={isCurrent} onPlay={() => play(index)}>
              {numbering === 'trackNo' ? (track.trackNo ?? index + 1) : index + 1}
              {badge ? <span className="track-badge">{badge(track, index)}</span> : null}
            </TrackIndexCell>
            <LikeButton trackId={track.id} liked={liked[track.id] ?? false} />
            {showCover ? <Cover url={track.coverUrl} size={40} className="track-cover" /> : null}
            <TrackTitleCell track={track} />
            {showAlbum ? <TrackAlbumCell album={track.album} /> : null}
            <span className="track-actions">
              <button
                type="button"
                className="icon-btn track-play-next"
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
              <AddToPlaylistButton trackIds={[track.id]} />
              {rowActions?.(track, index)}
            </span>
            <span className="track-duration">{formatClock(track.durationMs / 1000)}</span>
          </li>
        );
      })}
    </ol>
  );
}
