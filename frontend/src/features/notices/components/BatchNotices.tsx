import { Card, Flex, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Batch } from '@/features/batches/api/get-batches';
import { useCurrentUser } from '@/features/auth/components/current-user';
import { canManageBatches } from '@/features/batches/components/batch-access';
import { formatDate } from '@/lib/format';
import { useBatchNotices } from '../api/get-batch-notices';
import { publicNoticePath } from '../api/get-public-notices';
import { NoticeStatusTag } from './NoticeStatusTag';
import { PublishNotice } from './PublishNotice';

/**
 * BatchNotices is the public-notice part of a batch's page: the notices its applications were
 * published on, each with a link to its public page, and for the city the publishing.
 */
export function BatchNotices({ batch }: { batch: Pick<Batch, 'id' | 'name'> }) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const canPublish = canManageBatches(me.role);
  const { data } = useBatchNotices(batch.id);
  const notices = data?.items ?? [];
  if (!canPublish && notices.length === 0) return null;

  return (
    <Card size="small" title={t('notices.batch.title')} extra={canPublish && <PublishNotice batch={batch} />} style={{ marginBottom: 16 }} data-testid="batch-notices">
      <List
        size="small"
        dataSource={notices}
        locale={{ emptyText: t('notices.batch.none') }}
        renderItem={(n) => (
          <List.Item key={n.id} data-testid="batch-notice">
            <Flex wrap gap={8} align="center">
              <NoticeStatusTag open={n.open} />
              <Link to={publicNoticePath(n.id)} target="_blank" data-testid={`batch-notice-link-${n.id}`}>
                {n.title}
              </Link>
              <Typography.Text type="secondary">
                {t('notices.public.period', { from: formatDate(n.published_on, i18n.language), to: formatDate(n.ends_on, i18n.language) })} · {t('notices.public.entryCount', { count: n.entries.length })}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}
