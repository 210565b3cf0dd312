import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Col, Flex, Row, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { NotFoundPage, QueryErrorPage } from '@/components/ErrorPages';
import { PageHeader } from '@/components/PageHeader';
import { useCurrentUser } from '@/features/auth/components/current-user';
import { ObjectionsPanel } from '@/features/notices/components/ObjectionsPanel';
import { parseId } from '@/lib/redirect';
import { useApplication, type ApplicationDetail } from '../api/get-application';
import { ApplicationActions } from '../components/ApplicationActions';
import { ApplicationFigures } from '../components/ApplicationFigures';
import { ApplicationInfo } from '../components/ApplicationInfo';
import { ApplicationStateTag } from '../components/ApplicationStateTag';
import { Attachments } from '../components/Attachments';
import { FrozenSelfCheck } from '../components/FrozenSelfCheck';
import { StepTimeline } from '../components/StepTimeline';
import { canEditApplication } from '../components/workflow-rules';

/** The last step that returned or rejected the application: its comment is what the enterprise must answer. */
function lastDecision(a: ApplicationDetail) {
  if (a.state !== 'returned' && a.state !== 'rejected') return undefined;
  return [...a.steps].reverse().find((s) => s.to_state === a.state);
}

/**
 * The page of one application: for the enterprise, where it fills in the report year and
 * attachments, submits, answers a return and withdraws; for officers, where they review it (the
 * enterprise, its frozen self-check, attachments and history) and decide at their stage.
 */
export function Component() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const location = useLocation();
  const id = parseId(useParams().id);
  const { data: application, isPending, error, refetch } = useApplication(id ?? 0);

  if (!id) return <NotFoundPage />;
  if (error && !application) return <QueryErrorPage error={error} onRetry={() => void refetch()} />;
  if (isPending) return <Skeleton active />;

  const decision = lastDecision(application);
  const canEdit = canEditApplication(me, application);

  return (
    <>
      <Link
        to="/applications"
        // Back to where the user came from (the queue, a batch, a notice); opened directly, to the list.
        onClick={(e) => {
          if (location.key === 'default') return;
          e.preventDefault();
          void navigate(-1);
        }}
        style={{ display: 'inline-block', marginBottom: 8 }}
        data-testid="back-to-list"
      >
        <ArrowLeftOutlined /> {t(location.key === 'default' ? 'workflow.detail.back' : 'common.back')}
      </Link>
      <PageHeader
        title={
          <Flex align="center" gap={8} wrap>
            <span data-testid="application-title">{me.role === 'enterprise' ? application.batch_name : application.enterprise_name}</span>
            <ApplicationStateTag state={application.state} testId="application-title-state" />
          </Flex>
        }
      />
      {decision?.comment && (
        <Alert
          type={application.state === 'rejected' ? 'error' : 'warning'}
          showIcon
          style={{ marginBottom: 16 }}
          title={t(application.state === 'rejected' ? 'workflow.detail.rejectedNotice' : 'workflow.detail.returnedNotice', { comment: decision.comment })}
          data-testid="decision-notice"
        />
      )}
      <ObjectionsPanel application={application} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <ApplicationInfo application={application} />
        </Col>
        <Col xs={24} xl={8}>
          <ApplicationActions application={application} />
        </Col>
        <Col xs={24} lg={12}>
          <Attachments applicationId={application.id} attachments={application.attachments} canEdit={canEdit} />
        </Col>
        <Col xs={24} lg={12}>
          <section data-testid="history-section">
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {t('workflow.detail.history')}
            </Typography.Title>
            <StepTimeline steps={application.steps} />
          </section>
        </Col>
        <Col xs={24}>
          <ApplicationFigures application={application} />
        </Col>
        <Col xs={24}>
          <FrozenSelfCheck application={application} />
        </Col>
      </Row>
    </>
  );
}
