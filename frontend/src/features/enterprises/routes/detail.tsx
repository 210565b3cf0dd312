import { EditOutlined } from '@ant-design/icons';
import { Button, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { NotFoundPage, QueryErrorPage } from '@/components/ErrorPages';
import { PageHeader } from '@/components/PageHeader';
import { useCurrentUser } from '@/features/auth/components/current-user';
import { parseId } from '@/lib/redirect';
import { useEnterprise } from '../api/get-enterprise';
import { canEditEnterprise } from '../components/enterprise-access';
import { EnterpriseDetails } from '../components/EnterpriseDetails';

export function Component() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const id = parseId(useParams().id);
  const { data: enterprise, isPending, error, refetch } = useEnterprise(id ?? 0);

  if (!id) return <NotFoundPage />;
  if (error) return <QueryErrorPage error={error} onRetry={() => void refetch()} />;
  if (isPending) return <Skeleton active />;

  return (
    <>
      <PageHeader
        title={me.role === 'enterprise' ? t('nav.my-enterprise') : enterprise.name}
        extra={
          canEditEnterprise(me, enterprise) && (
            <Link to={`/enterprises/${id}/edit`}>
              <Button type="primary" icon={<EditOutlined />} data-testid="edit-enterprise">
                {t('common.edit')}
              </Button>
            </Link>
          )
        }
      />
      <EnterpriseDetails enterprise={enterprise} />
    </>
  );
}
