import { Skeleton } from 'antd';
import { useParams } from 'react-router';
import { ForbiddenPage, NotFoundPage, QueryErrorPage } from '@/components/ErrorPages';
import { useCurrentUser } from '@/features/auth/components/current-user';
import { parseId } from '@/lib/redirect';
import { useEnterprise } from '../api/get-enterprise';
import { canEditEnterprise } from '../components/enterprise-access';
import { EnterpriseEditor } from '../components/EnterpriseEditor';

export function Component() {
  const me = useCurrentUser();
  const id = parseId(useParams().id);
  const { data: enterprise, isPending, error, refetch } = useEnterprise(id ?? 0);

  if (!id) return <NotFoundPage />;
  if (error) return <QueryErrorPage error={error} onRetry={() => void refetch()} />;
  if (isPending) return <Skeleton active />;
  if (!canEditEnterprise(me, enterprise)) return <ForbiddenPage />;
  return <EnterpriseEditor key={enterprise.id} enterprise={enterprise} reload={async () => (await refetch()).data} />;
}
