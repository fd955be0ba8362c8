import { useTranslation } from 'react-i18next';
import { Cover } from '../../components/Cover.tsx';
import { PlayIcon } from '../../components/icons.tsx';
import type { Track } from '../../lib/api-types.ts';
import { toPlayerTrack } from '../browse/to-player-track.ts';
import { usePlayer } from '../player-ui/player-context.tsx';
import './compact-track-list.css';

/**
 * Suggested songs as small rows (similar songs, "more like this playlist"). A click plays the
 * song right away, after the current one in the queue, without replacing the queue.
 */
export function CompactTrackList({ tracks, columns = 1 }: { tracks: readonly Track[]; columns?: 1 | 2 }) {
  const { t } = useTranslation();
  const engine = usePlayer();
  return (
    <ul className={`compact-tracks ${columns === 2 ? 'compact-tracks-two' : ''}`}>
      {tracks.map((track) => (
        <li key={track.id}>
          <button
            type="button"
            className="compact-track"
            onClick={() => engine.playNow([toPlayerTrack(track, { type: 'other' })])}
            aria-label={t('recommend.similar.play', { title: track.title })}
            data-testid="suggested-track"
          >
            <Cover url={track.coverUrl} size={40} className="compact-track-cover" />
            <span className="compact-track-text">
              <span className="compact-track-title">{track.title}</span>
              <span className="compact-track-artists">
                {track.artists.map((artist) => artist.name).join(' / ')}
              </span>
            </span>
            <PlayIcon className="icon compact-track-play" />
          </button>
        </li>
      ))}
    </ul>
  );
}
