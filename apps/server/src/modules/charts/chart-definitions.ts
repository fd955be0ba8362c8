import type { ChartName } from '../../db/tables/listening.ts';

export const chartNames = ['hot', 'new', 'rising', 'original'] as const satisfies readonly ChartName[];

export function isChartName(name: string): name is ChartName {
  return (chartNames as readonly string[]).includes(name);
}

/**
 * i18n keys the web app translates (zh-CN 热歌榜, 新歌榜, 飙升榜, 原创榜; en Hot, New, Rising,
 * Original), so the server never sends display text.
 */
export function chartKeys(name: ChartName): { titleKey: string; descriptionKey: string } {
  return { titleKey: `charts.${name}.title`, descriptionKey: `charts.${name}.description` };
}
