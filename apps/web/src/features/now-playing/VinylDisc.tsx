import { Cover } from '../../components/Cover.tsx';

/**
 * A record turning on a platter with the cover as its label. The tone arm rests on the record
 * while playing and lifts away on pause; the record stops where it is (not back to zero).
 */
export function VinylDisc({
  coverUrl,
  playing,
  title,
}: {
  coverUrl: string | null;
  playing: boolean;
  title: string;
}) {
  return (
    <div className={`vinyl-stage ${playing ? 'is-playing' : 'is-paused'}`} data-testid="vinyl">
      <svg className="tone-arm" viewBox="0 0 130 180" aria-hidden="true">
        <path
          d="M22 18 L40 96 L110 126"
          fill="none"
          stroke="#d4d4d4"
          strokeWidth="7"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
        <path
          d="M22 18 L40 96 L110 126"
          fill="none"
          stroke="#f8f8f8"
          strokeWidth="3"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
        <rect x="100" y="117" width="24" height="16" rx="3" transform="rotate(24 112 125)" fill="#bdbdbd" />
        <circle cx="22" cy="18" r="16" fill="#f4f4f4" stroke="#d6d6d6" strokeWidth="2" />
        <circle cx="22" cy="18" r="6" fill="#c9c9c9" />
      </svg>
      <div className="vinyl-ring">
        <div className="vinyl">
          <div className="vinyl-label">
            <Cover url={coverUrl} size={220} round alt={title} />
          </div>
        </div>
      </div>
    </div>
  );
}
