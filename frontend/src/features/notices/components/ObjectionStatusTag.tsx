import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ObjectionStatus } from '../api/get-objections';
import { OBJECTION_STATUS_COLORS } from './objection-access';

/** ObjectionStatusTag: unresolved (it holds the recommendation up), upheld or dismissed. */
export function ObjectionStatusTag({ status }: { status: ObjectionStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={OBJECTION_STATUS_COLORS[status]} data-testid="objection-status">
      {t(`notices.objections.statuses.${status}`)}
    </Tag>
  );
}
