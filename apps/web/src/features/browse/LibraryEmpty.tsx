import { Trans, useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/StateViews.tsx';

/** The library has nothing yet: say how to fill it. */
export function LibraryEmpty() {
  const { t } = useTranslation();
  return (
    <EmptyState title={t('library.emptyTitle')}>
      <p>
        <Trans
          i18nKey="library.emptyHint"
          values={{ command: t('library.importCommand') }}
          components={{ code: <code /> }}
        />
      </p>
    </EmptyState>
  );
}
