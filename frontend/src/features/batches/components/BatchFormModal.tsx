import { DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { RULESETS, rulesetName, TIERS, tierName } from '@/features/eligibility/components/criteria-text';
import { DATE_FORMAT } from '@/features/enterprises/components/enterprise-form-values';
import { ApiError, isApiError } from '@/lib/api/errors';
import { handleApiError } from '@/lib/api/handle-error';
import { notify } from '@/lib/notify';
import { useCreateBatch } from '../api/create-batch';
import type { Batch, BatchKind } from '../api/get-batches';
import { useUpdateBatch } from '../api/update-batch';
import { newBatchFormValues, toBatchCreate, toBatchFormValues, toBatchPatch, type BatchFormValues } from './batch-form-values';
import { reportBatchConflict } from './batch-errors';

const KINDS: BatchKind[] = ['recognition', 'review'];

/** The server's field names, mapped to this form's inputs (the window is one input). */
const FIELD_ALIASES: Record<string, string> = { opens_on: 'window', closes_on: 'window' };

type Props = {
  /** The batch to edit, `'new'` to open one, null when closed. */
  target: Batch | 'new' | null;
  onClose: () => void;
};

/** BatchFormModal opens a batch (city officer, admin) or changes its name, window or ruleset. */
export function BatchFormModal({ target, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<BatchFormValues>();
  const create = useCreateBatch();
  const update = useUpdateBatch();
  const editing = target !== null && target !== 'new' ? target : null;
  const required = { required: true, message: t('validation.required') };

  const submit = async () => {
    const values = await form.validateFields();
    const onError = (error: unknown) => {
      if (reportBatchConflict(t, error)) return onClose();
      handleApiError(aliasFields(error), { form });
    };
    if (editing) {
      const patch = toBatchPatch(values, editing);
      if (Object.keys(patch).length === 1) return onClose();
      update.mutate({ id: editing.id, patch }, { onSuccess: () => (notify.success(t('common.saved')), onClose()), onError });
    } else {
      create.mutate(toBatchCreate(values), { onSuccess: () => (notify.success(t('workflow.batches.created')), onClose()), onError });
    }
  };

  return (
    <Modal
      open={target !== null}
      title={editing ? t('workflow.batches.editTitle', { name: editing.name }) : t('workflow.batches.newTitle')}
      okText={editing ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => void submit().catch(() => {})}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'batch-form-submit' }}
      destroyOnHidden
    >
      <Form<BatchFormValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={editing ? toBatchFormValues(editing) : newBatchFormValues()}
        data-testid="batch-form"
      >
        <Form.Item name="tier" label={t('workflow.batches.fields.tier')} rules={[required]} extra={editing ? t('workflow.batches.fixedAfterCreate') : undefined}>
          <Select disabled={Boolean(editing)} options={TIERS.map((tier) => ({ value: tier, label: tierName(t, tier) }))} data-testid="batch-tier" />
        </Form.Item>
        <Form.Item name="kind" label={t('workflow.batches.fields.kind')} rules={[required]}>
          <Select disabled={Boolean(editing)} options={KINDS.map((k) => ({ value: k, label: t(`workflow.kinds.${k}`) }))} data-testid="batch-kind" />
        </Form.Item>
        <Form.Item name="year" label={t('workflow.batches.fields.year')} rules={[required]}>
          <InputNumber disabled={Boolean(editing)} min={2000} max={2100} precision={0} style={{ width: '100%' }} data-testid="batch-year" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('workflow.batches.fields.name')}
          rules={[required, { whitespace: true, message: t('validation.required') }, { max: 200, message: t('validation.tooLong', { max: 200 }) }]}
        >
          <Input placeholder={t('workflow.batches.namePlaceholder')} maxLength={200} data-testid="batch-name" />
        </Form.Item>
        <Form.Item name="window" label={t('workflow.batches.fields.window')} rules={[required]}>
          <DatePicker.RangePicker
            format={DATE_FORMAT}
            style={{ width: '100%' }}
            placeholder={[t('workflow.batches.fields.opens_on'), t('workflow.batches.fields.closes_on')]}
            data-testid="batch-window"
          />
        </Form.Item>
        <Form.Item name="ruleset" label={t('workflow.batches.fields.ruleset')}>
          <Select
            allowClear={!editing}
            placeholder={t('workflow.batches.rulesetDefault')}
            popupMatchSelectWidth={false}
            options={RULESETS.map((r) => ({ value: r, label: rulesetName(t, r) }))}
            data-testid="batch-ruleset"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** aliasFields puts the server's opens_on/closes_on errors under the window input. */
function aliasFields(error: unknown): unknown {
  if (!isApiError(error)) return error;
  return new ApiError({
    status: error.status,
    code: error.code,
    message: error.message,
    fields: error.fields.map((f) => ({ field: FIELD_ALIASES[f.field] ?? f.field, message: f.message })),
    requestId: error.requestId,
  });
}
