import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { StarIcon } from '../../components/icons.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { CardGridSkeleton, EmptyState } from '../../components/StateViews.tsx';
import { useInfiniteSquare, usePlaylistShelf } from './playlist-queries.ts';
import { PlaylistGrid } from './PlaylistCard.tsx';
import { SquareTagBar } from './SquareTagBar.tsx';
import './playlists.css';

const SORTS = ['hot', 'new'] as const;
type Sort = (typeof SORTS)[number];

/** The playlist square: public playlists by category, hot or new, quality ones on top. */
export default function PlaylistSquarePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tag = params.get('tag') || null;
  const sort: Sort = SORTS.find((candidate) => candidate === params.get('sort')) ?? 'hot';
  const update = (next: { tag?: string | null; sort?: Sort }) => {
    const merged = { tag: next.tag === undefined ? tag : next.tag, sort: next.sort ?? sort };
    setParams(
      { ...(merged.tag ? { tag: merged.tag } : {}), ...(merged.sort !== 'hot' ? { sort: merged.sort } : {}) },
      { replace: true },
    );
  };

  return (
    <div className="page square">
      <div className="section-head">
        <h1 className="page-title">{t('playlists.square.title')}</h1>
        <div className="segmented" role="group" aria-label={t('playlists.square.sort')}>
          {SORTS.map((candidate) => (
            <button
              key={candidate}
              type="button"
              className={candidate === sort ? 'is-active' : ''}
              aria-pressed={candidate === sort}
              onClick={() => update({ sort: candidate })}
            >
              {t(`playlists.square.${candidate}`)}
            </button>
          ))}
        </div>
      </div>
      <SquareTagBar tag={tag} onChange={(next) => update({ tag: next })} />
      <QualityRow tag={tag} />
      <SquareGrid tag={tag} sort={sort} key={`${tag}:${sort}`} />
    </div>
  );
}

function QualityRow({ tag }: { tag: string | null }) {
  const { t } = useTranslation();
  const quality = usePlaylistShelf('quality', 6, tag ?? undefined);
  if (!quality.data || quality.data.length === 0) return null;
  return (
    <section className="section quality-row" aria-labelledby="quality-title">
      <div className="section-head">
        <h2 className="section-title" id="quality-title">
          <StarIcon className="icon quality-star" /> {t('playlists.square.quality')}
        </h2>
      </div>
      <PlaylistGrid playlists={quality.data} subtitle="owner" />
    </section>
  );
}

function SquareGrid({ tag, sort }: { tag: string | null; sort: Sort }) {
  const { t } = useTranslation();
  const square = useInfiniteSquare(sort, tag ?? undefined);
  return (
    <section className="section">
      <QueryView query={square} skeleton={<CardGridSkeleton count={12} />}>
        {(data) => {
          const playlists = data.pages.flatMap((page) => page.data);
          if (playlists.length === 0) {
            return (
              <EmptyState title={t('playlists.square.empty')}>{t('playlists.square.emptyHint')}</EmptyState>
            );
          }
          return (
            <>
              <PlaylistGrid playlists={playlists} subtitle="owner" />
              <LoadMore
                hasMore={square.hasNextPage}
                loading={square.isFetchingNextPage}
                failed={square.isFetchNextPageError}
                onLoadMore={() => void square.fetchNextPage()}
              />
            </>
          );
        }}
      </QueryView>
    </section>
  );
}
