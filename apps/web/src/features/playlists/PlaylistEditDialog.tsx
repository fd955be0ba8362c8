import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog.tsx';
import { TextAreaField, TextField } from '../../components/FormField.tsx';
import { bindTextFields } from '../../components/text-field-binding.ts';
import type { Playlist } from '../../lib/api-types.ts';
import { errorMessage, fieldErrors } from '../auth/error-message.ts';
import { useUpdatePlaylist } from './playlist-mutations.ts';
import { TagPicker } from './TagPicker.tsx';
import './forms.css';

/** The owner's form: name, description, who sees it, and up to three tags. */
export function PlaylistEditDialog({ playlist, onClose }: { playlist: Playlist; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdatePlaylist(playlist.id);
  const [form, setForm] = useState({
    name: playlist.name,
    description: playlist.description,
    isPrivate: playlist.visibility === 'private',
    tags: playlist.tags,
  });
  const errors = fieldErrors(update.error);
  const field = bindTextFields(form, setForm, errors);
  const formId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      {
        name: form.name.trim(),
        description: form.description,
        visibility: form.isPrivate ? 'private' : 'public',
        tags: form.tags,
      },
      { onSuccess: onClose },
    );
  };

  return (
    <Dialog
      title={t('playlists.edit.title')}
      closeLabel={t('playlists.close')}
      onClose={onClose}
      className="dialog-wide"
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('playlists.cancel')}
          </button>
          <button
            type="submit"
            form={formId}
            className="btn btn-primary"
            disabled={!form.name.trim() || update.isPending}
          >
            {update.isPending ? t('playlists.saving') : t('playlists.save')}
          </button>
        </>
      }
    >
      <form id={formId} className="playlist-form" onSubmit={submit} noValidate>
        {update.isError && Object.keys(errors).length === 0 ? (
          <p className="form-error" role="alert">
            {errorMessage(update.error, t)}
          </p>
        ) : null}
        <TextField label={t('playlists.name')} maxLength={100} required {...field('name')} />
        <TextAreaField
          label={t('playlists.description')}
          maxLength={1000}
          placeholder={t('playlists.edit.descriptionPlaceholder')}
          {...field('description')}
        />
        <label className="check playlist-form-check">
          <input
            type="checkbox"
            name="private"
            checked={form.isPrivate}
            onChange={(e) => setForm({ ...form, isPrivate: e.target.checked })}
          />
          {t('playlists.makePrivate')}
        </label>
        <div className="field">
          <span className="field-label">{t('playlists.tags')}</span>
          <TagPicker value={form.tags} onChange={(tags) => setForm({ ...form, tags })} />
          {errors.tags ? <span className="field-error">{errors.tags}</span> : null}
        </div>
      </form>
    </Dialog>
  );
}
