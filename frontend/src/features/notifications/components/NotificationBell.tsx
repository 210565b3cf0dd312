import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Flex, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCurrentUser } from '@/features/auth/components/current-user';
import { formatDateTime } from '@/lib/format';
import { useNotifications, type Notification } from '../api/get-notifications';
import { useReadNotification } from '../api/read-notification';
import { notificationTarget, notificationText } from './notification-text';

/**
 * NotificationBell is the header's bell: the number of unread notices, and the latest ones in a
 * list; opening one marks it read and goes where it points.
 */
export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const { data } = useNotifications();
  const read = useReadNotification();
  const [open, setOpen] = useState(false);
  const unread = data?.unread ?? 0;
  const items = data?.items ?? [];

  const openNotice = (n: Notification) => {
    if (!n.read_at) read.mutate(n.id);
    const target = notificationTarget(n, me);
    setOpen(false);
    if (target) navigate(target);
  };
  const readAll = () => {
    for (const n of items) if (!n.read_at) read.mutate(n.id);
  };

  const content = (
    <div style={{ width: 360 }} data-testid="notifications">
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">{t('workflow.notifications.unread', { count: unread })}</Typography.Text>
        {items.some((n) => !n.read_at) && (
          <Button type="link" size="small" onClick={readAll} data-testid="notifications-read-all">
            {t('workflow.notifications.readAll')}
          </Button>
        )}
      </Flex>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workflow.notifications.empty')} />
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0, maxHeight: 420, overflowY: 'auto' }}>
          {items.map((n) => (
            <li key={n.id} style={{ borderBottom: '1px solid rgba(5, 5, 5, 0.06)' }}>
              <button
                type="button"
                onClick={() => openNotice(n)}
                style={{
                  display: 'flex',
                  gap: 8,
                  width: '100%',
                  padding: '8px',
                  border: 0,
                  textAlign: 'start',
                  cursor: 'pointer',
                  font: 'inherit',
                  background: n.read_at ? 'transparent' : 'rgba(22, 119, 255, 0.06)',
                }}
                data-testid={`notification-${n.id}`}
                data-unread={n.read_at ? undefined : 'true'}
              >
                <Badge status={n.read_at ? 'default' : 'processing'} />
                <span style={{ flex: 1 }}>
                  <Typography.Text strong={!n.read_at} data-testid="notification-text">
                    {notificationText(t, n, i18n.language)}
                  </Typography.Text>
                  <br />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(n.created_at, i18n.language)}
                  </Typography.Text>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );

  return (
    <Popover trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen} title={t('workflow.notifications.title')} content={content}>
      <Button type="text" aria-label={t('workflow.notifications.bell')} data-testid="notification-bell" data-unread-count={unread}>
        <Badge count={unread} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
