import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Result, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { handleApiError } from '@/lib/api/handle-error';
import { isApiError } from '@/lib/api/errors';
import { useLodgeObjection } from '../api/lodge-objection';
import type { NoticeEntry } from '../api/get-public-notices';
import {
  EVIDENCE_EXTENSIONS,
  evidenceProblem,
  MAX_EVIDENCE_FILES,
  NAME_MAX,
  NAME_MIN,
  PHONE_PATTERN,
  REASONS_MAX,
  REASONS_MIN,
  toObjectionInput,
  type ObjectionFormValues,
} from './objection-form';

type Props = {
  noticeId: number;
  /** entry is the enterprise objected to; null closes the dialog. */
  entry: NoticeEntry | null;
  onClose: () => void;
  /** onClosed is told that the notice closed meanwhile (409), so the page shows it afresh. */
  onNoticeClosed: () => void;
};

type Refusal = { kind: 'closed' | 'throttled' | 'other'; message: string; retryAfter?: number };

const uploadFiles = (e: unknown) => (Array.isArray(e) ? e : (e as { fileList?: UploadFile[] })?.fileList ?? []);

/**
 * ObjectionModal is the public's objection to one enterprise on a notice: real name, phone,
 * reasons and optional evidence, checked here for the obvious and by the server for everything;
 * the server's field errors go under their inputs, a closed notice and the hourly limit say so.
 */
export function ObjectionModal({ noticeId, entry, onClose, onNoticeClosed }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ObjectionFormValues>();
  const lodge = useLodgeObjection();
  const [lodged, setLodged] = useState<number | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);

  const close = () => {
    setLodged(null);
    setRefusal(null);
    lodge.reset();
    onClose();
  };

  const submit = async () => {
    if (!entry) return;
    const values = await form.validateFields();
    setRefusal(null);
    lodge.mutate(
      { noticeId, input: toObjectionInput(entry.application_id, values) },
      {
        onSuccess: (created) => setLodged(created.id),
        onError: (error) => {
          if (isApiError(error) && error.status === 409) {
            setRefusal({ kind: 'closed', message: t('notices.objectionForm.closed') });
            onNoticeClosed();
            return;
          }
          if (isApiError(error) && error.status === 429) {
            setRefusal({ kind: 'throttled', message: t('notices.objectionForm.throttled'), retryAfter: error.retryAfter });
            return;
          }
          if (isApiError(error) && error.fields.length > 0 && handleApiError(error, { form })) return;
          setRefusal({ kind: 'other', message: isApiError(error) ? error.message : t('errors.unknown') });
        },
      },
    );
  };

  const required = { required: true, whitespace: true, message: t('validation.required') };

  return (
    <Modal
      open={entry !== null}
      title={t('notices.objectionForm.title')}
      onCancel={close}
      destroyOnHidden
      footer={
        lodged !== null || refusal?.kind === 'closed'
          ? [
              <Button key="close" type="primary" onClick={close} data-testid="objection-done">
                {t('workflow.common.close')}
              </Button>,
            ]
          : [
              <Button key="cancel" onClick={close}>
                {t('common.cancel')}
              </Button>,
              <Button key="submit" type="primary" loading={lodge.isPending} onClick={() => void submit().catch(() => {})} data-testid="objection-submit">
                {t('notices.objectionForm.submit')}
              </Button>,
            ]
      }
    >
      {lodged !== null ? (
        <Result status="success" title={t('notices.objectionForm.lodged')} subTitle={t('notices.objectionForm.lodgedDetail', { id: lodged })} data-testid="objection-lodged" />
      ) : (
        <>
          {entry && (
            <Typography.Paragraph>
              {t('notices.objectionForm.against')} <Typography.Text strong data-testid="objection-enterprise">{entry.enterprise_name}</Typography.Text>
              <br />
              <Typography.Text type="secondary">{entry.credit_code}</Typography.Text>
            </Typography.Paragraph>
          )}
          {refusal && (
            <Alert
              type={refusal.kind === 'throttled' ? 'warning' : 'error'}
              showIcon
              style={{ marginBottom: 16 }}
              title={refusal.message}
              description={refusal.kind === 'throttled' && refusal.retryAfter ? t('notices.objectionForm.retryIn', { minutes: Math.max(1, Math.ceil(refusal.retryAfter / 60)) }) : undefined}
              data-testid={`objection-refused-${refusal.kind}`}
            />
          )}
          {refusal?.kind !== 'closed' && (
            <Form<ObjectionFormValues> form={form} layout="vertical" preserve={false} data-testid="objection-form">
              <Form.Item
                name="name"
                label={t('notices.objectionForm.name')}
                rules={[required, { min: NAME_MIN, max: NAME_MAX, message: t('notices.objectionForm.nameLength', { min: NAME_MIN, max: NAME_MAX }) }]}
              >
                <Input autoComplete="name" maxLength={NAME_MAX} data-testid="objection-name" />
              </Form.Item>
              <Form.Item
                name="phone"
                label={t('notices.objectionForm.phone')}
                rules={[required, { pattern: PHONE_PATTERN, message: t('notices.objectionForm.phoneInvalid') }]}
              >
                <Input type="tel" inputMode="tel" autoComplete="tel" maxLength={20} data-testid="objection-phone" />
              </Form.Item>
              <Form.Item
                name="reasons"
                label={t('notices.objectionForm.reasons')}
                extra={t('notices.objectionForm.reasonsHelp', { min: REASONS_MIN })}
                rules={[
                  required,
                  {
                    validator: async (_rule, value?: string) => {
                      const length = (value ?? '').trim().length;
                      if (length > 0 && length < REASONS_MIN) throw new Error(t('notices.objectionForm.reasonsShort', { min: REASONS_MIN }));
                    },
                  },
                ]}
              >
                <Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} maxLength={REASONS_MAX} showCount data-testid="objection-reasons" />
              </Form.Item>
              <Form.Item
                name="files"
                label={t('notices.objectionForm.files')}
                extra={t('notices.objectionForm.filesHelp', { max: MAX_EVIDENCE_FILES })}
                valuePropName="fileList"
                getValueFromEvent={uploadFiles}
                rules={[
                  {
                    validator: async (_rule, value?: UploadFile[]) => {
                      const problem = evidenceProblem((value ?? []).flatMap((f) => (f.originFileObj ? [f.originFileObj] : [])));
                      if (problem) throw new Error(t(`notices.objectionForm.evidence.${problem}`, { max: MAX_EVIDENCE_FILES }));
                    },
                  },
                ]}
              >
                <Upload beforeUpload={() => false} multiple accept={EVIDENCE_EXTENSIONS.join(',')} data-testid="objection-files">
                  <Button icon={<UploadOutlined />}>{t('notices.objectionForm.chooseFiles')}</Button>
                </Upload>
              </Form.Item>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
                {t('notices.objectionForm.privacy')}
              </Typography.Paragraph>
            </Form>
          )}
        </>
      )}
    </Modal>
  );
}
