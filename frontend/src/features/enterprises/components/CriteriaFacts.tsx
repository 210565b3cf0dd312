import { EditOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isApiError } from '@/lib/api/errors';
import { handleApiError } from '@/lib/api/handle-error';
import { notify } from '@/lib/notify';
import type { Enterprise } from '../api/get-enterprises';
import { useUpdateEnterprise } from '../api/update-enterprise';
import { FactsForm } from './FactsForm';
import { FactsView } from './FactsView';
import { toFactsFormValues, toFactsPatch, type FactsFormValues } from './facts-form-values';

function FactsEditor({ enterprise, reload, onDone }: { enterprise: Enterprise; reload: () => Promise<unknown>; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FactsFormValues>();
  const update = useUpdateEnterprise();

  const onSubmit = (values: FactsFormValues) => {
    const patch = toFactsPatch(values, enterprise);
    if (Object.keys(patch).length === 1) return onDone();
    update.mutate(
      { id: enterprise.id, patch },
      {
        onSuccess() {
          notify.success(t('common.saved'));
          onDone();
        },
        onError(error) {
          if (isApiError(error) && error.code === 'stale_version') {
            // Someone else saved first: the form starts again from what the server holds now.
            notify.warning(t('errors.staleVersion'));
            void reload();
            return;
          }
          handleApiError(error, { form });
        },
      },
    );
  };

  return <FactsForm form={form} initialValues={toFactsFormValues(enterprise)} submitting={update.isPending} onSubmit={onSubmit} onCancel={onDone} />;
}

/**
 * CriteriaFacts is the 培育要素 tab: the facts of the criteria kept on the profile, shown, and
 * edited in place (`?edit=1`, so that a self-check's missing input opens the form).
 */
export function CriteriaFacts({ enterprise, canEdit, reload }: { enterprise: Enterprise; canEdit: boolean; reload: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const editing = canEdit && params.get('edit') === '1';

  if (editing) {
    // A new version (someone else's save) starts the form afresh.
    return <FactsEditor key={enterprise.version} enterprise={enterprise} reload={reload} onDone={() => setParams({})} />;
  }
  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary">{t('facts.intro')}</Typography.Text>
        {canEdit && (
          <Button type="primary" icon={<EditOutlined />} onClick={() => setParams({ edit: '1' })} data-testid="facts-edit">
            {t('common.edit')}
          </Button>
        )}
      </Flex>
      <FactsView enterprise={enterprise} />
    </>
  );
}
