import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ActionButtons, type ActionChoice } from '../../components/ActionButtons.tsx';
import { commentTargetPath } from '../comments/comment-link.ts';
import { commentErrorMessage } from '../comments/comment-error.ts';
import { ReasonDialog } from '../comments/ReasonDialog.tsx';
import { formatRelativeTime } from '../comments/relative-time.ts';
import { useResolveReport } from './moderation-queries.ts';
import type { CommentReport } from '../../lib/api-types.ts';

type Action = 'dismiss' | 'remove';

/** A report for staff: the comment as written, who wrote and who reported it, why, and the decision. */
export function ReportCard({ report }: { report: CommentReport }) {
  const { t, i18n } = useTranslation();
  const resolve = useResolveReport();
  const [deciding, setDeciding] = useState<Action | null>(null);
  const { comment } = report;
  const when = (iso: string) => formatRelativeTime(iso, new Date(), i18n.language);
  const decisions: ActionChoice<Action>[] = [
    { action: 'dismiss', label: t('moderation.dismiss'), testId: 'report-dismiss' },
    { action: 'remove', label: t('moderation.remove'), testId: 'report-remove', primary: true },
  ];

  return (
    <li className="report-card" data-testid="report">
      <div className="report-head">
        <span className="report-reason-tag">{t(`comments.report.reasons.${report.reason}`)}</span>
        <span className="muted">
          {t('moderation.reportedBy', { name: report.reporter.nickname, time: when(report.createdAt) })}
        </span>
        <span className={`report-status status-${comment.status}`}>
          {t(`moderation.status.${comment.status}`)}
        </span>
      </div>
      <blockquote className="report-comment" data-testid="report-comment">
        {comment.body}
      </blockquote>
      <p className="report-meta muted">
        {t('moderation.author', { name: comment.author.nickname })} ·{' '}
        {t(`moderation.on.${comment.targetType}`)} ·{' '}
        <Link to={commentTargetPath(comment)}>{t('moderation.view')}</Link>
      </p>
      {report.detail ? (
        <p className="report-detail">
          <span className="muted">{t('moderation.detail')}</span>
          {report.detail}
        </p>
      ) : null}
      {report.status === 'open' ? (
        <div className="report-actions">
          <ActionButtons className="btn" choices={decisions} onPick={setDeciding} />
        </div>
      ) : (
        <p className="report-meta muted">
          {report.resolution ? t(`moderation.resolution.${report.resolution}`) : null}
          {report.resolvedBy && report.resolvedAt
            ? ` · ${t('moderation.resolvedBy', { name: report.resolvedBy.nickname, time: when(report.resolvedAt) })}`
            : null}
        </p>
      )}
      {deciding ? (
        <ReasonDialog
          title={
            deciding === 'remove' ? t('moderation.decide.removeTitle') : t('moderation.decide.dismissTitle')
          }
          reasonLabel={t('moderation.decide.reason')}
          confirmLabel={t('moderation.decide.confirm')}
          cancelLabel={t('moderation.decide.cancel')}
          busy={resolve.isPending}
          error={resolve.isError ? commentErrorMessage(resolve.error, t) : null}
          onClose={() => setDeciding(null)}
          onConfirm={(reason) =>
            resolve.mutate(
              { id: report.id, action: deciding, reason },
              { onSuccess: () => setDeciding(null) },
            )
          }
        />
      ) : null}
    </li>
  );
}
