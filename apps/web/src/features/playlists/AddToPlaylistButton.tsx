import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FolderPlusIcon } from '../../components/icons.tsx';
import { Toast } from '../../components/Toast.tsx';

const AddToPlaylistDialog = lazy(() => import('./AddToPlaylistDialog.tsx'));

interface AddToPlaylistButtonProps {
  trackIds: readonly string[];
  /** an icon in a row or bar, or a labelled button in a page header */
  variant?: 'icon' | 'button';
  disabled?: boolean;
}

/** "Add to playlist": opens the list of my playlists (or makes a new one) for these tracks. */
export function AddToPlaylistButton({
  trackIds,
  variant = 'icon',
  disabled = false,
}: AddToPlaylistButtonProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const label = t('playlists.addTo.action');
  return (
    <>
      {variant === 'icon' ? (
        <button
          type="button"
          className="icon-btn"
          onClick={() => setOpen(true)}
          aria-label={label}
          title={label}
          disabled={disabled || trackIds.length === 0}
          aria-haspopup="dialog"
        >
          <FolderPlusIcon />
        </button>
      ) : (
        <button
          type="button"
          className="btn"
          onClick={() => setOpen(true)}
          disabled={disabled || trackIds.length === 0}
          aria-haspopup="dialog"
        >
          <FolderPlusIcon /> {label}
        </button>
      )}
      {open ? (
        <Suspense fallback={null}>
          <AddToPlaylistDialog
            trackIds={trackIds}
            onClose={() => setOpen(false)}
            onDone={(text) => {
              setOpen(false);
              setMessage(text);
            }}
          />
        </Suspense>
      ) : null}
      {message ? <Toast message={message} onDone={() => setMessage(null)} /> : null}
    </>
  );
}
