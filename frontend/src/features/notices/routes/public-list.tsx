import { Card, Empty, Flex, List, Result, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { tierName } from '@/features/eligibility/components/criteria-text';
import { isApiError } from '@/lib/api/errors';
import { formatDate } from '@/lib/format';
import { publicNoticePath, usePublicNotices } from '../api/get-public-notices';
import { NoticeStatusTag } from '../components/NoticeStatusTag';
import { PublicShell } from '../components/PublicShell';

/** The public notices open now or ended within 30 days, for anyone, without signing in. */
export function Component() {
  const { t, i18n } = useTranslation();
  const { data, isPending, error, refetch } = usePublicNotices();

  return (
    <PublicShell>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('notices.public.listTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('notices.public.listIntro')}</Typography.Paragraph>
      <Card styles={{ body: { padding: 12 } }}>
        {error && !data ? (
          <Result status="error" title={t('notices.public.loadFailed')} subTitle={isApiError(error) ? error.message : undefined} extra={<a onClick={() => void refetch()}>{t('notices.public.retry')}</a>} />
        ) : isPending ? (
          <Skeleton active />
        ) : (
          <List
            data-testid="public-notices"
            dataSource={data?.items ?? []}
            locale={{ emptyText: <Empty description={t('notices.public.none')} data-testid="public-notices-empty" /> }}
            renderItem={(n) => (
              <List.Item key={n.id} data-testid="public-notice">
                <Flex vertical gap={4} style={{ minWidth: 0 }}>
                  <Link to={publicNoticePath(n.id)} data-testid={`public-notice-link-${n.id}`}>
                    <Typography.Text strong style={{ color: 'inherit' }}>
                      {n.title}
                    </Typography.Text>
                  </Link>
                  <Flex wrap gap={8} align="center">
                    <NoticeStatusTag open={n.open} />
                    <Typography.Text type="secondary">
                      {t('notices.public.period', { from: formatDate(n.published_on, i18n.language), to: formatDate(n.ends_on, i18n.language) })}
                    </Typography.Text>
                  </Flex>
                  <Typography.Text type="secondary">
                    {tierName(t, n.tier, n.ruleset)} · {t('notices.public.entryCount', { count: n.entries.length })}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        )}
      </Card>
    </PublicShell>
  );
}
