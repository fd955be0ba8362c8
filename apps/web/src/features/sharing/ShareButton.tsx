import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ShareIcon } from '../../components/icons.tsx';
import { Toast } from '../../components/Toast.tsx';
import { formatCompactCount } from '../../lib/intl-format.ts';
import { shareLink, trackShareUrl, type ShareChannel } from './share-link.ts';
import { shareCountQuery, useRecordShare } from './share-queries.ts';
import './share-button.css';

interface ShareButtonProps {
  trackId: string;
  /** the song's title, for the share sheet */
  title: string;
  /** an icon (with the count) in a row, or a labelled button in a page header */
  variant?: 'icon' | 'button';
  className?: string;
}

/**
 * "Share": the device's share sheet where there is one, else the link copied to the clipboard.
 * The share is then recorded, which raises the count shown beside the icon and tells the
 * recommender the user vouches for the song.
 */
export function ShareButton({ trackId, title, variant = 'icon', className = '' }: ShareButtonProps) {
  const { t, i18n } = useTranslation();
  const count = useQuery(shareCountQuery(trackId)).data;
  const record = useRecordShare();
  const [message, setMessage] = useState<string | null>(null);

  const share = async () => {
    const url = trackShareUrl(window.location.origin, trackId);
    let channel: ShareChannel | null;
    try {
      channel = await shareLink(navigator, { url, title, text: t('sharing.shareText', { title }) });
    } catch {
      setMessage(t('sharing.copyFailed', { url }));
      return;
    }
    if (channel === null) return;
    if (channel === 'link') setMessage(t('sharing.copied'));
    record.mutate({ trackId, channel });
  };

  const label = count ? t('sharing.shareCount', { count }) : t('sharing.share');
  return (
    <>
      <button
        type="button"
        className={`${variant === 'icon' ? 'icon-btn' : 'btn'} share-button ${className}`}
        aria-label={label}
        title={label}
        onClick={() => void share()}
        data-testid="share-button"
      >
        <ShareIcon />
        {variant === 'button' ? ` ${t('sharing.share')}` : null}
        {count ? (
          <span className="share-count" data-testid="share-count">
            {formatCompactCount(count, i18n.language)}
          </span>
        ) : null}
      </button>
      {message ? <Toast message={message} onDone={() => setMessage(null)} /> : null}
    </>
  );
}
