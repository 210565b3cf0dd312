import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '@/components/PageHeader';
import { useCurrentUser } from '@/features/auth/components/current-user';
import { handleApiError } from '@/lib/api/handle-error';
import { notify } from '@/lib/notify';
import { useCreateEnterprise } from '../api/create-enterprise';
import { EnterpriseForm } from '../components/EnterpriseForm';
import { toCreateBody, type EnterpriseFormValues } from '../components/enterprise-form-values';

export function Component() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const [form] = Form.useForm<EnterpriseFormValues>();
  const create = useCreateEnterprise();

  const onSubmit = (values: EnterpriseFormValues) =>
    create.mutate(toCreateBody(values), {
      onSuccess(enterprise) {
        notify.success(t('enterprise.created'));
        navigate(`/enterprises/${enterprise.id}`);
      },
      onError: (error) => handleApiError(error, { form }),
    });

  return (
    <>
      <PageHeader title={t('enterprise.new')} />
      <EnterpriseForm
        form={form}
        mode="create"
        initialValues={me.role === 'county_officer' && me.region_code ? { region_code: me.region_code } : undefined}
        submitting={create.isPending}
        onSubmit={onSubmit}
        onCancel={() => navigate(-1)}
      />
    </>
  );
}
