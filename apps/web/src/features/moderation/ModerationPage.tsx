import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ShieldIcon } from '../../components/icons.tsx';
import { EmptyState } from '../../components/StateViews.tsx';
import { Tabs } from '../../components/Tabs.tsx';
import { useMe } from '../auth/auth-queries.ts';
import { AuditLog } from './AuditLog.tsx';
import { ReportQueue } from './ReportQueue.tsx';
import { isStaff } from './staff.ts';
import '../comments/comments.css';
import './moderation.css';

const TABS = ['open', 'resolved', 'audit'] as const;
type Tab = (typeof TABS)[number];

/** The moderators' desk: open reports, decided ones, and the audit log. */
export default function ModerationPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const [search, setSearch] = useSearchParams();
  const requested = search.get('tab');
  const tab: Tab = TABS.find((option) => option === requested) ?? 'open';

  if (!isStaff(me?.role))
    return (
      <div className="page">
        <EmptyState title={t('moderation.noAccess')} icon={<ShieldIcon />} />
      </div>
    );
  return (
    <div className="page moderation-page">
      <h1 className="page-title">{t('moderation.title')}</h1>
      <Tabs
        value={tab}
        options={TABS}
        label={t('moderation.tabs.label')}
        labelOf={(option) => t(`moderation.tabs.${option}`)}
        onChange={(option) => setSearch(option === 'open' ? {} : { tab: option }, { replace: true })}
        testIdPrefix="moderation-tab"
      />
      {tab === 'audit' ? <AuditLog /> : <ReportQueue status={tab} key={tab} />}
    </div>
  );
}
