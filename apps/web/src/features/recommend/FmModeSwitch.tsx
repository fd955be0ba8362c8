import { useTranslation } from 'react-i18next';
import { FM_MODES, type FmMode } from './recommend-types.ts';

/** 默认 / 熟悉 / 探索: how much of the stream is new to the listener. */
export function FmModeSwitch({ value, onChange }: { value: FmMode; onChange: (mode: FmMode) => void }) {
  const { t } = useTranslation();
  return (
    <div className="fm-modes" role="group" aria-label={t('recommend.fm.mode')}>
      {FM_MODES.map((mode) => (
        <button
          key={mode}
          type="button"
          className={mode === value ? 'is-active' : ''}
          aria-pressed={mode === value}
          title={t(`recommend.fm.modeHints.${mode}`)}
          onClick={() => onChange(mode)}
          data-testid={`fm-mode-${mode}`}
        >
          {t(`recommend.fm.modes.${mode}`)}
        </button>
      ))}
    </div>
  );
}
