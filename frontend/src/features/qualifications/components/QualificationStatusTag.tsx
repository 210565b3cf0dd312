import { ClockCircleOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { QualificationStatus } from '../api/get-qualifications';

const STATUS_COLORS: Record<QualificationStatus, string> = {
  valid: 'success',
  expiring: 'warning',
  expired: 'default',
  revoked: 'error',
  pending: 'processing',
};

/** QualificationStatusTag shows a qualification's status as of a date; an expiring one stands out. */
export function QualificationStatusTag({ status }: { status: QualificationStatus }) {
  const { t } = useTranslation();
  return (
    <Tag
      color={STATUS_COLORS[status]}
      icon={status === 'expiring' ? <ClockCircleOutlined /> : undefined}
      style={status === 'expiring' ? { fontWeight: 600 } : undefined}
      data-testid="qualification-status"
      data-status={status}
    >
      {t(`workflow.qualifications.statuses.${status}`)}
    </Tag>
  );
}
