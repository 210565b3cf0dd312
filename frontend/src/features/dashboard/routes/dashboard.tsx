import { Col, Flex, Row, Typography } from 'antd';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { QueryErrorPage } from '@/components/ErrorPages';
import { PageHeader } from '@/components/PageHeader';
import { useCurrentUser } from '@/features/auth/components/current-user';
import { useIndustryName } from '@/features/reference/components/industry-name';
import { useRegions } from '@/features/reference/api/get-regions';
import { regionLabel, useRegionName } from '@/features/reference/components/region-name';
import { currentLanguage } from '@/lib/i18n';
import { useUrlFilters } from '@/lib/url-state';
import { useStatsByIndustry } from '../api/get-stats-by-industry';
import { useStatsByRegion } from '../api/get-stats-by-region';
import { useStatsPipeline } from '../api/get-stats-pipeline';
import { useStatsSummary } from '../api/get-stats-summary';
import { useStatsTrend } from '../api/get-stats-trend';
import { statsExportUrl, type StatsFilters } from '../api/stats-params';
import { DashboardFilters } from '../components/DashboardFilters';
import {
  enterprisesHolding,
  isDate,
  isYearEnd,
  poolLink,
  qualificationsLink,
  tierCards,
  trendYears,
  yearBefore,
  yearOf,
  type Category,
  type Tier,
} from '../components/dashboard-data';
import { barsHeight } from '../components/chart-options';
import { HoldersBars } from '../components/HoldersBars';
import { PipelineFunnel } from '../components/PipelineFunnel';
import { TierCards } from '../components/TierCards';
import { TrendCharts } from '../components/TrendCharts';
import { useWords } from '../components/use-words';
import { WatchTable } from '../components/WatchTable';
import '../dashboard.css';

const FILTERS = ['as_of', 'region', 'industry'] as const;

/**
 * The leadership dashboard (领导驾驶舱): each tier's holders as of a date against a year before,
 * by region and industry, the trend over the years, the open batches' pipeline, what expires soon
 * and the candidates. The date and filters live in the URL; every figure opens its list.
 */
export function Component() {
  const { t } = useTranslation();
  const words = useWords();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const regionName = useRegionName();
  const industryName = useIndustryName();
  const { data: regions } = useRegions();
  const { values, update } = useUrlFilters(FILTERS);

  const fixedRegion = me.role === 'county_officer' ? (me.region_code ?? undefined) : undefined;
  const region = fixedRegion ?? values.region;
  const industry = values.industry;
  // A date that is not a calendar date is left out: the server's today stands in.
  const asked = isDate(values.as_of) ? values.as_of : undefined;
  const filters: StatsFilters = { as_of: asked, region, industry };

  const summary = useStatsSummary(filters);
  // The date the figures are as of: the one asked for, else the one the server counted (its today).
  const asOf = asked ?? summary.data?.as_of;
  const previous = useStatsSummary(asOf ? { ...filters, as_of: yearBefore(asOf) } : undefined);
  const byRegion = useStatsByRegion(filters);
  const byIndustry = useStatsByIndustry(filters);
  const years = asOf ? trendYears(asOf) : undefined;
  const trend = useStatsTrend(years ? { region, industry, ...years } : undefined);
  const pipeline = useStatsPipeline(filters);

  // The cards show only the figures of the filters asked for, never the last ones kept while new ones load.
  const current = summary.isPlaceholderData ? undefined : summary.data;
  const before = previous.isPlaceholderData ? undefined : previous.data;
  const cards = useMemo(() => (current ? tierCards(current, before) : undefined), [current, before]);
  const holding = useMemo(() => (current ? enterprisesHolding(current, before) : undefined), [current, before]);

  // Every region in its order, so that a region holding none shows as none; only one's own, or the one chosen.
  const knownRegions = useMemo<Category[] | undefined>(() => {
    if (!regions) return undefined;
    const all = [...regions.items].sort((a, b) => a.order - b.order);
    return all.filter((r) => !region || r.code === region).map((r) => ({ code: r.code, name: regionLabel(r, words.lang) }));
  }, [regions, region, words.lang]);
  const regionCategoryName = useCallback((c: Category) => regionName(c.code, c.name), [regionName]);
  const industryCategoryName = useCallback((c: Category) => industryName(c.code, c.name), [industryName]);

  const listFilters = { asOf: asOf ?? '', region, industry };
  const openHolders = (tier: Tier, extra: { region?: string; industry?: string } = {}) =>
    navigate(qualificationsLink(tier, { ...listFilters, ...extra }));

  const lang = currentLanguage();
  const tableQuery = { as_of: asked, region, industry };
  const exports = [
    { key: 'summary', label: t('dashboard.exports.summary'), href: statsExportUrl('summary', tableQuery, lang) },
    { key: 'by-region', label: t('dashboard.exports.byRegion'), href: statsExportUrl('by-region', tableQuery, lang) },
    { key: 'by-industry', label: t('dashboard.exports.byIndustry'), href: statsExportUrl('by-industry', tableQuery, lang) },
    { key: 'trend', label: t('dashboard.exports.trend'), href: statsExportUrl('trend', { region, industry, ...years }, lang) },
    { key: 'pipeline', label: t('dashboard.exports.pipeline'), href: statsExportUrl('pipeline', tableQuery, lang) },
  ];

  if (summary.error && !summary.data) return <QueryErrorPage error={summary.error} onRetry={() => void summary.refetch()} />;

  const regionText = region ? regionName(region) : t('dashboard.allRegions');
  const industryText = industry ? `${industry} ${industryName(industry)}` : t('dashboard.allIndustries');
  const regionBarsHeight = barsHeight(knownRegions?.length ?? byRegion.data?.items.length ?? 0);

  return (
    <div className="dashboard-page" data-testid="dashboard">
      <PageHeader
        title={t('dashboard.title')}
        extra={
          <DashboardFilters
            asOf={asOf}
            region={region}
            industry={industry}
            fixedRegion={fixedRegion}
            onChange={(changes) => update(changes)}
            exports={exports}
          />
        }
      />
      <Flex wrap gap={16} style={{ marginTop: -8, marginBottom: 16 }}>
        <Typography.Text type="secondary" data-testid="dashboard-scope">
          {t('dashboard.scopeLine', { date: asOf ? words.date(asOf) : '…', region: regionText, industry: industryText })}
        </Typography.Text>
        {asOf && (
          <Typography.Text type="secondary" data-testid="dashboard-compare">
            {t('dashboard.compareLine', { date: words.date(yearBefore(asOf)) })}
          </Typography.Text>
        )}
      </Flex>

      <TierCards cards={cards} holding={holding} words={words} linkOf={(c) => qualificationsLink(c.tier, listFilters)} />

      <Row gutter={[16, 16]} style={{ marginTop: 16 }} className="dashboard-row">
        <Col xs={24} xl={14}>
          <HoldersBars
            title={t('dashboard.charts.byRegion')}
            data={byRegion.data}
            loading={byRegion.isPending}
            failed={byRegion.isError}
            known={knownRegions}
            categoryName={regionCategoryName}
            words={words}
            onOpen={(tier, c) => openHolders(tier, { region: c.code })}
            testId="dashboard-by-region"
          />
        </Col>
        <Col xs={24} xl={10}>
          <HoldersBars
            title={t('dashboard.charts.byIndustry')}
            data={byIndustry.data}
            loading={byIndustry.isPending}
            failed={byIndustry.isError}
            categoryName={industryCategoryName}
            words={words}
            height={regionBarsHeight}
            onOpen={(tier, c) => openHolders(tier, { industry: c.code })}
            testId="dashboard-by-industry"
          />
        </Col>
      </Row>

      <div style={{ marginTop: 16 }} className="dashboard-row">
        <TrendCharts
          data={trend.data}
          loading={trend.isPending}
          failed={trend.isError}
          yearInProgress={asOf && !isYearEnd(asOf) ? yearOf(asOf) : undefined}
          words={words}
        />
      </div>

      <Row gutter={[16, 16]} style={{ marginTop: 16 }} className="dashboard-row">
        <Col xs={24} xl={12}>
          <PipelineFunnel data={pipeline.data} loading={pipeline.isPending} failed={pipeline.isError} words={words} />
        </Col>
        <Col xs={24} xl={12}>
          <WatchTable
            cards={cards}
            loading={summary.isPending}
            words={words}
            expiringLink={(c, days) => qualificationsLink(c.tier, { ...listFilters, expiringWithinDays: days })}
            candidatesLink={(c) => poolLink(c.tier, { region, industry })}
          />
        </Col>
      </Row>
    </div>
  );
}
