import { useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Cover } from '../../components/Cover.tsx';
import { Toast } from '../../components/Toast.tsx';
import { formatClock } from '../../lib/intl-format.ts';
import { TrackAlbumCell, TrackIndexCell, TrackTitleCell } from '../browse/TrackRowCells.tsx';
import { useLikeLookup } from '../likes/like-queries.ts';
import { LikeButton } from '../likes/LikeButton.tsx';
import { AddToPlaylistButton } from '../playlists/AddToPlaylistButton.tsx';
import { usePlayer, usePlayerState } from '../player-ui/player-context.tsx';
import { NotInterestedIcon } from './recommend-icons.tsx';
import { useDismissDaily } from './recommend-mutations.ts';
import type { DailyRecommendations } from './recommend-types.ts';
import { ReasonLine } from './ReasonLine.tsx';
import { dailyQueue } from './use-play-daily.ts';
import { WhyButton } from './WhyButton.tsx';
import '../browse/track-list.css';
import './daily.css';

/**
 * A day's list: each song with the reason it was picked under its title. Today's list also has
 * "why?" and "not interested" (the server puts a replacement in the same place).
 */
export function DailyTrackList({ list, today }: { list: DailyRecommendations; today: boolean }) {
  const { t } = useTranslation();
  const engine = usePlayer();
  const currentId = usePlayerState((s) => s.current?.track.id ?? null);
  const liked = useLikeLookup(list.tracks.map(({ track }) => track.id));
  const dismiss = useDismissDaily();
  const [failed, setFailed] = useState(false);

  const play = (index: number) => engine.playTracks(dailyQueue(list), index);
  const onRowClick = (event: MouseEvent, index: number) => {
    if ((event.target as HTMLElement).closest('a, button')) return;
    play(index);
  };

  return (
    <>
      <ol className="track-list with-cover with-album daily-list" aria-label={t('recommend.daily.tracks')}>
        {list.tracks.map(({ track, reason }, index) => {
          const isCurrent = track.id === currentId;
          const leaving = dismiss.isPending && dismiss.variables === track.id;
          return (
            <li
              key={track.id}
              className={`track-row daily-row ${isCurrent ? 'is-current' : ''} ${leaving ? 'is-leaving' : ''}`}
              onClick={(event) => onRowClick(event, index)}
              data-testid="daily-row"
              data-track-id={track.id}
            >
              <TrackIndexCell title={track.title} isCurrent={isCurrent} onPlay={() => play(index)}>
                {String(index + 1).padStart(2, '0')}
              </TrackIndexCell>
              <LikeButton trackId={track.id} liked={liked[track.id] ?? false} />
              <Cover url={track.coverUrl} size={40} className="track-cover" />
              <TrackTitleCell track={track}>
                <span className="daily-reason">
                  <ReasonLine reason={reason} track={track} />
                  {today ? <WhyButton trackId={track.id} title={track.title} /> : null}
                </span>
              </TrackTitleCell>
              <TrackAlbumCell album={track.album} />
              <span className="track-actions">
                <AddToPlaylistButton trackIds={[track.id]} />
                {today ? (
                  <button
                    type="button"
                    className="icon-btn"
                    onClick={() => dismiss.mutate(track.id, { onError: () => setFailed(true) })}
                    disabled={dismiss.isPending}
                    aria-label={t('recommend.daily.dismissNamed', { title: track.title })}
                    title={t('recommend.daily.dismiss')}
                    data-testid="dismiss"
                  >
                    <NotInterestedIcon />
                  </button>
                ) : null}
              </span>
              <span className="track-duration">{formatClock(track.durationMs / 1000)}</span>
            </li>
          );
        })}
      </ol>
      {failed ? <Toast message={t('recommend.daily.dismissFailed')} onDone={() => setFailed(false)} /> : null}
    </>
  );
}
