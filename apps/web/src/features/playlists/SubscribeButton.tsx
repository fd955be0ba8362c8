import { useTranslation } from 'react-i18next';
import { FolderPlusIcon } from '../../components/icons.tsx';
import type { Playlist } from '../../lib/api-types.ts';
import { formatCompactCount } from '../../lib/intl-format.ts';
import { useSubscription } from './playlist-mutations.ts';

/** Collect someone else's playlist, or let it go; shows how many collected it. */
export function SubscribeButton({ playlist }: { playlist: Playlist }) {
  const { t, i18n } = useTranslation();
  const subscription = useSubscription(playlist.id);
  const count = formatCompactCount(playlist.subscriberCount, i18n.language);
  return (
    <button
      type="button"
      className={`btn ${playlist.subscribed ? 'is-subscribed' : ''}`}
      aria-pressed={playlist.subscribed}
      disabled={subscription.isPending}
      onClick={() => subscription.mutate(!playlist.subscribed)}
      data-testid="subscribe"
    >
      <FolderPlusIcon />
      {playlist.subscribed ? t('playlists.subscribed') : t('playlists.subscribe')}
      {playlist.subscriberCount > 0 ? <span className="muted">({count})</span> : null}
    </button>
  );
}
