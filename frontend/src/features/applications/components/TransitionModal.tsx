import { DatePicker, Form, Input, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT } from '@/features/enterprises/components/enterprise-form-values';
import { validUntilOf } from '@/features/qualifications/components/validity';
import { handleApiError } from '@/lib/api/handle-error';
import { formatDate } from '@/lib/format';
import { notify } from '@/lib/notify';
import type { Application } from '../api/get-applications';
import { useTransitionApplication, type TransitionAction, type TransitionInput } from '../api/transition-application';
import { reportConflict } from './transition-errors';
import { needsComment } from './workflow-rules';

/** The decisions taken in this dialog: the reviews' and the result. */
export type Decision = Extract<TransitionAction, 'pass' | 'return' | 'reject' | 'record_result'>;

type Values = { comment?: string; result?: 'approved' | 'not_approved'; announcement_no?: string; granted_on?: Dayjs | null };

/** The server takes a comment of up to 2000 characters. */
const MAX_COMMENT = 2000;

/** toTransition turns the dialog's values into the request, naming the version read. */
function toTransition(action: Decision, version: number, v: Values): TransitionInput {
  const comment = v.comment?.trim();
  if (action !== 'record_result') return { action, version, ...(comment ? { comment } : {}) };
  if (v.result === 'not_approved') return { action, version, result: 'not_approved', ...(comment ? { comment } : {}) };
  return {
    action,
    version,
    result: 'approved',
    announcement_no: v.announcement_no?.trim() ?? '',
    granted_on: v.granted_on ? v.granted_on.format(DATE_FORMAT) : null,
    ...(comment ? { comment } : {}),
  };
}

type Props = {
  application: Pick<Application, 'id' | 'version' | 'state' | 'enterprise_name'>;
  action: Decision | null;
  onClose: () => void;
};

/**
 * TransitionModal takes a review decision with its comment (required to return or reject), or
 * records the result of a recommended application: approved with the announcement number and the
 * day granted, or not approved.
 */
export function TransitionModal({ application, action, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const transition = useTransitionApplication();
  const result = Form.useWatch('result', form);
  const grantedOn = Form.useWatch('granted_on', form);
  const required = { required: true, message: t('validation.required') };
  const titleKey = action === 'pass' && application.state === 'city_review' ? 'recommend' : (action ?? 'pass');

  const submit = async () => {
    if (!action) return;
    const values = await form.validateFields();
    transition.mutate(
      { id: application.id, body: toTransition(action, application.version, values) },
      {
        onSuccess() {
          notify.success(t(`workflow.transition.done.${action}`));
          onClose();
        },
        onError(error) {
          if (reportConflict(t, error)) return onClose();
          handleApiError(error, { form });
        },
      },
    );
  };

  return (
    <Modal
      open={action !== null}
      title={t(`workflow.transition.titles.${titleKey}`, { name: application.enterprise_name })}
      okText={t('workflow.common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: action === 'reject', 'data-testid': 'transition-submit' }}
      confirmLoading={transition.isPending}
      onOk={() => void submit().catch(() => {})}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" preserve={false} initialValues={{ result: 'approved', granted_on: null }} data-testid="transition-form">
        {action === 'record_result' && (
          <>
            <Form.Item name="result" label={t('workflow.transition.result')} rules={[required]}>
              <Radio.Group
                optionType="button"
                options={(['approved', 'not_approved'] as const).map((r) => ({ value: r, label: <span data-testid={`transition-result-${r}`}>{t(`workflow.results.${r}`)}</span> }))}
              />
            </Form.Item>
            {result !== 'not_approved' && (
              <>
                <Form.Item
                  name="announcement_no"
                  label={t('workflow.transition.announcementNo')}
                  rules={[required, { whitespace: true, message: t('validation.required') }, { max: 100, message: t('validation.tooLong', { max: 100 }) }]}
                >
                  <Input placeholder={t('workflow.transition.announcementPlaceholder')} maxLength={100} data-testid="transition-announcement" />
                </Form.Item>
                <Form.Item
                  name="granted_on"
                  label={t('workflow.transition.grantedOn')}
                  rules={[required]}
                  extra={grantedOn ? t('workflow.transition.validUntil', { date: formatDate(validUntilOf(grantedOn.format(DATE_FORMAT)), i18n.language) }) : undefined}
                >
                  <DatePicker
                    format={DATE_FORMAT}
                    style={{ width: '100%' }}
                    disabledDate={(d) => d.isAfter(dayjs(), 'day')}
                    data-testid="transition-granted-on"
                  />
                </Form.Item>
              </>
            )}
          </>
        )}
        <Form.Item
          name="comment"
          label={action && needsComment(action) ? t('workflow.transition.comment') : t('workflow.transition.commentOptional')}
          rules={[
            ...(action && needsComment(action) ? [{ required: true, whitespace: true, message: t('workflow.transition.commentRequired') }] : []),
            { max: MAX_COMMENT, message: t('validation.tooLong', { max: MAX_COMMENT }) },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={MAX_COMMENT} showCount data-testid="transition-comment" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
