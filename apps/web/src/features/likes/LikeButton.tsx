import { useTranslation } from 'react-i18next';
import { HeartFilledIcon, HeartIcon } from '../../components/icons.tsx';
import { useLikeLookup, useToggleLike } from './like-queries.ts';
import './like-button.css';

interface LikeButtonProps {
  trackId: string;
  /** known from the list's lookup; when left out the button asks about its one track itself */
  liked?: boolean;
  className?: string;
}

/** The red heart: "I like this song". */
export function LikeButton({ trackId, liked, className = '' }: LikeButtonProps) {
  const { t } = useTranslation();
  const own = useLikeLookup(liked === undefined ? [trackId] : []);
  const toggle = useToggleLike();
  const on = liked ?? own[trackId] ?? false;
  return (
    <button
      type="button"
      className={`icon-btn like-button ${on ? 'is-liked' : ''} ${className}`}
      aria-pressed={on}
      aria-label={t('likes.like')}
      title={on ? t('likes.unlike') : t('likes.like')}
      onClick={() => toggle.mutate({ trackId, liked: !on })}
      data-testid="like-button"
    >
      {on ? <HeartFilledIcon /> : <HeartIcon />}
    </button>
  );
}
