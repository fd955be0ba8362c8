import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { Cover } from '../../components/Cover.tsx';
import { PlayIcon } from '../../components/icons.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { EmptyState } from '../../components/StateViews.tsx';
import type { ArtistDetail } from '../../lib/api-types.ts';
import { formatCount } from '../../lib/intl-format.ts';
import { usePlayer } from '../player-ui/player-context.tsx';
import { BlockArtistButton } from '../recommend/BlockArtistButton.tsx';
import { SimilarArtists } from '../recommend/SimilarArtists.tsx';
import { AlbumGrid } from './AlbumCard.tsx';
import { DetailSkeleton } from './AlbumPage.tsx';
import { useArtist } from './browse-queries.ts';
import { toPlayerTrack } from './to-player-track.ts';
import { TrackList } from './TrackList.tsx';
import './browse.css';

export default function ArtistPage() {
  const { id = '' } = useParams();
  const artist = useArtist(id);
  return (
    <div className="page">
      <QueryView query={artist} skeleton={<DetailSkeleton />}>
        {(data) => <ArtistView artist={data} />}
      </QueryView>
    </div>
  );
}

function ArtistView({ artist }: { artist: ArtistDetail }) {
  const { t, i18n } = useTranslation();
  const engine = usePlayer();
  const top = artist.topTracks.map((track) => toPlayerTrack(track, { type: 'artist', id: artist.id }));

  return (
    <>
      <header className="detail-head">
        <Cover url={artist.coverUrl} size={200} round className="detail-cover" alt={artist.name} />
        <div className="detail-info">
          <span className="detail-kind">{t('artist.kind')}</span>
          <h1 className="detail-title">{artist.name}</h1>
          <p className="detail-meta muted">
            {t('artist.albumCount', {
              count: artist.albumCount,
              formatted: formatCount(artist.albumCount, i18n.language),
            })}
            {' · '}
            {t('artist.trackCount', {
              count: artist.trackCount,
              formatted: formatCount(artist.trackCount, i18n.language),
            })}
          </p>
          <div className="head-actions">
            <button
              type="button"
              className="btn btn-primary"
              disabled={top.length === 0}
              onClick={() => engine.playTracks(top, 0)}
            >
              <PlayIcon /> {t('artist.playTop')}
            </button>
            <BlockArtistButton artist={artist} />
          </div>
        </div>
      </header>
      <section className="section">
        <h2 className="section-title section-title-spaced">{t('artist.topTracks')}</h2>
        {artist.topTracks.length === 0 ? (
          <EmptyState title={t('artist.noTracks')} />
        ) : (
          <TrackList
            tracks={artist.topTracks}
            source={{ type: 'artist', id: artist.id }}
            showCover
            label={t('artist.topTracks')}
          />
        )}
      </section>
      {artist.albums.length > 0 ? (
        <section className="section">
          <h2 className="section-title section-title-spaced">{t('artist.albums')}</h2>
          <AlbumGrid albums={artist.albums} subtitle="year" />
        </section>
      ) : null}
      {artist.appearsOn.length > 0 ? (
        <section className="section">
          <h2 className="section-title section-title-spaced">{t('artist.appearsOn')}</h2>
          <AlbumGrid albums={artist.appearsOn} />
        </section>
      ) : null}
      <SimilarArtists artistId={artist.id} />
    </>
  );
}
