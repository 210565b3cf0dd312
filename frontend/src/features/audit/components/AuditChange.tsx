import { Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../api/get-audit-events';

function JsonBlock({ value, testId }: { value: AuditEvent['before']; testId: string }) {
  const { t } = useTranslation();
  if (value === null) return <Typography.Text type="secondary">{t('audit.none')}</Typography.Text>;
  return (
    <pre data-testid={testId} style={{ margin: 0, padding: 12, background: 'rgba(0,0,0,0.03)', borderRadius: 6, overflow: 'auto', maxHeight: 400, fontSize: 12 }}>
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

/** AuditChange shows a record before and after the change, side by side. */
export function AuditChange({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  return (
    <div>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Typography.Title level={5}>{t('audit.before')}</Typography.Title>
          <JsonBlock value={event.before} testId="audit-before" />
        </Col>
        <Col xs={24} md={12}>
          <Typography.Title level={5}>{t('audit.after')}</Typography.Title>
          <JsonBlock value={event.after} testId="audit-after" />
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
        {[event.user_agent && `${t('audit.userAgent')}: ${event.user_agent}`, event.request_id && `${t('audit.requestId')}: ${event.request_id}`]
          .filter(Boolean)
          .join(' · ')}
      </Typography.Paragraph>
    </div>
  );
}
