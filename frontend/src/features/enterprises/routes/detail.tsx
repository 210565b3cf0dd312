import { EditOutlined } from '@ant-design/icons';
import { Button, Skeleton, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { NotFoundPage, QueryErrorPage } from '@/components/ErrorPages';
import { PageHeader } from '@/components/PageHeader';
import { AnnualFigures } from '@/features/annual-reports/components/AnnualFigures';
import { useCurrentUser } from '@/features/auth/components/current-user';
import { SelfCheck } from '@/features/eligibility/components/SelfCheck';
import { EnterpriseQualifications } from '@/features/qualifications/components/EnterpriseQualifications';
import { parseId } from '@/lib/redirect';
import { useEnterprise } from '../api/get-enterprise';
import { CriteriaFacts } from '../components/CriteriaFacts';
import { canEditEnterprise } from '../components/enterprise-access';
import { ENTERPRISE_TABS, enterpriseTabPath, isEnterpriseTab, type EnterpriseTab } from '../components/enterprise-tabs';
import { EnterpriseDetails } from '../components/EnterpriseDetails';

/**
 * The page of one enterprise (an enterprise user's 我的企业), in tabs that are each their own
 * path: the profile (/enterprises/:id), its criteria facts, annual figures, self-check and qualifications.
 */
export function Component() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const params = useParams();
  const id = parseId(params.id);
  const tab: EnterpriseTab | undefined = params.tab === undefined ? 'profile' : isEnterpriseTab(params.tab) && params.tab !== 'profile' ? params.tab : undefined;
  const { data: enterprise, isPending, error, refetch } = useEnterprise(id ?? 0);

  if (!id || !tab) return <NotFoundPage />;
  if (error) return <QueryErrorPage error={error} onRetry={() => void refetch()} />;
  if (isPending) return <Skeleton active />;

  const canEdit = canEditEnterprise(me, enterprise);
  const content: Record<EnterpriseTab, () => React.ReactNode> = {
    profile: () => <EnterpriseDetails enterprise={enterprise} />,
    facts: () => <CriteriaFacts enterprise={enterprise} canEdit={canEdit} reload={refetch} />,
    figures: () => <AnnualFigures enterprise={enterprise} canEdit={canEdit} />,
    'self-check': () => <SelfCheck enterpriseId={enterprise.id} canEdit={canEdit} />,
    qualifications: () => <EnterpriseQualifications enterpriseId={enterprise.id} />,
  };

  return (
    <>
      <PageHeader
        title={me.role === 'enterprise' ? t('nav.my-enterprise') : enterprise.name}
        extra={
          tab === 'profile' &&
          canEdit && (
            <Link to={`/enterprises/${id}/edit`}>
              <Button type="primary" icon={<EditOutlined />} data-testid="edit-enterprise">
                {t('common.edit')}
              </Button>
            </Link>
          )
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => navigate(enterpriseTabPath(id, key as EnterpriseTab))}
        items={ENTERPRISE_TABS.map((key) => ({
          key,
          label: <span data-testid={`enterprise-tab-${key}`}>{t(`enterprise.tabs.${key}`)}</span>,
          children: key === tab ? content[key]() : null,
        }))}
        destroyOnHidden
        data-testid="enterprise-tabs"
      />
    </>
  );
}
