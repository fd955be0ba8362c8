import { useTranslation } from 'react-i18next';
import { GlobeIcon } from '../../components/icons.tsx';
import type { AppLocale } from '../../i18n/i18n.ts';
import { useSwitchLocale } from './use-switch-locale.ts';

/** One button: 中文 ⇄ English. Shows the language it switches to. */
export function LanguageToggle({ className = '' }: { className?: string }) {
  const { t, i18n } = useTranslation();
  const switchLocale = useSwitchLocale();
  const target: AppLocale = i18n.language === 'en' ? 'zh-CN' : 'en';
  return (
    <button
      type="button"
      className={`lang-toggle ${className}`}
      onClick={() => void switchLocale(target)}
      aria-label={t('language.switchTo', { language: t(`language.${target}`) })}
      data-testid="language-toggle"
      lang={target}
    >
      <GlobeIcon />
      <span>{t(`language.short.${target}`)}</span>
    </button>
  );
}
