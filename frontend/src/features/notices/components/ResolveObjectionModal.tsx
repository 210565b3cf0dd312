import { Form, Input, Modal, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { reportConflict } from '@/features/applications/components/transition-errors';
import { handleApiError } from '@/lib/api/handle-error';
import { notify } from '@/lib/notify';
import type { Objection } from '../api/get-objections';
import { useResolveObjection } from '../api/resolve-objection';
import { RESOLUTION_MAX, toResolution, type ResolveFormValues, type ResolveOutcome } from './resolve-values';

type Props = {
  /** objection is the one being decided, with the outcome the officer chose; null closes the dialog. */
  target: { objection: Objection; outcome: ResolveOutcome } | null;
  onClose: () => void;
};

/** ResolveObjectionModal dismisses an objection with the reason, or upholds it and returns or rejects the application. */
export function ResolveObjectionModal({ target, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ResolveFormValues>();
  const resolve = useResolveObjection();
  const outcome = Form.useWatch('outcome', form) ?? target?.outcome;

  const submit = async () => {
    if (!target) return;
    const values = await form.validateFields();
    resolve.mutate(
      { id: target.objection.id, applicationId: target.objection.application_id, body: toResolution(values, target.objection.version) },
      {
        onSuccess: (done) => {
          notify.success(t(`notices.objections.done.${done.status === 'upheld' ? 'upheld' : 'dismissed'}`));
          onClose();
        },
        onError: (error) => {
          if (reportConflict(t, error)) return onClose();
          handleApiError(error, { form });
        },
      },
    );
  };

  return (
    <Modal
      open={target !== null}
      title={t('notices.objections.resolveTitle', { name: target?.objection.name ?? '' })}
      okText={t('workflow.common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: outcome === 'upheld', 'data-testid': 'resolve-submit' }}
      confirmLoading={resolve.isPending}
      onOk={() => void submit().catch(() => {})}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<ResolveFormValues> form={form} layout="vertical" preserve={false} initialValues={{ outcome: target?.outcome, action: 'return' }} data-testid="resolve-form">
        <Form.Item name="outcome" label={t('notices.objections.outcome')} rules={[{ required: true, message: t('validation.required') }]}>
          <Radio.Group
            optionType="button"
            options={(['dismissed', 'upheld'] as const).map((o) => ({ value: o, label: <span data-testid={`resolve-outcome-${o}`}>{t(`notices.objections.outcomes.${o}`)}</span> }))}
          />
        </Form.Item>
        {outcome === 'upheld' && (
          <Form.Item name="action" label={t('notices.objections.action')} rules={[{ required: true, message: t('validation.required') }]} extra={t('notices.objections.actionHelp')}>
            <Radio.Group options={(['return', 'reject'] as const).map((a) => ({ value: a, label: <span data-testid={`resolve-action-${a}`}>{t(`notices.objections.actions.${a}`)}</span> }))} />
          </Form.Item>
        )}
        <Form.Item
          name="resolution"
          label={t(outcome === 'upheld' ? 'notices.objections.resolutionUpheld' : 'notices.objections.resolutionDismissed')}
          rules={[
            { required: true, whitespace: true, message: t('notices.objections.resolutionRequired') },
            { max: RESOLUTION_MAX, message: t('validation.tooLong', { max: RESOLUTION_MAX }) },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={RESOLUTION_MAX} showCount data-testid="resolve-resolution" />
        </Form.Item>
        {target && (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('notices.objections.audited')}
          </Typography.Paragraph>
        )}
      </Form>
    </Modal>
  );
}
