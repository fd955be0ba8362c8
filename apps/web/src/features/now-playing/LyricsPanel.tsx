import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TranslateIcon } from '../../components/icons.tsx';
import { ErrorState, Skeleton } from '../../components/StateViews.tsx';
import { LyricCommentButton } from '../comments/LyricCommentButton.tsx';
import { useLyricCommentCounts } from '../comments/comment-queries.ts';
import { usePlayer, usePlayerState } from '../player-ui/player-context.tsx';
import { currentLineIndex, preferredTranslation, withTranslation } from './lyric-lines.ts';
import { useLyrics } from './lyrics-query.ts';

const LyricCommentsDialog = lazy(() =>
  import('../comments/LyricCommentsDialog.tsx').then((m) => ({ default: m.LyricCommentsDialog })),
);

const SHOW_TRANSLATION_KEY = 'resonance.lyrics.translation';
/** After the reader scrolls the lyrics themselves, wait this long before following the song again. */
const MANUAL_SCROLL_PAUSE_MS = 4000;

function readShowTranslation(): boolean {
  try {
    return localStorage.getItem(SHOW_TRANSLATION_KEY) !== 'off';
  } catch {
    return true;
  }
}

/**
 * Synced lyrics: the current line highlighted and kept in the middle; a click seeks there. A
 * bubble at the end of a line counts its comments and opens them (and the box to add one).
 */
export function LyricsPanel({ trackId }: { trackId: string }) {
  const { t, i18n } = useTranslation();
  const [requested, setRequested] = useState<string | undefined>(undefined);
  const lyrics = useLyrics(trackId, requested);
  const [showTranslation, setShowTranslation] = useState(readShowTranslation);
  const commentCounts = useLyricCommentCounts(trackId).data;
  const [commenting, setCommenting] = useState<number | null>(null);

  const data = lyrics.data;
  useEffect(() => {
    // Ask for the translation in the reader's language when the default one is another.
    if (!data || requested !== undefined) return;
    const better = preferredTranslation(data.translations, i18n.language);
    if (better && better !== data.translation?.lang) setRequested(better);
  }, [data, requested, i18n.language]);

  const toggle = () => {
    const next = !showTranslation;
    setShowTranslation(next);
    try {
      localStorage.setItem(SHOW_TRANSLATION_KEY, next ? 'on' : 'off');
    } catch {
      // not remembered
    }
  };

  if (lyrics.isPending) {
    return (
      <div className="lyrics lyrics-loading" aria-busy="true">
        {[70, 55, 80, 60, 65].map((w, i) => (
          <Skeleton key={i} width={`${w}%`} height={14} />
        ))}
      </div>
    );
  }
  if (lyrics.isError) return <ErrorState error={lyrics.error} onRetry={() => void lyrics.refetch()} />;
  if (!data || data.lines.length === 0) {
    return <p className="lyrics-none">{t('lyrics.none')}</p>;
  }

  const hasTranslation = data.translation !== null && data.translation.lines.length > 0;
  return (
    <div className="lyrics-wrap">
      {hasTranslation ? (
        <button
          type="button"
          className={`lyrics-translate icon-btn ${showTranslation ? 'is-on' : ''}`}
          onClick={toggle}
          aria-pressed={showTranslation}
          aria-label={t('lyrics.translation')}
          title={t('lyrics.translation')}
          data-testid="translation-toggle"
        >
          <TranslateIcon />
        </button>
      ) : null}
      <LyricLines
        lines={data.lines}
        translation={hasTranslation && showTranslation ? (data.translation?.lines ?? null) : null}
        synced={data.synced}
        commentCounts={commentCounts}
        onComment={setCommenting}
      />
      {commenting !== null && data.lines[commenting] ? (
        <Suspense fallback={null}>
          <LyricCommentsDialog
            trackId={trackId}
            lineIndex={commenting}
            line={data.lines[commenting].text.trim()}
            onClose={() => setCommenting(null)}
          />
        </Suspense>
      ) : null}
    </div>
  );
}

function LyricLines({
  lines,
  translation,
  synced,
  commentCounts,
  onComment,
}: {
  lines: { timeMs: number | null; text: string }[];
  translation: { timeMs: number | null; text: string }[] | null;
  synced: boolean;
  /** comments per line index, once known */
  commentCounts: ReadonlyMap<number, number> | undefined;
  onComment: (lineIndex: number) => void;
}) {
  const { t } = useTranslation();
  const engine = usePlayer();
  const shown = useMemo(() => withTranslation(lines, translation), [lines, translation]);
  const positionMs = usePlayerState((s) => Math.floor(s.position * 10) * 100);
  const current = synced ? currentLineIndex(shown, positionMs) : -1;
  const container = useRef<HTMLOListElement>(null);
  const manualScrollAt = useRef(0);

  useEffect(() => {
    const list = container.current;
    const line = list?.children[Math.max(0, current)] as HTMLElement | undefined;
    if (!list || !line || Date.now() - manualScrollAt.current < MANUAL_SCROLL_PAUSE_MS) return;
    const top = line.offsetTop - list.clientHeight / 2 + line.offsetHeight / 2;
    list.scrollTo({ top, behavior: 'smooth' });
  }, [current, translation]);

  const markManual = () => {
    manualScrollAt.current = Date.now();
  };

  return (
    <ol
      className={`lyrics ${synced ? 'is-synced' : ''}`}
      ref={container}
      onWheel={markManual}
      onTouchMove={markManual}
      aria-label={t('lyrics.label')}
      data-testid="lyrics"
    >
      {shown.map((line, index) => {
        const isCurrent = index === current;
        const seekable = synced && line.timeMs !== null;
        return (
          <li
            key={index}
            className={`lyric-line ${isCurrent ? 'is-current' : ''}`}
            aria-current={isCurrent ? 'true' : undefined}
            data-time-ms={line.timeMs ?? undefined}
          >
            {seekable ? (
              <button
                type="button"
                className="lyric-seek"
                onClick={() => {
                  manualScrollAt.current = 0;
                  engine.seek((line.timeMs ?? 0) / 1000);
                  if (engine.getSnapshot().paused) engine.play();
                }}
              >
                <LineText text={line.text} translation={line.translation} />
              </button>
            ) : (
              <span className="lyric-static">
                <LineText text={line.text} translation={line.translation} />
              </span>
            )}
            {line.text.trim() ? (
              <LyricCommentButton count={commentCounts?.get(index) ?? 0} onOpen={() => onComment(index)} />
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

function LineText({ text, translation }: { text: string; translation: string | null }) {
  return (
    <>
      <span className="lyric-text">{text || '\u00a0'}</span>
      {translation ? <span className="lyric-translation">{translation}</span> : null}
    </>
  );
}
