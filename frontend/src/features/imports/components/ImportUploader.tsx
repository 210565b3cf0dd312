import { InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Upload, type UploadProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api/errors';
import { useCreateImport } from '../api/create-import';
import type { Import, ImportKind } from '../api/get-import';
import { fileProblem, IMPORT_ACCEPT } from './import-view';

type Props = {
  kind: ImportKind;
  /** A button (to upload a fixed file beside its problems) instead of the drop area. */
  compact?: boolean;
  onUploaded: (im: Import) => void;
};

/**
 * ImportUploader sends one .xlsx or .csv file of a kind. What the page can tell (its type by name,
 * its size) is said before sending; the server's refusal (a file that is not a table, too large)
 * is shown where the file was dropped.
 */
export function ImportUploader({ kind, compact = false, onUploaded }: Props) {
  const { t } = useTranslation();
  const create = useCreateImport();
  const [problem, setProblem] = useState<string | null>(null);

  const beforeUpload: UploadProps['beforeUpload'] = (file) => {
    create.reset();
    const local = fileProblem(file);
    if (local) {
      setProblem(t(`imports.upload.${local}`, { name: file.name }));
      return Upload.LIST_IGNORE;
    }
    setProblem(null);
    create.mutate({ kind, file }, { onSuccess: onUploaded });
    // The file goes out through the mutation, not antd's own request.
    return false;
  };

  const serverProblem = create.error
    ? [create.error.message, ...(isApiError(create.error) ? create.error.fields.map((f) => f.message) : [])].filter((m, i, all) => m && all.indexOf(m) === i).join(' ')
    : null;
  const shown = problem ?? serverProblem;

  const props: UploadProps = {
    // Every dropped file reaches beforeUpload, so that a wrong one is named rather than silently ignored.
    accept: { format: IMPORT_ACCEPT, filter: 'native' },
    multiple: false,
    maxCount: 1,
    showUploadList: false,
    disabled: create.isPending,
    beforeUpload,
  };
  const uploading = create.isPending && create.variables ? t('imports.upload.uploading', { name: create.variables.file.name }) : null;

  return (
    <div data-testid={compact ? 'import-upload-again' : 'import-upload'}>
      {compact ? (
        <Upload {...props}>
          <Button type="primary" icon={<UploadOutlined />} loading={create.isPending} data-testid="import-upload-again-button">
            {uploading ?? t('imports.upload.again')}
          </Button>
        </Upload>
      ) : (
        <Upload.Dragger {...props}>
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{uploading ?? t('imports.upload.drop')}</p>
          <p className="ant-upload-hint">{t('imports.upload.hint')}</p>
        </Upload.Dragger>
      )}
      {shown && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title={t('imports.upload.failed')}
          description={shown}
          data-testid="import-upload-error"
          closable={{
            onClose: () => {
              setProblem(null);
              create.reset();
            },
          }}
        />
      )}
    </div>
  );
}
