import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { HeartFilledIcon } from '../../components/icons.tsx';
import '../browse/cards.css';
import './likes.css';

/** 我喜欢的音乐 as a card among playlists: my first playlist. */
export function LikedSongsCard() {
  const { t } = useTranslation();
  return (
    <div className="card">
      <Link to="/likes" className="card-cover liked-cover" aria-label={t('likes.title')}>
        <HeartFilledIcon />
      </Link>
      <Link className="card-title" to="/likes">
        {t('likes.title')}
      </Link>
    </div>
  );
}
