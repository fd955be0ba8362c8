import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PlayIcon } from '../../components/icons.tsx';
import type { Track } from '../../lib/api-types.ts';
import { formatCount } from '../../lib/intl-format.ts';
import { ArtistLinks } from '../browse/ArtistLinks.tsx';
import { toPlayerTrack } from '../browse/to-player-track.ts';
import { usePlayer, usePlayerState } from '../player-ui/player-context.tsx';

interface Entry {
  rank: number;
  playCount: number;
  /** the bar, 0..100 of the first */
  score: number;
  track: Track;
}

/** Most played songs with a bar each, the first one full. Clicking plays from there. */
export function RankingList({ entries, label }: { entries: readonly Entry[]; label: string }) {
  const { t, i18n } = useTranslation();
  const engine = usePlayer();
  const currentId = usePlayerState((s) => s.current?.track.id ?? null);
  const play = (index: number) =>
    engine.playTracks(
      entries.map((entry) => toPlayerTrack(entry.track, { type: 'other' })),
      index,
    );
  return (
    <ol className="ranking" aria-label={label}>
      {entries.map((entry, index) => (
        <li
          key={entry.track.id}
          className={`ranking-row ${entry.track.id === currentId ? 'is-current' : ''}`}
          data-testid="ranking-row"
        >
          <span className={`ranking-rank ${entry.rank <= 3 ? 'is-top' : ''}`}>{entry.rank}</span>
          <button
            type="button"
            className="icon-btn ranking-play"
            onClick={() => play(index)}
            aria-label={t('track.play', { title: entry.track.title })}
          >
            <PlayIcon />
          </button>
          <span className="ranking-main">
            <Link className="ranking-title" to={`/tracks/${entry.track.id}`}>
              {entry.track.title}
            </Link>
            <span className="ranking-artists">
              <ArtistLinks artists={entry.track.artists} />
            </span>
          </span>
          <span className="ranking-bar" aria-hidden="true">
            <span style={{ width: `${Math.max(2, Math.min(100, entry.score))}%` }} />
          </span>
          <span className="ranking-count muted">
            {t('users.ranking.plays', {
              count: entry.playCount,
              formatted: formatCount(entry.playCount, i18n.language),
            })}
          </span>
        </li>
      ))}
    </ol>
  );
}
