import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Card, Descriptions, Flex, Result, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { tierName } from '@/features/eligibility/components/criteria-text';
import { isApiError } from '@/lib/api/errors';
import { formatDate } from '@/lib/format';
import { parseId } from '@/lib/redirect';
import { usePublicNotice, type NoticeEntry } from '../api/get-public-notices';
import { NoticeEntries } from '../components/NoticeEntries';
import { NoticeStatusTag } from '../components/NoticeStatusTag';
import { ObjectionModal } from '../components/ObjectionModal';
import { PublicShell } from '../components/PublicShell';

/**
 * A public notice (公示) as anyone sees it without signing in: the bureau's title and contact, the
 * period and whether objections are open, the enterprises listed, and an objection form for each.
 */
export function Component() {
  const { t, i18n } = useTranslation();
  const id = parseId(useParams().id) ?? 0;
  const { data: notice, isPending, error, refetch } = usePublicNotice(id);
  const [objecting, setObjecting] = useState<NoticeEntry | null>(null);

  let body;
  if (!id || (isApiError(error) && error.status === 404)) {
    body = <Result status="404" title={t('notices.public.notFound')} extra={<Link to="/notices">{t('notices.public.allNotices')}</Link>} data-testid="notice-not-found" />;
  } else if (error && !notice) {
    body = <Result status="error" title={t('notices.public.loadFailed')} subTitle={isApiError(error) ? error.message : undefined} extra={<a onClick={() => void refetch()}>{t('notices.public.retry')}</a>} />;
  } else if (isPending || !notice) {
    body = <Skeleton active />;
  } else {
    const period = t('notices.public.period', { from: formatDate(notice.published_on, i18n.language), to: formatDate(notice.ends_on, i18n.language) });
    body = (
      <>
        <Card style={{ marginBottom: 12 }}>
          <Flex vertical gap={8}>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="notice-title">
              {notice.title}
            </Typography.Title>
            <Flex wrap gap={8} align="center">
              <NoticeStatusTag open={notice.open} />
              <Typography.Text type="secondary">{period}</Typography.Text>
            </Flex>
            <Typography.Paragraph style={{ marginBottom: 0 }}>
              {t('notices.public.intro', { batch: notice.batch_name, tier: tierName(t, notice.tier, notice.ruleset), count: notice.entries.length })}
            </Typography.Paragraph>
            <Descriptions
              size="small"
              column={1}
              styles={{ label: { whiteSpace: 'nowrap' } }}
              items={[
                { key: 'batch', label: t('notices.fields.batch'), children: notice.batch_name },
                { key: 'contact', label: t('notices.fields.contact'), children: <span data-testid="notice-contact">{notice.contact}</span> },
              ]}
            />
            <Alert
              type={notice.open ? 'info' : 'warning'}
              showIcon
              title={notice.open ? t('notices.public.openUntil', { date: formatDate(notice.ends_on, i18n.language) }) : t('notices.public.closedSince', { date: formatDate(notice.ends_on, i18n.language) })}
              description={notice.open ? t('notices.public.howToObject') : undefined}
              data-testid="notice-objections-state"
            />
          </Flex>
        </Card>
        <Card title={t('notices.public.entries', { count: notice.entries.length })} styles={{ body: { padding: 12 } }}>
          <NoticeEntries notice={notice} onObject={notice.open ? setObjecting : undefined} />
        </Card>
        <ObjectionModal noticeId={notice.id} entry={objecting} onClose={() => setObjecting(null)} onNoticeClosed={() => void refetch()} />
      </>
    );
  }

  return (
    <PublicShell>
      <Link to="/notices" style={{ display: 'inline-block', marginBottom: 8 }}>
        <ArrowLeftOutlined /> {t('notices.public.allNotices')}
      </Link>
      {body}
    </PublicShell>
  );
}
