import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { EmptyState } from '../components/StateViews.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <EmptyState title={t('state.pageNotFound')}>
        <Link className="btn btn-primary" to="/">
          {t('nav.discover')}
        </Link>
      </EmptyState>
    </div>
  );
}
