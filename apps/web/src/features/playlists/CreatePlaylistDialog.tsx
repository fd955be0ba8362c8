import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { Dialog } from '../../components/Dialog.tsx';
import { NewPlaylistForm } from './NewPlaylistForm.tsx';

/** "New playlist" from the sidebar: create it, then open it. */
export default function CreatePlaylistDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Dialog
      title={t('playlists.new')}
      closeLabel={t('playlists.close')}
      onClose={onClose}
      className="dialog-small"
    >
      <NewPlaylistForm
        onCreated={(playlist) => {
          onClose();
          navigate(`/playlists/${playlist.id}`);
        }}
        onCancel={onClose}
      />
    </Dialog>
  );
}
