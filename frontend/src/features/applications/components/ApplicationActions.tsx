import { Alert, Button, Card, Flex, Popconfirm, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnualReports } from '@/features/annual-reports/api/get-annual-reports';
import { useCurrentUser } from '@/features/auth/components/current-user';
import { isApiError, type ApiError } from '@/lib/api/errors';
import { handleApiError } from '@/lib/api/handle-error';
import { notify } from '@/lib/notify';
import type { ApplicationDetail } from '../api/get-application';
import { useTransitionApplication } from '../api/transition-application';
import { useUpdateApplication } from '../api/update-application';
import { reportConflict } from './transition-errors';
import { TransitionModal, type Decision } from './TransitionModal';
import { actionLabelKey, actionsFor, canEditApplication } from './workflow-rules';

/** The fields a submission can be refused on, with their names on this page. */
const REFUSAL_FIELDS: Record<string, 'workflow.detail.batch' | 'workflow.detail.reportYear'> = {
  batch_id: 'workflow.detail.batch',
  report_year: 'workflow.detail.reportYear',
};

/**
 * ApplicationActions is what the signed-in user may do with the application at its stage: the
 * enterprise (or an officer on its behalf) edits the report year and submits, the enterprise
 * withdraws, the county and the city pass, return or reject, the city records the result.
 * A leader, and anyone whose stage it is not, sees that there is nothing to do.
 */
export function ApplicationActions({ application }: { application: ApplicationDetail }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const actions = actionsFor(me, application);
  const editable = canEditApplication(me, application);
  const transition = useTransitionApplication();
  const [deciding, setDeciding] = useState<Decision | null>(null);
  const [refused, setRefused] = useState<ApiError | null>(null);

  const direct = (action: 'submit' | 'withdraw') => {
    setRefused(null);
    transition.mutate(
      { id: application.id, body: { action, version: application.version } },
      {
        onSuccess: () => notify.success(t(`workflow.transition.done.${action}`)),
        onError(error) {
          if (reportConflict(t, error)) return;
          // A submission the server refuses (batch not open, prerequisite not held, no report) is explained here.
          if (isApiError(error) && error.status === 422) return setRefused(error);
          handleApiError(error);
        },
      },
    );
  };

  const decisions = actions.filter((a): a is Decision => a !== 'submit' && a !== 'withdraw');

  return (
    <Card title={t('workflow.detail.actionsTitle')} size="small" data-testid="application-actions">
      {editable && <ReportYearEditor application={application} />}
      {refused && (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setRefused(null) }}
          style={{ marginBottom: 12 }}
          title={t('workflow.detail.submitRefused')}
          description={
            refused.fields.length > 0 ? (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {refused.fields.map((f) => (
                  <li key={`${f.field}:${f.message}`}>
                    {REFUSAL_FIELDS[f.field] ? t('workflow.detail.fieldMessage', { field: t(REFUSAL_FIELDS[f.field]), message: f.message }) : f.message}
                  </li>
                ))}
              </ul>
            ) : (
              refused.message
            )
          }
          data-testid="submit-refused"
        />
      )}
      {actions.length === 0 ? (
        <Typography.Text type="secondary" data-testid="no-actions">
          {t('workflow.detail.noActions')}
        </Typography.Text>
      ) : (
        <Flex wrap gap={8}>
          {actions.includes('submit') && (
            <Popconfirm
              title={t('workflow.detail.submitConfirm')}
              okText={t(actionLabelKey('submit', application.state))}
              cancelText={t('common.cancel')}
              onConfirm={() => direct('submit')}
            >
              <Button type="primary" loading={transition.isPending && transition.variables?.body.action === 'submit'} data-testid="action-submit">
                {t(actionLabelKey('submit', application.state))}
              </Button>
            </Popconfirm>
          )}
          {decisions.map((action) => (
            <Button
              key={action}
              type={action === 'pass' || action === 'record_result' ? 'primary' : 'default'}
              danger={action === 'reject'}
              onClick={() => setDeciding(action)}
              data-testid={`action-${action}`}
            >
              {t(actionLabelKey(action, application.state))}
            </Button>
          ))}
          {actions.includes('withdraw') && (
            <Popconfirm
              title={t('workflow.detail.withdrawConfirm')}
              okText={t('workflow.actions.withdraw')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={() => direct('withdraw')}
            >
              <Button danger loading={transition.isPending && transition.variables?.body.action === 'withdraw'} data-testid="action-withdraw">
                {t('workflow.actions.withdraw')}
              </Button>
            </Popconfirm>
          )}
        </Flex>
      )}
      <TransitionModal application={application} action={deciding} onClose={() => setDeciding(null)} />
    </Card>
  );
}

/** ReportYearEditor changes the year of figures the application rests on, among the years filed. */
function ReportYearEditor({ application }: { application: ApplicationDetail }) {
  const { t } = useTranslation();
  const reports = useAnnualReports(application.enterprise_id);
  const update = useUpdateApplication();
  const [year, setYear] = useState<number | undefined>(undefined);
  const years = new Set<number>((reports.data?.items ?? []).map((r) => r.year));
  years.add(application.report_year);
  const chosen = year ?? application.report_year;

  const save = () =>
    update.mutate(
      { id: application.id, patch: { report_year: chosen, version: application.version } },
      {
        onSuccess() {
          notify.success(t('workflow.detail.yearSaved'));
          setYear(undefined);
        },
        onError(error) {
          setYear(undefined);
          if (reportConflict(t, error)) return;
          handleApiError(error);
        },
      },
    );

  return (
    <div style={{ marginBottom: 12 }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('workflow.detail.editable')}
      </Typography.Paragraph>
      <Flex gap={8} align="center" wrap>
        <label htmlFor="application-report-year">{t('workflow.detail.reportYear')}</label>
        <Select<number>
          id="application-report-year"
          value={chosen}
          onChange={setYear}
          loading={reports.isFetching}
          style={{ width: 120 }}
          options={[...years].sort((a, b) => b - a).map((y) => ({ value: y, label: t('units.yearLabel', { year: y }) }))}
          data-testid="report-year"
        />
        <Button onClick={save} disabled={chosen === application.report_year} loading={update.isPending} data-testid="save-report-year">
          {t('workflow.detail.saveYear')}
        </Button>
      </Flex>
    </div>
  );
}
