import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import './load-more.css';

interface LoadMoreProps {
  hasMore: boolean;
  loading: boolean;
  failed?: boolean;
  onLoadMore: () => void;
}

/**
 * The end of an endless list: loads the next page when it scrolls into view, and is also a
 * button (for keyboards, and to retry after a failed page).
 */
export function LoadMore({ hasMore, loading, failed = false, onLoadMore }: LoadMoreProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const load = useRef(onLoadMore);
  load.current = onLoadMore;

  useEffect(() => {
    const element = ref.current;
    if (!element || !hasMore || loading || failed || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) load.current();
      },
      // Observe within the scrolling pane so the margin starts loading a screen ahead.
      { root: scrollParent(element), rootMargin: '400px 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [hasMore, loading, failed]);

  if (!hasMore) return null;
  return (
    <div className="load-more" ref={ref}>
      <button type="button" className="btn" onClick={onLoadMore} disabled={loading}>
        {loading ? t('state.loading') : failed ? t('state.retry') : t('state.loadMore')}
      </button>
    </div>
  );
}

function scrollParent(element: HTMLElement): HTMLElement | null {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if (overflowY === 'auto' || overflowY === 'scroll') return node;
  }
  return null;
}
