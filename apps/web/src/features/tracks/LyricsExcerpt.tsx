import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChevronDownIcon } from '../../components/icons.tsx';
import { Skeleton } from '../../components/StateViews.tsx';
import { useLyricCommentCounts } from '../comments/comment-queries.ts';
import { LyricCommentButton } from '../comments/LyricCommentButton.tsx';
import { useLyrics } from '../now-playing/lyrics-query.ts';

const LyricCommentsDialog = lazy(() =>
  import('../comments/LyricCommentsDialog.tsx').then((m) => ({ default: m.LyricCommentsDialog })),
);

/** lines shown before "show more" */
const FOLDED_LINES = 8;

/**
 * The song page's lyrics: the first lines, the rest on request, each line with its comment
 * bubble. The line whose comments are open is in the URL (notifications link to it).
 */
export function LyricsExcerpt({
  trackId,
  openLine,
  onOpenLine,
}: {
  trackId: string;
  openLine: number | null;
  onOpenLine: (lineIndex: number | null) => void;
}) {
  const { t } = useTranslation();
  const lyrics = useLyrics(trackId, undefined);
  const counts = useLyricCommentCounts(trackId).data;
  const [unfolded, setUnfolded] = useState(false);

  if (lyrics.isPending) return <Skeleton height={120} />;
  const lines = lyrics.data?.lines ?? [];
  // Keep each line's index: comments name lines by their place in the lyrics.
  const sung = lines.map((line, index) => ({ text: line.text.trim(), index })).filter((line) => line.text);
  if (sung.length === 0) return null;
  const shown = unfolded ? sung : sung.slice(0, FOLDED_LINES);
  const open = openLine !== null ? lines[openLine] : undefined;

  return (
    <section className="track-lyrics" aria-label={t('tracks.lyrics')}>
      <h2 className="section-title">{t('tracks.lyrics')}</h2>
      <ol className="track-lyric-lines" data-testid="track-lyrics">
        {shown.map((line) => (
          <li key={line.index} className="track-lyric-line">
            <span>{line.text}</span>
            <LyricCommentButton count={counts?.get(line.index) ?? 0} onOpen={() => onOpenLine(line.index)} />
          </li>
        ))}
      </ol>
      {sung.length > FOLDED_LINES ? (
        <button
          type="button"
          className="track-lyrics-more"
          aria-expanded={unfolded}
          onClick={() => setUnfolded(!unfolded)}
        >
          {unfolded ? t('tracks.less') : t('tracks.more')}
          <ChevronDownIcon className={`icon ${unfolded ? 'is-flipped' : ''}`} />
        </button>
      ) : null}
      {openLine !== null && open?.text.trim() ? (
        <Suspense fallback={null}>
          <LyricCommentsDialog
            trackId={trackId}
            lineIndex={openLine}
            line={open.text.trim()}
            onClose={() => onOpenLine(null)}
          />
        </Suspense>
      ) : null}
    </section>
  );
}
