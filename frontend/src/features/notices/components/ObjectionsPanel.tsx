import { PaperClipOutlined } from '@ant-design/icons';
import { Button, Card, Flex, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationDetail } from '@/features/applications/api/get-application';
import { useCurrentUser } from '@/features/auth/components/current-user';
import { formatDateTime } from '@/lib/format';
import { objectionFileUrl, useObjections, type Objection } from '../api/get-objections';
import { canResolveObjections, canSeeObjections } from './objection-access';
import { formatBytes } from './objection-form';
import { ObjectionStatusTag } from './ObjectionStatusTag';
import { ResolveObjectionModal } from './ResolveObjectionModal';
import type { ResolveOutcome } from './resolve-values';

/**
 * ObjectionsPanel shows the objections lodged against an application on a public notice, with
 * their evidence, and lets the city dismiss or uphold each. It shows itself to officers only, and
 * only where there is something to say: objections, or an application at city review.
 */
export function ObjectionsPanel({ application }: { application: Pick<ApplicationDetail, 'id' | 'state'> }) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const visible = canSeeObjections(me.role);
  const { data } = useObjections(application.id, { enabled: visible });
  const [target, setTarget] = useState<{ objection: Objection; outcome: ResolveOutcome } | null>(null);
  const canResolve = canResolveObjections(me.role);

  const items = data?.items ?? [];
  if (!visible || !data || (items.length === 0 && application.state !== 'city_review')) return null;
  const unresolved = items.filter((o) => o.status === 'open').length;

  return (
    <Card
      size="small"
      title={t('notices.objections.title', { count: items.length })}
      extra={unresolved > 0 && <Typography.Text type="warning">{t('notices.objections.unresolved', { count: unresolved })}</Typography.Text>}
      style={{ marginBottom: 16 }}
      data-testid="objections-panel"
    >
      <List<Objection>
        dataSource={items}
        locale={{ emptyText: <Typography.Text type="secondary">{t('notices.objections.none')}</Typography.Text> }}
        renderItem={(o) => (
          <List.Item key={o.id} data-testid={`objection-${o.id}`}>
            <Flex vertical gap={4} style={{ width: '100%' }}>
              <Flex wrap gap={8} align="center" justify="space-between">
                <Space wrap size={8}>
                  <ObjectionStatusTag status={o.status} />
                  <Typography.Text strong>{o.name}</Typography.Text>
                  <Typography.Text copyable>{o.phone}</Typography.Text>
                  <Typography.Text type="secondary">{formatDateTime(o.created_at, i18n.language)}</Typography.Text>
                </Space>
                {canResolve && o.status === 'open' && (
                  <Space wrap>
                    <Button size="small" onClick={() => setTarget({ objection: o, outcome: 'dismissed' })} data-testid={`dismiss-objection-${o.id}`}>
                      {t('notices.objections.outcomes.dismissed')}
                    </Button>
                    <Button size="small" danger onClick={() => setTarget({ objection: o, outcome: 'upheld' })} data-testid={`uphold-objection-${o.id}`}>
                      {t('notices.objections.outcomes.upheld')}
                    </Button>
                  </Space>
                )}
              </Flex>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{o.reasons}</Typography.Paragraph>
              {o.files.length > 0 && (
                <Space wrap size={[16, 4]}>
                  {o.files.map((f) => (
                    <a key={f.id} href={objectionFileUrl(o.id, f.id)} download={f.filename} data-testid="objection-file">
                      <PaperClipOutlined /> {f.filename} ({formatBytes(f.size, i18n.language)})
                    </a>
                  ))}
                </Space>
              )}
              {o.status !== 'open' && (
                <Typography.Text type="secondary" data-testid="objection-resolution">
                  {t('notices.objections.resolvedBy', { user: o.resolved_by ?? '', at: formatDateTime(o.resolved_at, i18n.language) })}
                  {o.resolution ? `: ${o.resolution}` : ''}
                </Typography.Text>
              )}
            </Flex>
          </List.Item>
        )}
      />
      {canResolve && <ResolveObjectionModal target={target} onClose={() => setTarget(null)} />}
    </Card>
  );
}
