import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChevronDownIcon } from '../../components/icons.tsx';
import type { PlaylistTagCategory } from '../../lib/api-types.ts';
import { usePlaylistTags } from './playlist-queries.ts';

/** How many tags of each category the short row shows; the rest wait in the full panel. */
const SHORT_ROW: Partial<Record<PlaylistTagCategory['id'], number>> = { language: 4, style: 6 };

/** The square's categories: a short row of chips and the full set by category on demand. */
export function SquareTagBar({
  tag,
  onChange,
}: {
  tag: string | null;
  onChange: (tag: string | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const tags = usePlaylistTags();
  const [expanded, setExpanded] = useState(false);
  const language = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  const categories = tags.data?.categories ?? [];
  const short = categories.flatMap((category) => category.tags.slice(0, SHORT_ROW[category.id] ?? 0));
  const chosen = categories.flatMap((category) => category.tags).find((candidate) => candidate.id === tag);
  const row = chosen && !short.includes(chosen) ? [...short, chosen] : short;

  const chip = (id: string | null, label: string) => (
    <button
      key={id ?? 'all'}
      type="button"
      className={`chip ${tag === id ? 'is-active' : ''}`}
      aria-pressed={tag === id}
      onClick={() => {
        onChange(id);
        setExpanded(false);
      }}
      data-testid="square-tag"
    >
      {label}
    </button>
  );

  return (
    <div className="square-tags">
      <div className="chip-row" role="group" aria-label={t('playlists.square.categories')}>
        {chip(null, t('playlists.square.all'))}
        {row.map((candidate) => chip(candidate.id, candidate.label[language]))}
        <button
          type="button"
          className="chip chip-more"
          aria-expanded={expanded}
          onClick={() => setExpanded(!expanded)}
          disabled={categories.length === 0}
        >
          {t('playlists.square.moreCategories')} <ChevronDownIcon />
        </button>
      </div>
      {expanded ? (
        <div className="category-panel">
          {categories.map((category) => (
            <div key={category.id} className="category-line">
              <span className="category-name">{t(`playlists.category.${category.id}`)}</span>
              <div className="chip-row">
                {category.tags.map((candidate) => chip(candidate.id, candidate.label[language]))}
              </div>
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
}
