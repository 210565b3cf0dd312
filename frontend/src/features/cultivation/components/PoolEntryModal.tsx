import { DatePicker, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '@/features/auth/components/current-user';
import { DATE_FORMAT } from '@/features/enterprises/components/enterprise-form-values';
import { useOfficers } from '@/features/enterprises/api/get-officers';
import { isApiError } from '@/lib/api/errors';
import { handleApiError } from '@/lib/api/handle-error';
import { notify } from '@/lib/notify';
import { useCreatePoolEntry } from '../api/create-entry';
import type { PoolRow } from '../api/get-pool';
import { useUpdatePoolEntry } from '../api/update-entry';
import { toPoolEntryCreate, toPoolEntryFormValues, toPoolEntryPatch, type PoolEntryFormValues } from './pool-entry-values';

/**
 * PoolEntryModal puts a candidate into the pool, or changes who follows it, the note and the
 * follow-up date. The owner is an officer of the enterprise's region or of the city.
 */
export function PoolEntryModal({ row, onClose }: { row: PoolRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [form] = Form.useForm<PoolEntryFormValues>();
  const create = useCreatePoolEntry();
  const update = useUpdatePoolEntry();
  const officers = useOfficers(row?.region_code, { enabled: row !== null });
  const entry = row?.entry ?? null;
  // An officer who may follow the enterprise is its own first choice.
  const selfAsOwner = me.role === 'city_officer' || (me.role === 'county_officer' && me.region_code === row?.region_code) ? me.id : undefined;

  const options = (officers.data?.items ?? []).map((o) => ({ value: o.id, label: `${o.display_name} (${t(`roles.${o.role}`)})` }));
  if (entry && !options.some((o) => o.value === entry.owner_id)) options.unshift({ value: entry.owner_id, label: entry.owner_name });

  const submit = async () => {
    if (!row) return;
    const values = await form.validateFields();
    const onError = (error: unknown) => {
      if (isApiError(error) && (error.code === 'stale_version' || error.code === 'duplicate')) {
        // Someone else changed the pool first: the list shows what it holds now.
        notify.warning(error.code === 'stale_version' ? t('errors.staleVersion') : error.message);
        onClose();
        return;
      }
      handleApiError(error, { form });
    };
    if (entry) {
      const patch = toPoolEntryPatch(entry, values);
      if (Object.keys(patch).length === 1) return onClose();
      update.mutate({ id: entry.id, patch }, { onSuccess: () => (notify.success(t('common.saved')), onClose()), onError });
    } else {
      create.mutate(toPoolEntryCreate(row, values), { onSuccess: () => (notify.success(t('cultivation.added')), onClose()), onError });
    }
  };

  return (
    <Modal
      open={row !== null}
      title={row ? t(entry ? 'cultivation.editTitle' : 'cultivation.addTitle', { name: row.name }) : ''}
      okText={entry ? t('common.save') : t('cultivation.add')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => void submit().catch(() => {})}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'pool-entry-submit' }}
    >
      <Form<PoolEntryFormValues> form={form} layout="vertical" preserve={false} initialValues={toPoolEntryFormValues(entry, selfAsOwner)} data-testid="pool-entry-form">
        <Form.Item name="owner_id" label={t('cultivation.owner')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select<number>
            loading={officers.isFetching}
            options={options}
            placeholder={t('cultivation.ownerPlaceholder')}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="pool-entry-owner"
          />
        </Form.Item>
        <Form.Item name="follow_up_on" label={t('cultivation.followUpOn')}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} data-testid="pool-entry-follow-up" />
        </Form.Item>
        <Form.Item name="note" label={t('cultivation.note')} rules={[{ max: 1000, message: t('validation.tooLong', { max: 1000 }) }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
