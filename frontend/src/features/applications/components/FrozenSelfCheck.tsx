import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Evaluation } from '@/features/eligibility/api/get-eligibility';
import { rulesetName } from '@/features/eligibility/components/criteria-text';
import { TierResultCard } from '@/features/eligibility/components/TierResultCard';
import type { ApplicationDetail } from '../api/get-application';

/**
 * FrozenSelfCheck shows the criteria's evaluation as it stood when the application was submitted,
 * criterion by criterion, so that reviewers judge what the enterprise applied on. Before the
 * first submission there is none yet; an application recorded from before the tracker has none.
 */
export function FrozenSelfCheck({ application }: { application: Pick<ApplicationDetail, 'self_check' | 'enterprise_id' | 'submitted_at'> }) {
  const { t } = useTranslation();
  // The contract types it as the eligibility Evaluation.
  const evaluation = application.self_check as Evaluation | null;
  return (
    <section data-testid="frozen-self-check">
      <Typography.Title level={5}>{t('workflow.detail.selfCheck')}</Typography.Title>
      {evaluation ? (
        <>
          <Typography.Paragraph type="secondary" data-testid="frozen-self-check-basis">
            {t('workflow.detail.selfCheckBasis', { year: evaluation.report_year, ruleset: rulesetName(t, evaluation.ruleset) })}
          </Typography.Paragraph>
          <TierResultCard evaluation={evaluation} enterpriseId={application.enterprise_id} canEdit={false} />
        </>
      ) : (
        // Never submitted: it is frozen at submission. Submitted without one: a record from before the tracker.
        <Alert
          type="info"
          showIcon
          title={t(application.submitted_at ? 'workflow.detail.selfCheckMissing' : 'workflow.detail.selfCheckPending')}
          data-testid="self-check-pending"
        />
      )}
    </section>
  );
}
