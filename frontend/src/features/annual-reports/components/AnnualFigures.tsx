import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Form, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { QueryErrorPage } from '@/components/ErrorPages';
import type { Enterprise } from '@/features/enterprises/api/get-enterprises';
import { isApiError } from '@/lib/api/errors';
import { handleApiError } from '@/lib/api/handle-error';
import { notify } from '@/lib/notify';
import { useAnnualReports, type AnnualReport } from '../api/get-annual-reports';
import { usePutAnnualReport } from '../api/put-annual-report';
import { FiguresForm } from './FiguresForm';
import { FiguresTable } from './FiguresTable';
import { openYears, toAnnualReportPut, toFiguresFormValues, type FiguresFormValues } from './figures-form-values';

function parseYear(raw: string | null): number | undefined {
  return raw && /^\d{4}$/.test(raw) ? Number(raw) : undefined;
}

type EditorProps = {
  enterpriseId: number;
  /** The filed report, or undefined for a new year. */
  report?: AnnualReport;
  year?: number;
  years: number[];
  canEdit: boolean;
  focusField?: string;
  reload: () => unknown;
  onDone: () => void;
};

/** FiguresEditor files a new year or replaces a filed one, naming the version it read. */
function FiguresEditor({ enterpriseId, report, year, years, canEdit, focusField, reload, onDone }: EditorProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FiguresFormValues>();
  const put = usePutAnnualReport();
  const mode = !canEdit ? 'view' : report ? 'edit' : 'new';
  const initialValues = { ...toFiguresFormValues(report), ...(mode === 'new' && year ? { year } : {}) };

  const onSubmit = (values: FiguresFormValues) => {
    const target = report?.year ?? values.year;
    if (!target) return;
    put.mutate(
      { enterpriseId, year: target, body: toAnnualReportPut(values, report?.version) },
      {
        onSuccess() {
          notify.success(t('figures.saved', { year: target }));
          onDone();
        },
        onError(error) {
          if (isApiError(error) && error.code === 'stale_version') {
            // Someone else saved this year first: show what the server holds now, to check and save again.
            notify.warning(t('errors.staleVersion'));
            void reload();
            return;
          }
          handleApiError(error, { form });
        },
      },
    );
  };

  const title = report
    ? canEdit
      ? t('figures.editYear', { year: report.year })
      : t('figures.viewYear', { year: report.year })
    : t('figures.newTitle');

  return (
    <>
      <Typography.Title level={4} data-testid="figures-form-title">
        {title}
      </Typography.Title>
      <FiguresForm
        form={form}
        mode={mode}
        years={years}
        initialValues={initialValues}
        focusField={focusField}
        submitting={put.isPending}
        onSubmit={onSubmit}
        onCancel={onDone}
      />
    </>
  );
}

/**
 * AnnualFigures is the 年度数据 tab: the years filed, and the form of one year (`?year=2025`,
 * or `?year=new`), linkable so that a self-check's missing figure opens where it is filled in.
 */
export function AnnualFigures({ enterprise, canEdit }: { enterprise: Pick<Enterprise, 'id'>; canEdit: boolean }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const { data, isPending, isFetching, error, refetch } = useAnnualReports(enterprise.id);

  if (error) return <QueryErrorPage error={error} onRetry={() => void refetch()} />;
  if (isPending) return <Skeleton active />;

  const reports = data.items;
  const filed = reports.map((r) => r.year);
  const rawYear = params.get('year');
  const wanted = parseYear(rawYear);
  const years = openYears(filed, new Date().getFullYear(), wanted);
  const open = (year: number | 'new') => setParams({ year: String(year) });
  const close = () => setParams({});

  if (rawYear !== null) {
    const report = wanted !== undefined ? reports.find((r) => r.year === wanted) : undefined;
    if (!report && !canEdit) {
      return (
        <Empty description={t('figures.empty')}>
          <Button onClick={close}>{t('common.back')}</Button>
        </Empty>
      );
    }
    return (
      <FiguresEditor
        // A fresh version (after a stale save) or another year starts the form afresh.
        key={`${wanted ?? 'new'}:${report?.version ?? 0}`}
        enterpriseId={enterprise.id}
        report={report}
        year={wanted}
        years={years}
        canEdit={canEdit}
        focusField={params.get('field') ?? undefined}
        reload={refetch}
        onDone={close}
      />
    );
  }

  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary">{t('figures.moneyHint')}</Typography.Text>
        {canEdit && (
          <Button type="primary" icon={<PlusOutlined />} disabled={years.length === 0} onClick={() => open('new')} data-testid="figures-new">
            {t('figures.newYear')}
          </Button>
        )}
      </Flex>
      <FiguresTable items={reports} loading={isFetching} canEdit={canEdit} onOpen={open} />
    </>
  );
}
