import { ExclamationCircleFilled } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Result, Space, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { handleApiError } from '@/lib/api/handle-error';
import { formatDateTime, formatNumber } from '@/lib/format';
import { notify } from '@/lib/notify';
import { useConfirmImport } from '../api/confirm-import';
import type { Import } from '../api/get-import';
import { badRowCount, errorsListedPartly, importView } from './import-view';
import { ImportErrorTable } from './ImportErrorTable';
import { ImportProgress } from './ImportProgress';
import { ImportStatusTag } from './ImportStatusTag';
import { ImportUploader } from './ImportUploader';

type Props = {
  im: Import;
  /** A file uploaded from here (a fixed one) opens as the page's import. */
  onUploaded: (im: Import) => void;
};

type PanelProps = Props & {
  /** Why the last poll failed (it is tried again); what is shown is then the last answer. */
  pollError?: Error | null;
};

/** ImportPanel is one import as it stands: its job's progress, its problems, what it will write, or what it wrote. */
export function ImportPanel({ im, pollError, onUploaded }: PanelProps) {
  const { t, i18n } = useTranslation();
  const view = importView(im);
  const lang = i18n.language;
  const n = (v: number) => formatNumber(v, lang);

  return (
    <Card
      data-testid="import-panel"
      data-view={view}
      data-import-id={im.id}
      title={
        <Space wrap>
          <span data-testid="import-filename">{im.filename}</span>
          <ImportStatusTag status={im.status} />
        </Space>
      }
      extra={
        <Link to="/imports" data-testid="import-new">
          {t('imports.upload.newFile')}
        </Link>
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'kind', label: t('imports.recent.kind'), children: <span data-testid="import-kind">{t(`imports.kinds.${im.kind}`)}</span> },
          { key: 'rows', label: t('imports.counts.rows'), children: im.total_rows > 0 ? n(im.total_rows) : '—' },
          { key: 'at', label: t('imports.recent.createdAt'), children: `${formatDateTime(im.created_at, lang)} · ${im.created_by}` },
        ]}
      />
      {pollError && (
        <Alert type="warning" showIcon data-testid="import-poll-error" title={t('imports.progress.pollFailed', { message: pollError.message })} style={{ marginBottom: 12 }} />
      )}
      {(view === 'reading' || view === 'validating' || view === 'importing') && <ImportProgress im={im} phase={view} />}
      {view === 'invalid' && <InvalidView im={im} onUploaded={onUploaded} />}
      {view === 'ready' && <ReadyView im={im} />}
      {view === 'done' && <DoneView im={im} />}
      {view === 'retryable' && <RetryView im={im} />}
      {view === 'failed' && (
        <Result
          status="error"
          title={t('imports.failed.title')}
          subTitle={
            <span data-testid="import-failure">
              {im.failure_message} {t('imports.failed.uploadAgain')}
            </span>
          }
          extra={<ImportUploader kind={im.kind} compact onUploaded={onUploaded} />}
        />
      )}
    </Card>
  );
}

function InvalidView({ im, onUploaded }: Props) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => formatNumber(v, i18n.language);
  return (
    <>
      <Alert
        type="error"
        showIcon
        data-testid="import-invalid"
        title={
          <span data-testid="import-invalid-title">
            {t('imports.invalid.title', { count: im.error_count })}
            {!errorsListedPartly(im) && ` · ${t('imports.invalid.rows', { rows: n(badRowCount(im.errors)) })}`}
          </span>
        }
        description={
          <>
            <div>{t('imports.invalid.fix')}</div>
            {errorsListedPartly(im) && (
              <div data-testid="import-errors-partial">{t('imports.invalid.partial', { shown: n(im.errors.length), total: n(im.error_count) })}</div>
            )}
          </>
        }
        style={{ marginBottom: 12 }}
      />
      <div style={{ marginBottom: 12 }}>
        <ImportUploader kind={im.kind} compact onUploaded={onUploaded} />
      </div>
      <ImportErrorTable errors={im.errors} />
    </>
  );
}

function Counts({ im, done }: { im: Import; done: boolean }) {
  const { t, i18n } = useTranslation();
  const fmt = (v: number | string) => formatNumber(Number(v), i18n.language);
  return (
    <Flex gap={48} wrap style={{ marginBottom: 16 }}>
      <Statistic title={t('imports.counts.rows')} value={im.total_rows} formatter={fmt} data-testid="import-count-rows" />
      <Statistic title={t(done ? 'imports.counts.created' : 'imports.counts.toCreate')} value={im.created_count} formatter={fmt} data-testid="import-count-created" />
      <Statistic title={t(done ? 'imports.counts.updated' : 'imports.counts.toUpdate')} value={im.updated_count} formatter={fmt} data-testid="import-count-updated" />
    </Flex>
  );
}

/** useConfirm asks before writing, then starts the write. */
function useConfirm(im: Import) {
  const { t, i18n } = useTranslation();
  const { modal } = App.useApp();
  const confirm = useConfirmImport();
  const n = (v: number) => formatNumber(v, i18n.language);
  const ask = () =>
    modal.confirm({
      title: t('imports.ready.confirmTitle', { filename: im.filename }),
      icon: <ExclamationCircleFilled />,
      content: t('imports.ready.confirmBody', { created: n(im.created_count), updated: n(im.updated_count) }),
      okText: t('imports.ready.confirmOk'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'import-confirm-ok' },
      onOk: () =>
        confirm.mutateAsync(im.id).then(
          () => notify.success(t('imports.confirmStarted')),
          (e: unknown) => void handleApiError(e),
        ),
    });
  return { ask, pending: confirm.isPending };
}

function ReadyView({ im }: { im: Import }) {
  const { t } = useTranslation();
  const { ask, pending } = useConfirm(im);
  return (
    <div data-testid="import-ready">
      <Alert type="success" showIcon title={t('imports.ready.title')} description={t('imports.ready.summary')} style={{ marginBottom: 16 }} />
      <Counts im={im} done={false} />
      <Button type="primary" size="large" onClick={ask} loading={pending} data-testid="import-confirm">
        {t('imports.ready.confirm')}
      </Button>
    </div>
  );
}

function RetryView({ im }: { im: Import }) {
  const { t } = useTranslation();
  const { ask, pending } = useConfirm(im);
  return (
    <Result
      status="warning"
      title={t('imports.failed.retryTitle')}
      subTitle={<span data-testid="import-failure">{im.failure_message}</span>}
      extra={
        <Button type="primary" onClick={ask} loading={pending} data-testid="import-confirm">
          {t('imports.failed.retry')}
        </Button>
      }
    />
  );
}

function DoneView({ im }: { im: Import }) {
  const { t } = useTranslation();
  const qualifications = im.kind === 'qualifications';
  return (
    <div data-testid="import-done">
      <Alert type="success" showIcon title={t('imports.done.title')} description={t('imports.done.summary')} style={{ marginBottom: 16 }} />
      <Counts im={im} done />
      <Space>
        <Link to={qualifications ? '/qualifications' : '/enterprises'} data-testid="import-open-list">
          <Button type="primary">{t(qualifications ? 'imports.done.openQualifications' : 'imports.done.openEnterprises')}</Button>
        </Link>
        <Link to="/imports">
          <Button>{t('imports.upload.newFile')}</Button>
        </Link>
      </Space>
    </div>
  );
}
