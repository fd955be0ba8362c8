import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { LoadMore } from '../../components/LoadMore.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { CardGridSkeleton } from '../../components/StateViews.tsx';
import { AlbumGrid } from './AlbumCard.tsx';
import { useInfiniteAlbums } from './browse-queries.ts';
import { LibraryEmpty } from './LibraryEmpty.tsx';
import { SortSelect, sortFrom } from './SortSelect.tsx';
import './browse.css';

const SORTS = ['newest', 'title', 'year'] as const;

export default function AlbumsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const sort = sortFrom(params, SORTS, 'newest');
  const albums = useInfiniteAlbums(sort);

  return (
    <div className="page">
      <div className="section-head">
        <h1 className="page-title">{t('nav.albums')}</h1>
        <SortSelect
          value={sort}
          options={SORTS}
          onChange={(next) => setParams({ sort: next }, { replace: true })}
        />
      </div>
      <QueryView query={albums} skeleton={<CardGridSkeleton count={12} />}>
        {(data) => {
          const items = data.pages.flatMap((page) => page.data);
          if (items.length === 0) return <LibraryEmpty />;
          return (
            <>
              <AlbumGrid albums={items} />
              <LoadMore
                hasMore={albums.hasNextPage}
                loading={albums.isFetchingNextPage}
                failed={albums.isFetchNextPageError}
                onLoadMore={() => void albums.fetchNextPage()}
              />
            </>
          );
        }}
      </QueryView>
    </div>
  );
}
