import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** NoticeStatusTag says whether objections may be lodged today. */
export function NoticeStatusTag({ open }: { open: boolean }) {
  const { t } = useTranslation();
  return (
    <Tag color={open ? 'processing' : 'default'} data-testid="notice-status">
      {t(open ? 'notices.status.open' : 'notices.status.closed')}
    </Tag>
  );
}
