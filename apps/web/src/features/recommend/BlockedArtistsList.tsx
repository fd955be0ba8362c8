import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { QueryView } from '../../components/QueryView.tsx';
import { Skeleton } from '../../components/StateViews.tsx';
import { formatDate } from '../../lib/intl-format.ts';
import { useArtistBlock } from './recommend-mutations.ts';
import { useBlockedArtists } from './recommend-queries.ts';

/** The artists I asked never to be recommended, each with "recommend again". */
export function BlockedArtistsList() {
  const { t, i18n } = useTranslation();
  const blocked = useBlockedArtists();
  const change = useArtistBlock();
  return (
    <div className="rec-setting rec-setting-column">
      <div className="rec-setting-name">{t('recommend.settings.blocked')}</div>
      <QueryView query={blocked} skeleton={<Skeleton height={40} />}>
        {(artists) =>
          artists.length === 0 ? (
            <p className="muted rec-setting-hint">{t('recommend.settings.blockedEmpty')}</p>
          ) : (
            <ul className="blocked-artists">
              {artists.map((artist) => (
                <li key={artist.id} className="blocked-artist" data-testid="blocked-artist">
                  <Link to={`/artists/${artist.id}`}>{artist.name}</Link>
                  <span className="muted blocked-artist-date">
                    {t('recommend.settings.blockedOn', { date: formatDate(artist.blockedAt, i18n.language) })}
                  </span>
                  <button
                    type="button"
                    className="btn"
                    onClick={() => change.mutate({ artistId: artist.id, blocked: false })}
                    disabled={change.isPending}
                    aria-label={t('recommend.settings.unblockNamed', { name: artist.name })}
                  >
                    {t('recommend.settings.unblock')}
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
    </div>
  );
}
