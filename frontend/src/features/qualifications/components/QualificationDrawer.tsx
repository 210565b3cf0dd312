import { Alert, Button, Descriptions, Drawer, Skeleton, Space, Timeline, Typography, type DescriptionsProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryErrorPage } from '@/components/ErrorPages';
import { useCurrentUser } from '@/features/auth/components/current-user';
import { tierName } from '@/features/eligibility/components/criteria-text';
import { useRegionName } from '@/features/reference/components/region-name';
import { formatDate } from '@/lib/format';
import { useQualification, type QualificationDetail, type QualificationEvent } from '../api/get-qualification';
import { REVOKE_REASON_CODES, type RevokeReasonCode } from '../api/revoke-qualification';
import { canRevoke } from './qualification-access';
import { QualificationStatusTag } from './QualificationStatusTag';
import { RevokeModal } from './RevokeModal';

const EVENT_COLORS: Record<QualificationEvent['kind'], string> = { granted: 'green', extended: 'blue', revoked: 'red' };

const isReasonCode = (c: string | null): c is RevokeReasonCode => c !== null && (REVOKE_REASON_CODES as string[]).includes(c);

/** QualificationDrawer shows one qualification: where it came from, its validity and status today, its history, and the revocation. */
export function QualificationDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { data, isPending, error, refetch } = useQualification(id);
  return (
    <Drawer open={id !== null} onClose={onClose} size="large" title={t('workflow.qualifications.detailTitle')} destroyOnHidden data-testid="qualification-drawer">
      {error ? <QueryErrorPage error={error} onRetry={() => void refetch()} /> : isPending ? <Skeleton active /> : <QualificationView q={data} />}
    </Drawer>
  );
}

function QualificationView({ q }: { q: QualificationDetail }) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const regionName = useRegionName();
  const [revoking, setRevoking] = useState(false);
  const dash = t('workflow.common.none');
  const reasonText = (code: string | null) => (isReasonCode(code) ? t(`workflow.qualifications.reasonCodes.${code}`) : (code ?? ''));

  const items: DescriptionsProps['items'] = [
    {
      key: 'enterprise',
      label: t('workflow.qualifications.enterprise'),
      children: (
        <Link to={`/enterprises/${q.enterprise_id}`} data-testid="qualification-enterprise">
          {q.enterprise_name}
        </Link>
      ),
    },
    { key: 'credit_code', label: t('workflow.qualifications.columns.creditCode'), children: <span style={{ fontFamily: 'monospace' }}>{q.credit_code}</span> },
    { key: 'region', label: t('workflow.qualifications.columns.region'), children: regionName(q.region_code, q.region_name) },
    { key: 'tier', label: t('workflow.qualifications.columns.tier'), children: <span data-testid="qualification-detail-tier">{tierName(t, q.tier)}</span> },
    { key: 'source', label: t('workflow.qualifications.columns.source'), children: t(`workflow.qualifications.sources.${q.source}`) },
    { key: 'batch', label: t('workflow.qualifications.columns.batch'), children: q.batch_name ?? dash },
    { key: 'announcement_no', label: t('workflow.qualifications.columns.announcementNo'), children: q.announcement_no ?? dash },
    { key: 'granted_on', label: t('workflow.qualifications.columns.grantedOn'), children: formatDate(q.granted_on, i18n.language) },
    {
      key: 'valid_until',
      label: t('workflow.qualifications.columns.validUntil'),
      children: <span data-testid="qualification-detail-valid-until">{formatDate(q.valid_until, i18n.language)}</span>,
    },
    {
      key: 'status',
      label: t('workflow.qualifications.columns.status'),
      children: (
        <Space wrap>
          <QualificationStatusTag status={q.status} />
          <Typography.Text type="secondary">{t('workflow.qualifications.asOfNote', { date: formatDate(q.as_of, i18n.language) })}</Typography.Text>
        </Space>
      ),
    },
  ];
  if (q.application_id) {
    items.push({
      key: 'application',
      label: t('workflow.qualifications.application'),
      children: <Link to={`/applications/${q.application_id}`}>{t('workflow.common.view')}</Link>,
    });
  }

  return (
    <>
      {q.revoked_on && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('workflow.qualifications.revokedInfo', {
            date: formatDate(q.revoked_on, i18n.language),
            user: q.revoked_by ?? '',
            reason: [reasonText(q.revoke_reason_code), q.revoked_reason].filter(Boolean).join('：'),
          })}
          data-testid="qualification-revoked"
        />
      )}
      <Descriptions bordered size="small" column={1} items={items} data-testid="qualification-detail" />
      {canRevoke(me.role, q) && (
        <Button danger style={{ marginTop: 16 }} onClick={() => setRevoking(true)} data-testid="revoke-qualification">
          {t('workflow.qualifications.revoke')}
        </Button>
      )}
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('workflow.qualifications.events')}
      </Typography.Title>
      <Timeline
        data-testid="qualification-events"
        items={q.events.map((ev, i) => ({
          key: i,
          color: EVENT_COLORS[ev.kind],
          content: (
            <div data-testid="qualification-event" data-kind={ev.kind}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDate(ev.on, i18n.language)}
              </Typography.Text>
              <br />
              <Typography.Text strong>{t(`workflow.qualifications.eventKinds.${ev.kind}`)}</Typography.Text>
              {ev.announcement_no && <span> · {ev.announcement_no}</span>}
              <div>{t('workflow.qualifications.eventValidUntil', { date: formatDate(ev.valid_until, i18n.language) })}</div>
              {ev.kind === 'revoked' && <div>{[reasonText(ev.reason_code), ev.reason].filter(Boolean).join('：')}</div>}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('workflow.qualifications.eventActor', { user: ev.actor_username })}
              </Typography.Text>
            </div>
          ),
        }))}
      />
      <RevokeModal qualification={revoking ? q : null} onClose={() => setRevoking(false)} />
    </>
  );
}
