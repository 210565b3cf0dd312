import { Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { reportConflict } from '@/features/applications/components/transition-errors';
import { tierName } from '@/features/eligibility/components/criteria-text';
import { handleApiError } from '@/lib/api/handle-error';
import { notify } from '@/lib/notify';
import { useDecideCancellation, type Decision } from '../api/decide-cancellation';
import type { CancellationProposal } from '../api/get-cancellation-proposals';

const REASON_MAX = 1000;

type Props = { target: { proposal: CancellationProposal; decision: Decision } | null; onClose: () => void };

/** DecisionModal confirms a proposed cancellation (the qualification is revoked) or dismisses it, with the reason. */
export function DecisionModal({ target, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason?: string }>();
  const decide = useDecideCancellation();
  const decision = target?.decision ?? 'dismiss';

  const submit = async () => {
    if (!target) return;
    const { reason } = await form.validateFields();
    decide.mutate(
      { id: target.proposal.id, decision, body: { reason: (reason ?? '').trim(), version: target.proposal.version } },
      {
        onSuccess: () => {
          notify.success(t(`notices.proposals.done.${decision}`, { name: target.proposal.enterprise_name }));
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
      title={target ? t(`notices.proposals.titles.${decision}`, { name: target.proposal.enterprise_name }) : ''}
      okText={t(`notices.proposals.actions.${decision}`)}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: decision === 'confirm', 'data-testid': 'decision-submit' }}
      confirmLoading={decide.isPending}
      onOk={() => void submit().catch(() => {})}
      onCancel={onClose}
      destroyOnHidden
    >
      {target && (
        <Typography.Paragraph type={decision === 'confirm' ? 'danger' : 'secondary'}>
          {t(`notices.proposals.explain.${decision}`, { tier: tierName(t, target.proposal.tier), years: target.proposal.missed_years.join('、') })}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" preserve={false} data-testid="decision-form">
        <Form.Item
          name="reason"
          label={t('notices.proposals.reason')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: REASON_MAX, message: t('validation.tooLong', { max: REASON_MAX }) }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={REASON_MAX} showCount data-testid="decision-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
