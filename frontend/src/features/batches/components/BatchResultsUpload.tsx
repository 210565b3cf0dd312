import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Table, Typography, Upload, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError, type ApiError } from '@/lib/api/errors';
import { handleApiError } from '@/lib/api/handle-error';
import { notify } from '@/lib/notify';
import { useRecordBatchResults, type BatchResults } from '../api/record-batch-results';
import { resultLineErrors, type ResultLineError } from './results-errors';

const XLSX = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FIELDS = ['credit_code', 'result', 'announcement_no', 'granted_on', 'file'] as const;
type KnownField = (typeof FIELDS)[number];
const isKnownField = (f: string): f is KnownField => (FIELDS as readonly string[]).includes(f);

/**
 * BatchResultsUpload records a batch's published list at once from an .xlsx (city officer, admin).
 * The server records every line or none: a refused list shows each bad line and why.
 */
export function BatchResultsUpload({ batchId }: { batchId: number }) {
  const { t } = useTranslation();
  const record = useRecordBatchResults();
  const [recorded, setRecorded] = useState<BatchResults | null>(null);
  const [refused, setRefused] = useState<ApiError | null>(null);

  const beforeUpload = (file: File) => {
    setRecorded(null);
    setRefused(null);
    record.mutate(
      { id: batchId, file },
      {
        onSuccess(res) {
          setRecorded(res);
          notify.success(t('workflow.batches.results.recorded', { count: res.recorded }));
        },
        onError(error) {
          if (isApiError(error) && error.fields.length > 0 && (error.status === 422 || error.status === 415)) return setRefused(error);
          handleApiError(error);
        },
      },
    );
    return false;
  };

  const fieldName = (f: string) => (isKnownField(f) ? t(`workflow.batches.results.fields.${f}`) : f);
  const errorColumns: TableColumnsType<ResultLineError> = [
    { key: 'line', title: t('workflow.batches.results.row'), width: 90, render: (_, e) => (e.line ? t('workflow.batches.results.line', { n: e.line }) : '—') },
    { key: 'field', title: t('workflow.batches.results.problem'), render: (_, e) => t('workflow.detail.fieldMessage', { field: fieldName(e.field), message: e.message }) },
  ];
  const rowColumns: TableColumnsType<BatchResults['rows'][number]> = [
    { key: 'row', title: t('workflow.batches.results.row'), width: 90, render: (_, r) => t('workflow.batches.results.line', { n: r.row }) },
    { key: 'credit_code', title: t('workflow.batches.results.creditCode'), render: (_, r) => <span style={{ fontFamily: 'monospace' }}>{r.credit_code}</span> },
    {
      key: 'application',
      title: t('workflow.batches.results.application'),
      render: (_, r) => <Link to={`/applications/${r.application_id}`}>#{r.application_id}</Link>,
    },
  ];

  return (
    <Card size="small" title={t('workflow.batches.results.title')} data-testid="batch-results">
      <Typography.Paragraph type="secondary">{t('workflow.batches.results.intro')}</Typography.Paragraph>
      <Upload accept={XLSX} maxCount={1} showUploadList={false} beforeUpload={beforeUpload}>
        <Button icon={<UploadOutlined />} loading={record.isPending} data-testid="batch-results-upload">
          {record.isPending ? t('workflow.batches.results.uploading') : t('workflow.batches.results.upload')}
        </Button>
      </Upload>
      {refused && (
        <div style={{ marginTop: 12 }} data-testid="batch-results-refused">
          <Alert type="error" showIcon title={t('workflow.batches.results.failed')} description={refused.message} style={{ marginBottom: 8 }} />
          <Table<ResultLineError> rowKey="key" size="small" pagination={false} columns={errorColumns} dataSource={resultLineErrors(refused.fields)} />
        </div>
      )}
      {recorded && (
        <div style={{ marginTop: 12 }} data-testid="batch-results-recorded">
          <Alert type="success" showIcon title={t('workflow.batches.results.recorded', { count: recorded.recorded })} style={{ marginBottom: 8 }} />
          <Table rowKey="row" size="small" pagination={false} columns={rowColumns} dataSource={recorded.rows} />
        </div>
      )}
    </Card>
  );
}
