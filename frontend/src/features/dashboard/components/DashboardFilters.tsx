import { DownloadOutlined, DownOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, DatePicker, Dropdown, Flex } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { IndustryCascader } from '@/features/reference/components/IndustryCascader';
import { RegionSelect } from '@/features/reference/components/RegionSelect';

export type DashboardFilterValues = { as_of?: string; region?: string; industry?: string };

const DATE_FORMAT = 'YYYY-MM-DD';

type Props = {
  /** The date shown: the URL's, else the date the server counted as of (its today). */
  asOf: string | undefined;
  region?: string;
  industry?: string;
  /** fixedRegion is a county officer's own region: shown, not changeable. */
  fixedRegion?: string | null;
  onChange: (changes: Partial<DashboardFilterValues>) => void;
  /** The statistics tables as .xlsx links, with the same filters. */
  exports: { key: string; label: string; href: string }[];
};

/** DashboardFilters: the as-of date, region and industry, and printing and exporting what is shown. */
export function DashboardFilters({ asOf, region, industry, fixedRegion, onChange, exports }: Props) {
  const { t } = useTranslation();
  return (
    <Flex wrap gap={8} align="center" className="dashboard-controls" data-testid="dashboard-filters">
      <DatePicker
        value={asOf ? dayjs(asOf, DATE_FORMAT) : null}
        onChange={(d) => onChange({ as_of: d ? d.format(DATE_FORMAT) : undefined })}
        format={DATE_FORMAT}
        placeholder={t('dashboard.asOfPlaceholder')}
        prefix={t('dashboard.asOf')}
        aria-label={t('dashboard.asOf')}
        style={{ width: 210 }}
        data-testid="dashboard-as-of"
      />
      <RegionSelect
        allowClear={!fixedRegion}
        disabled={Boolean(fixedRegion)}
        value={fixedRegion ?? region}
        onChange={(r) => onChange({ region: r })}
        placeholder={t('dashboard.allRegions')}
        aria-label={t('enterprise.filterRegion')}
        style={{ width: 170 }}
        data-testid="dashboard-region"
      />
      <IndustryCascader
        allowSection
        allowClear
        value={industry}
        onChange={(i) => onChange({ industry: i })}
        placeholder={t('dashboard.allIndustries')}
        aria-label={t('enterprise.filterIndustry')}
        style={{ width: 200 }}
        data-testid="dashboard-industry"
      />
      <Dropdown
        trigger={['click']}
        menu={{
          items: exports.map((e) => ({
            key: e.key,
            label: (
              <a href={e.href} download data-testid={`dashboard-export-${e.key}`}>
                {e.label}
              </a>
            ),
          })),
        }}
      >
        <Button icon={<DownloadOutlined />} data-testid="dashboard-export">
          {t('dashboard.export')} <DownOutlined />
        </Button>
      </Dropdown>
      <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="dashboard-print">
        {t('dashboard.print')}
      </Button>
    </Flex>
  );
}
