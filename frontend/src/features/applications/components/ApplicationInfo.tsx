import { Descriptions, Space, type DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '@/features/auth/components/current-user';
import { rulesetName, tierName } from '@/features/eligibility/components/criteria-text';
import { enterpriseTabPath } from '@/features/enterprises/components/enterprise-tabs';
import { useRegionName } from '@/features/reference/components/region-name';
import { formatDate, formatDateTime } from '@/lib/format';
import type { ApplicationDetail } from '../api/get-application';
import { ApplicationStateTag } from './ApplicationStateTag';
import { waitingOnText } from './waiting-on';

/** ApplicationInfo is what an application is: whose, in which batch and under which ruleset, on which year, where it stands, and its result. */
export function ApplicationInfo({ application: a }: { application: ApplicationDetail }) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const regionName = useRegionName();
  const officer = me.role !== 'enterprise';
  const dash = t('workflow.common.none');

  const items: DescriptionsProps['items'] = [
    {
      key: 'enterprise',
      label: t('workflow.detail.enterprise'),
      children: (
        <Space wrap>
          <span data-testid="application-enterprise">{a.enterprise_name}</span>
          <Link to={enterpriseTabPath(a.enterprise_id, 'profile')} data-testid="enterprise-link">
            {t('workflow.detail.enterpriseLink')}
          </Link>
          <Link to={enterpriseTabPath(a.enterprise_id, 'figures')} data-testid="figures-link">
            {t('workflow.detail.figuresLink')}
          </Link>
        </Space>
      ),
    },
    { key: 'credit_code', label: t('workflow.detail.creditCode'), children: <span style={{ fontFamily: 'monospace' }}>{a.credit_code}</span> },
    { key: 'region', label: t('workflow.detail.region'), children: regionName(a.region_code, a.region_name) },
    {
      key: 'batch',
      label: t('workflow.detail.batch'),
      children: officer ? (
        <Link to={`/batches/${a.batch_id}`} data-testid="batch-link">
          {a.batch_name}
        </Link>
      ) : (
        a.batch_name
      ),
    },
    { key: 'tier', label: t('workflow.detail.tier'), children: tierName(t, a.tier, a.ruleset) },
    { key: 'ruleset', label: t('workflow.detail.ruleset'), children: <span data-testid="application-ruleset">{rulesetName(t, a.ruleset)}</span> },
    { key: 'kind', label: t('workflow.detail.kind'), children: t(`workflow.kinds.${a.kind}`) },
    { key: 'report_year', label: t('workflow.detail.reportYear'), children: <span data-testid="application-report-year">{t('units.yearLabel', { year: a.report_year })}</span> },
    { key: 'state', label: t('workflow.detail.state'), children: <ApplicationStateTag state={a.state} /> },
    { key: 'waiting_on', label: t('workflow.detail.waitingOn'), children: <span data-testid="application-waiting-on">{waitingOnText(t, a, (c) => regionName(c))}</span> },
    { key: 'submitted_at', label: t('workflow.detail.submittedAt'), children: a.submitted_at ? formatDateTime(a.submitted_at, i18n.language) : dash },
    { key: 'created_by', label: t('workflow.detail.createdBy'), children: a.created_by },
  ];
  if (a.result) {
    items.push({ key: 'result', label: t('workflow.detail.result'), children: <span data-testid="application-result">{t(`workflow.results.${a.result}`)}</span> });
  }
  if (a.result === 'approved') {
    items.push(
      { key: 'announcement_no', label: t('workflow.detail.announcementNo'), children: a.announcement_no ?? dash },
      { key: 'granted_on', label: t('workflow.detail.grantedOn'), children: formatDate(a.granted_on, i18n.language) || dash },
    );
  }
  if (a.qualification_id) {
    items.push({
      key: 'qualification',
      label: t('workflow.detail.qualification'),
      children: (
        <Link to={officer ? `/qualifications?open=${a.qualification_id}` : '/my-qualifications'} data-testid="qualification-link">
          {t('workflow.detail.viewQualifications')}
        </Link>
      ),
    });
  }

  return <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={items} styles={{ label: { whiteSpace: 'nowrap' } }} data-testid="application-info" />;
}
