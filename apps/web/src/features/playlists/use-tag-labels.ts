import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlaylistTags } from './playlist-queries.ts';

/** A tag id in the reader's language (the id itself until the tag set has loaded). */
export function useTagLabel(): (id: string) => string {
  const { i18n } = useTranslation();
  const tags = usePlaylistTags();
  const language = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  return useMemo(() => {
    const labels = new Map<string, string>();
    for (const category of tags.data?.categories ?? []) {
      for (const tag of category.tags) labels.set(tag.id, tag.label[language]);
    }
    return (id: string) => labels.get(id) ?? id;
  }, [tags.data, language]);
}
