import { CheckCircleOutlined, CloseCircleOutlined, ExclamationCircleOutlined, SyncOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportStatus } from '../api/get-import';

const LOOKS: Record<ImportStatus, { color: string; icon?: ReactNode }> = {
  validating: { color: 'processing', icon: <SyncOutlined spin /> },
  invalid: { color: 'error', icon: <ExclamationCircleOutlined /> },
  ready: { color: 'warning' },
  importing: { color: 'processing', icon: <SyncOutlined spin /> },
  done: { color: 'success', icon: <CheckCircleOutlined /> },
  failed: { color: 'error', icon: <CloseCircleOutlined /> },
};

export function ImportStatusTag({ status }: { status: ImportStatus }) {
  const { t } = useTranslation();
  const look = LOOKS[status];
  return (
    <Tag color={look.color} icon={look.icon} data-testid="import-status" data-status={status}>
      {t(`imports.status.${status}`)}
    </Tag>
  );
}
