import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { LoadMore } from '../../components/LoadMore.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { CardGridSkeleton } from '../../components/StateViews.tsx';
import { ArtistCard } from './AlbumCard.tsx';
import { useInfiniteArtists } from './browse-queries.ts';
import { LibraryEmpty } from './LibraryEmpty.tsx';
import { SortSelect, sortFrom } from './SortSelect.tsx';
import './browse.css';

const SORTS = ['name', 'newest'] as const;

export default function ArtistsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const sort = sortFrom(params, SORTS, 'name');
  const artists = useInfiniteArtists(sort);

  return (
    <div className="page">
      <div className="section-head">
        <h1 className="page-title">{t('nav.artists')}</h1>
        <SortSelect
          value={sort}
          options={SORTS}
          onChange={(next) => setParams({ sort: next }, { replace: true })}
        />
      </div>
      <QueryView query={artists} skeleton={<CardGridSkeleton count={12} round />}>
        {(data) => {
          const items = data.pages.flatMap((page) => page.data);
          if (items.length === 0) return <LibraryEmpty />;
          return (
            <>
              <div className="card-grid">
                {items.map((artist) => (
                  <ArtistCard key={artist.id} artist={artist} />
                ))}
              </div>
              <LoadMore
                hasMore={artists.hasNextPage}
                loading={artists.isFetchingNextPage}
                failed={artists.isFetchNextPageError}
                onLoadMore={() => void artists.fetchNextPage()}
              />
            </>
          );
        }}
      </QueryView>
    </div>
  );
}
