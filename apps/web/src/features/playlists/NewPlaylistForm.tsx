import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Playlist } from '../../lib/api-types.ts';
import { errorMessage } from '../auth/error-message.ts';
import { useCreatePlaylist } from './playlist-mutations.ts';
import './forms.css';

/** A name and public or private: enough to start a playlist (the rest is in its edit form). */
export function NewPlaylistForm({
  onCreated,
  onCancel,
}: {
  onCreated: (playlist: Playlist) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreatePlaylist();
  const [name, setName] = useState('');
  const [isPrivate, setPrivate] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    create.mutate({ name: trimmed, visibility: isPrivate ? 'private' : 'public' }, { onSuccess: onCreated });
  };
  return (
    <form className="new-playlist-form" onSubmit={submit}>
      <input
        className="input"
        name="playlist-name"
        maxLength={100}
        placeholder={t('playlists.namePlaceholder')}
        aria-label={t('playlists.name')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        autoFocus
      />
      <label className="check">
        <input type="checkbox" checked={isPrivate} onChange={(e) => setPrivate(e.target.checked)} />
        {t('playlists.makePrivate')}
      </label>
      {create.isError ? <span className="field-error">{errorMessage(create.error, t)}</span> : null}
      <div className="new-playlist-actions">
        <button type="button" className="btn" onClick={onCancel}>
          {t('playlists.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={!name.trim() || create.isPending}>
          {t('playlists.create')}
        </button>
      </div>
    </form>
  );
}
