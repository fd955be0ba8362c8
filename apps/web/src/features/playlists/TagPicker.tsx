import { useTranslation } from 'react-i18next';
import { QueryView } from '../../components/QueryView.tsx';
import { Skeleton } from '../../components/StateViews.tsx';
import { usePlaylistTags } from './playlist-queries.ts';

/** Tags by category as toggles; once the maximum is chosen the others wait. */
export function TagPicker({
  value,
  onChange,
}: {
  value: readonly string[];
  onChange: (tags: string[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const tags = usePlaylistTags();
  const language = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  return (
    <QueryView query={tags} skeleton={<Skeleton height={120} />}>
      {({ categories, maxPerPlaylist }) => (
        <div className="tag-picker">
          <p className="muted tag-picker-hint">
            {t('playlists.edit.tagsHint', { max: maxPerPlaylist, count: value.length })}
          </p>
          {categories.map((category) => (
            <fieldset key={category.id} className="tag-group">
              <legend className="tag-group-name">{t(`playlists.category.${category.id}`)}</legend>
              {category.tags.map((tag) => {
                const chosen = value.includes(tag.id);
                return (
                  <button
                    key={tag.id}
                    type="button"
                    className={`chip ${chosen ? 'is-active' : ''}`}
                    aria-pressed={chosen}
                    disabled={!chosen && value.length >= maxPerPlaylist}
                    onClick={() =>
                      onChange(chosen ? value.filter((id) => id !== tag.id) : [...value, tag.id])
                    }
                  >
                    {tag.label[language]}
                  </button>
                );
              })}
            </fieldset>
          ))}
        </div>
      )}
    </QueryView>
  );
}
