import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Flex, Popconfirm, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { handleApiError } from '@/lib/api/handle-error';
import { formatDateTime, formatNumber } from '@/lib/format';
import { notify } from '@/lib/notify';
import { useDeleteAttachment } from '../api/delete-attachment';
import { attachmentUrl, type Attachment } from '../api/get-application';
import { MAX_ATTACHMENT_BYTES, useUploadAttachment } from '../api/upload-attachment';

const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

type Props = { applicationId: number; attachments: Attachment[]; canEdit: boolean };

/**
 * Attachments lists an application's files, each a download; while it is editable, files are
 * added (PDF, JPEG or PNG; the server checks the content) and deleted.
 */
export function Attachments({ applicationId, attachments, canEdit }: Props) {
  const { t, i18n } = useTranslation();
  const upload = useUploadAttachment();
  const remove = useDeleteAttachment();

  const beforeUpload = (file: File) => {
    if (file.size > MAX_ATTACHMENT_BYTES) {
      notify.error(t('workflow.detail.fileTooLarge', { name: file.name }));
      return Upload.LIST_IGNORE;
    }
    upload.mutate(
      { applicationId, file },
      { onSuccess: (a) => notify.success(t('workflow.detail.uploaded', { name: a.filename })), onError: (e) => handleApiError(e) },
    );
    // The upload is ours, not antd's.
    return false;
  };

  return (
    <section data-testid="attachments">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('workflow.detail.attachments')}
        </Typography.Title>
        {canEdit && (
          <Upload accept={ACCEPT} multiple showUploadList={false} beforeUpload={beforeUpload}>
            <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="attachment-upload">
              {t('workflow.common.upload')}
            </Button>
          </Upload>
        )}
      </Flex>
      {canEdit && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('workflow.detail.uploadHint')}
        </Typography.Paragraph>
      )}
      {attachments.length === 0 ? (
        <Typography.Text type="secondary" data-testid="attachments-empty">
          {t('workflow.detail.noAttachments')}
        </Typography.Text>
      ) : (
        <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {attachments.map((a) => (
            <li key={a.id} data-testid={`attachment-${a.id}`} style={{ padding: '6px 0', borderBottom: '1px solid rgba(5,5,5,0.06)' }}>
              <Flex justify="space-between" align="center" gap={8} wrap>
                <span>
                  <PaperClipOutlined />{' '}
                  <a href={attachmentUrl(applicationId, a.id)} download={a.filename} data-testid="attachment-download">
                    {a.filename}
                  </a>{' '}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('workflow.detail.size', { size: formatNumber(Math.max(1, Math.round(a.size / 1024)), i18n.language) })} ·{' '}
                    {t('workflow.detail.uploadedBy', { user: a.uploaded_by, at: formatDateTime(a.created_at, i18n.language) })}
                  </Typography.Text>
                </span>
                {canEdit && (
                  <Popconfirm
                    title={t('workflow.detail.deleteAttachmentConfirm', { name: a.filename })}
                    okText={t('common.remove')}
                    okButtonProps={{ danger: true }}
                    cancelText={t('common.cancel')}
                    onConfirm={() =>
                      remove.mutate(
                        { applicationId, attachmentId: a.id },
                        { onSuccess: () => notify.success(t('workflow.detail.attachmentDeleted')), onError: (e) => handleApiError(e) },
                      )
                    }
                  >
                    <Button type="text" danger size="small" icon={<DeleteOutlined />} aria-label={t('common.remove')} data-testid={`attachment-delete-${a.id}`} />
                  </Popconfirm>
                )}
              </Flex>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
