import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '@/components/PageHeader';
import { isApiError } from '@/lib/api/errors';
import { handleApiError } from '@/lib/api/handle-error';
import { notify } from '@/lib/notify';
import type { Enterprise } from '../api/get-enterprises';
import { useUpdateEnterprise } from '../api/update-enterprise';
import { EnterpriseForm } from './EnterpriseForm';
import { toFormValues, toPatch, type EnterpriseFormValues } from './enterprise-form-values';

/** EnterpriseEditor saves the changed fields of one enterprise, naming the version it read. */
export function EnterpriseEditor({ enterprise, reload }: { enterprise: Enterprise; reload: () => Promise<Enterprise | undefined> }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<EnterpriseFormValues>();
  const update = useUpdateEnterprise();
  const detailPath = `/enterprises/${enterprise.id}`;

  const onSubmit = (values: EnterpriseFormValues) => {
    const patch = toPatch(values, enterprise);
    if (Object.keys(patch).length === 1) {
      navigate(detailPath);
      return;
    }
    update.mutate(
      { id: enterprise.id, patch },
      {
        onSuccess() {
          notify.success(t('common.saved'));
          navigate(detailPath);
        },
        onError(error) {
          if (isApiError(error) && error.code === 'stale_version') {
            // Someone else saved first: show what the server holds now, to be checked and saved again.
            notify.warning(t('errors.staleVersion'));
            void reload().then((fresh) => fresh && form.setFieldsValue(toFormValues(fresh)));
            return;
          }
          handleApiError(error, { form });
        },
      },
    );
  };

  return (
    <>
      <PageHeader title={t('enterprise.editTitle', { name: enterprise.name })} />
      <EnterpriseForm
        form={form}
        mode="edit"
        initialValues={toFormValues(enterprise)}
        liaisonOfficerName={enterprise.liaison_officer_name}
        submitting={update.isPending}
        onSubmit={onSubmit}
        onCancel={() => navigate(detailPath)}
      />
    </>
  );
}
