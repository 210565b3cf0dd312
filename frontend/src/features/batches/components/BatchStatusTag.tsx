import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BatchStatus } from '../api/get-batches';

const COLORS: Record<BatchStatus, string> = { upcoming: 'default', open: 'success', closed: 'default' };

export function BatchStatusTag({ status }: { status: BatchStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-testid="batch-status" data-status={status}>
      {t(`workflow.batchStatuses.${status}`)}
    </Tag>
  );
}
