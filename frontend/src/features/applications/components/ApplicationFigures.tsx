import { Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAnnualReports, type AnnualReport } from '@/features/annual-reports/api/get-annual-reports';
import { figureLabel, type MoneyField } from '@/features/annual-reports/components/figure-fields';
import { enterpriseTabPath } from '@/features/enterprises/components/enterprise-tabs';
import { formatNumber, formatWan } from '@/lib/format';
import type { ApplicationDetail } from '../api/get-application';
import { figureYears } from './figure-years';

const MONEY: MoneyField[] = ['operating_revenue', 'main_business_revenue', 'rd_expense', 'net_profit', 'total_assets', 'total_liabilities'];

/**
 * ApplicationFigures shows the enterprise's key figures (in 万元) for the report year and the two
 * years before it, as filed now; the review rests on the self-check frozen at submission.
 */
export function ApplicationFigures({ application }: { application: Pick<ApplicationDetail, 'enterprise_id' | 'report_year'> }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { data, isFetching } = useAnnualReports(application.enterprise_id);
  const years = new Set(figureYears(data?.items ?? [], application.report_year));
  const items = (data?.items ?? []).filter((r) => years.has(r.year)).sort((a, b) => b.year - a.year);
  const dash = (s: string) => (s === '' ? '—' : s);
  const columns: TableColumnsType<AnnualReport> = [
    {
      key: 'year',
      title: t('figures.year'),
      render: (_, r) => (r.year === application.report_year ? <Typography.Text strong>{t('workflow.detail.reportYearMark', { year: r.year })}</Typography.Text> : t('units.yearLabel', { year: r.year })),
    },
    { key: 'employees', title: figureLabel(t, 'employees'), align: 'right', render: (_, r) => dash(formatNumber(r.employees, lang)) },
    ...MONEY.map((field) => ({
      key: field,
      title: t('units.withUnit', { label: figureLabel(t, field), unit: t('units.wan') }),
      align: 'right' as const,
      render: (_: unknown, r: AnnualReport) => dash(formatWan(r[field], lang)),
    })),
  ];
  return (
    <section data-testid="application-figures">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('workflow.detail.figures')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('workflow.detail.figuresHint')} <Link to={enterpriseTabPath(application.enterprise_id, 'figures')}>{t('workflow.detail.figuresLink')}</Link>
      </Typography.Paragraph>
      <Table<AnnualReport>
        rowKey="year"
        size="small"
        columns={columns}
        dataSource={items}
        loading={isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('figures.empty') }}
      />
    </section>
  );
}
