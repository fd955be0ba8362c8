import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { RefreshIcon } from '../../components/icons.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { CardGridSkeleton, TrackListSkeleton } from '../../components/StateViews.tsx';
import { OnboardingCard } from '../recommend/OnboardingCard.tsx';
import { RecommendCards } from '../recommend/RecommendCards.tsx';
import { RecommendedPlaylistsRow } from '../recommend/RecommendedPlaylistsRow.tsx';
import { AlbumGrid } from './AlbumCard.tsx';
import { useAlbumShelf, useTrackShelf } from './browse-queries.ts';
import { LibraryEmpty } from './LibraryEmpty.tsx';
import { TrackList } from './TrackList.tsx';
import './browse.css';

export default function HomePage() {
  const { t } = useTranslation();
  const recent = useAlbumShelf('newest', 12);
  const random = useAlbumShelf('random', 6);
  const newSongs = useTrackShelf('newest', 10);

  if (recent.data && recent.data.length === 0) {
    return (
      <div className="page">
        <h1 className="page-title">{t('home.title')}</h1>
        <LibraryEmpty />
      </div>
    );
  }

  return (
    <div className="page home">
      <h1 className="visually-hidden">{t('home.title')}</h1>
      <OnboardingCard />
      <RecommendCards />
      <RecommendedPlaylistsRow />
      <section className="section">
        <div className="section-head">
          <h2 className="section-title">{t('home.recentlyAdded')}</h2>
          <Link className="section-link" to="/albums?sort=newest">
            {t('home.more')}
          </Link>
        </div>
        <QueryView query={recent} skeleton={<CardGridSkeleton count={6} />}>
          {(albums) => <AlbumGrid albums={albums} />}
        </QueryView>
      </section>
      <section className="section">
        <div className="section-head">
          <h2 className="section-title">{t('home.randomPicks')}</h2>
          <button
            type="button"
            className="section-link section-button"
            onClick={() => void random.refetch()}
            disabled={random.isFetching}
          >
            <RefreshIcon /> {t('home.shuffleAgain')}
          </button>
        </div>
        <QueryView query={random} skeleton={<CardGridSkeleton count={6} />}>
          {(albums) => <AlbumGrid albums={albums} />}
        </QueryView>
      </section>
      <section className="section">
        <div className="section-head">
          <h2 className="section-title">{t('home.newSongs')}</h2>
          <Link className="section-link" to="/songs?sort=newest">
            {t('home.more')}
          </Link>
        </div>
        <QueryView query={newSongs} skeleton={<TrackListSkeleton rows={5} />}>
          {(tracks) => (
            <TrackList tracks={tracks} source={{ type: 'library' }} showCover label={t('home.newSongs')} />
          )}
        </QueryView>
      </section>
    </div>
  );
}
