import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog.tsx';
import { CommentsSection } from './CommentsSection.tsx';
import './lyric-comments.css';

/** One lyric line and its comments, with the box to write one that quotes it. */
export function LyricCommentsDialog({
  trackId,
  lineIndex,
  line,
  onClose,
}: {
  trackId: string;
  lineIndex: number;
  line: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      title={t('comments.lyric.title')}
      closeLabel={t('comments.composer.cancel')}
      onClose={onClose}
      className="lyric-comments-dialog"
    >
      <blockquote className="comment-quote comment-lyric-quote lyric-comments-line" data-testid="lyric-quote">
        {t('comments.lyric.quote', { line })}
      </blockquote>
      <CommentsSection targetType="lyric" targetId={trackId} lineIndex={lineIndex} variant="compact" />
    </Dialog>
  );
}
