import { useTranslation } from 'react-i18next';
import { BlockedArtistsList } from './BlockedArtistsList.tsx';
import { TasteReset } from './TasteReset.tsx';
import './settings.css';

/** The listener's say over recommendations (on the profile page). */
export function RecommendSettings() {
  const { t } = useTranslation();
  return (
    <section className="section rec-settings" aria-labelledby="rec-settings-title">
      <h2 className="section-title" id="rec-settings-title">
        {t('recommend.settings.title')}
      </h2>
      <TasteReset />
      <BlockedArtistsList />
    </section>
  );
}
