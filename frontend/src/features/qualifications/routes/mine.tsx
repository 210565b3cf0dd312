import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { PageHeader } from '@/components/PageHeader';
import { useCurrentUser } from '@/features/auth/components/current-user';
import { EnterpriseQualifications } from '../components/EnterpriseQualifications';

/** 我的资质: the enterprise user's own qualifications and when each expires. */
export function Component() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  if (!me.enterprise_id) return <Navigate to="/no-enterprise" replace />;
  return (
    <>
      <PageHeader title={t('workflow.qualifications.mineTitle')} />
      <EnterpriseQualifications enterpriseId={me.enterprise_id} />
    </>
  );
}
