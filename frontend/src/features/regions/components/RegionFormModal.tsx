import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRegions, type Region } from '@/features/reference/api/get-regions';
import { handleApiError } from '@/lib/api/handle-error';
import { notify } from '@/lib/notify';
import { useCreateRegion } from '../api/create-region';
import { useUpdateRegion } from '../api/update-region';
import { nextRegionOrder, REGION_CODE, REGION_KINDS, toRegionCreate, toRegionFormValues, toRegionPatch, type RegionFormValues } from './region-form-values';

type Props = {
  /** The region to edit, `'new'` to add one, null when closed. */
  target: Region | 'new' | null;
  onClose: () => void;
};

/** RegionFormModal adds a region or renames one, or changes its kind or order; its code never changes. */
export function RegionFormModal({ target, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RegionFormValues>();
  const { data } = useRegions();
  const create = useCreateRegion();
  const update = useUpdateRegion();
  const editing = target !== null && target !== 'new' ? target : null;
  const required = { required: true, whitespace: true, message: t('validation.required') };

  const submit = async () => {
    const values = await form.validateFields();
    const onError = (error: unknown) => handleApiError(error, { form });
    if (editing) {
      const patch = toRegionPatch(values, editing);
      if (Object.keys(patch).length === 0) return onClose();
      update.mutate({ code: editing.code, patch }, { onSuccess: () => (notify.success(t('common.saved')), onClose()), onError });
    } else {
      create.mutate(toRegionCreate(values), { onSuccess: () => (notify.success(t('regions.created')), onClose()), onError });
    }
  };

  return (
    <Modal
      open={target !== null}
      title={editing ? t('regions.editTitle', { name: editing.name }) : t('regions.new')}
      okText={editing ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => void submit().catch(() => {})}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<RegionFormValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={editing ? toRegionFormValues(editing) : { order: nextRegionOrder(data?.items ?? []) }}
        data-testid="region-form"
      >
        <Form.Item
          name="code"
          label={t('regions.fields.code')}
          extra={editing ? t('regions.codeFixed') : t('regions.codeHint')}
          rules={editing ? [] : [required, { pattern: REGION_CODE, transform: (v?: string) => v?.trim(), message: t('regions.codeInvalid') }]}
        >
          <Input disabled={Boolean(editing)} autoComplete="off" maxLength={12} />
        </Form.Item>
        <Form.Item name="name" label={t('regions.fields.name')} rules={[required, { max: 64, message: t('validation.tooLong', { max: 64 }) }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="name_en"
          label={t('regions.fields.name_en')}
          extra={t('regions.nameEnHint')}
          rules={[{ max: 128, message: t('validation.tooLong', { max: 128 }) }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={t('regions.fields.kind')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select
            placeholder={t('regions.kindPlaceholder')}
            options={REGION_KINDS.map((k) => ({ value: k, label: t(`regions.kinds.${k}`) }))}
            data-testid="region-kind"
          />
        </Form.Item>
        <Form.Item
          name="order"
          label={t('regions.fields.order')}
          extra={t('regions.orderHint')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <InputNumber min={0} max={9999} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
