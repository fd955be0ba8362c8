import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router-dom';
import { LoadMore } from '../../components/LoadMore.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { formatCompactCount } from '../../lib/intl-format.ts';
import { CommentComposer } from './CommentComposer.tsx';
import { CommentItem } from './CommentItem.tsx';
import { useCommentList, useHotComments } from './comment-queries.ts';
import type { CommentSort, CommentTarget, CommentTargetType } from './comment-types.ts';
import { CommentsSkeleton } from './CommentsSkeleton.tsx';
import './comments.css';

const SORTS: readonly CommentSort[] = ['new', 'recommended', 'hot'];

interface CommentsSectionProps {
  targetType: CommentTargetType;
  targetId: string;
  /** for a lyric line's comments */
  lineIndex?: number;
  /** `compact`: in a side panel or dialog (smaller heading, no 精彩评论) */
  variant?: 'page' | 'compact';
  /** the page's comments section: the target of `#comments` links */
  anchor?: boolean;
}

/**
 * The comments under a song, album, playlist or lyric line: the total, the box to write one,
 * 精彩评论 (the most appreciated, when there are any) above 最新评论, which can also be read
 * recommended or hottest first.
 */
export function CommentsSection({
  targetType,
  targetId,
  lineIndex,
  variant = 'page',
  anchor = false,
}: CommentsSectionProps) {
  const { t, i18n } = useTranslation();
  const target: CommentTarget = useMemo(
    () => ({ targetType, targetId, lineIndex }),
    [targetType, targetId, lineIndex],
  );
  const [sort, setSort] = useState<CommentSort>('new');
  const list = useCommentList(target, sort);
  const withHot = variant === 'page' && sort !== 'hot';
  const hot = useHotComments(target, withHot);
  // 精彩: comments people liked; a fresh one nobody reacted to yet is only in 最新.
  const hotComments = (hot.data?.data ?? []).filter((comment) => !comment.deleted && comment.likeCount > 0);
  const total = list.data?.pages[0]?.total;
  const showQuotedLine = targetType === 'lyric' && lineIndex === undefined;
  const section = useScrollIntoViewOnHash(anchor && list.data !== undefined);
  const Heading = variant === 'page' ? 'h2' : 'h3';

  return (
    <section
      className={`comments comments-${variant}`}
      id={anchor ? 'comments' : undefined}
      ref={section}
      aria-label={t('comments.title')}
      data-testid="comments"
    >
      <header className="comments-head">
        <Heading className="comments-title">{t('comments.title')}</Heading>
        {total !== undefined ? (
          <span className="comments-total" data-testid="comment-total" data-count={total}>
            {t('comments.total', { count: total, formatted: formatCompactCount(total, i18n.language) })}
          </span>
        ) : null}
      </header>
      <CommentComposer target={target} />
      {withHot && hotComments.length > 0 ? (
        <div className="comments-block" data-testid="comments-hot">
          <h3 className="comments-block-title">{t('comments.hot')}</h3>
          <ol className="comment-list">
            {hotComments.map((comment) => (
              <CommentItem key={comment.id} comment={comment} showQuotedLine={showQuotedLine} />
            ))}
          </ol>
        </div>
      ) : null}
      <div className="comments-block" data-testid={`comments-${sort}`}>
        <div className="comments-block-head">
          <h3 className="comments-block-title">{t(`comments.list.${sort}`)}</h3>
          <div className="comment-sorts" role="group" aria-label={t('comments.sortLabel')}>
            {SORTS.map((option) => (
              <button
                key={option}
                type="button"
                className={option === sort ? 'is-active' : ''}
                aria-pressed={option === sort}
                onClick={() => setSort(option)}
                data-testid={`comment-sort-${option}`}
              >
                {t(`comments.sort.${option}`)}
              </button>
            ))}
          </div>
        </div>
        <QueryView query={list} skeleton={<CommentsSkeleton />}>
          {(data) => {
            const comments = data.pages.flatMap((page) => page.data);
            if (comments.length === 0) return <p className="comments-empty">{t('comments.empty')}</p>;
            return (
              <>
                <ol className="comment-list">
                  {comments.map((comment) => (
                    <CommentItem key={comment.id} comment={comment} showQuotedLine={showQuotedLine} />
                  ))}
                </ol>
                <LoadMore
                  hasMore={list.hasNextPage}
                  loading={list.isFetchingNextPage}
                  failed={list.isFetchNextPageError}
                  onLoadMore={() => void list.fetchNextPage()}
                />
              </>
            );
          }}
        </QueryView>
      </div>
    </section>
  );
}

/** Scrolls to the section once when the page was opened at `#comments` and it has loaded. */
function useScrollIntoViewOnHash(ready: boolean) {
  const { hash, key } = useLocation();
  const ref = useRef<HTMLElement>(null);
  const done = useRef<string | null>(null);
  useEffect(() => {
    if (!ready || hash !== '#comments' || done.current === key) return;
    done.current = key;
    ref.current?.scrollIntoView({ block: 'start' });
  }, [ready, hash, key]);
  return ref;
}
