import { Empty, Flex, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StatsPipeline } from '../api/get-stats-pipeline';
import { Chart } from './Chart';
import { ChartCard } from './ChartCard';
import { funnelOption } from './chart-options';
import { funnel, pipelineBatches, sumStates } from './dashboard-data';
import type { DashboardWords } from './use-words';

const HEIGHT = 220;
const ALL = 'all';

type Props = {
  data: StatsPipeline | undefined;
  loading: boolean;
  failed: boolean;
  words: DashboardWords;
};

/**
 * PipelineFunnel is how far the applications of the batches open on the date have got, for all of
 * them or one batch, with those not approved, returned, rejected or withdrawn beside it and each batch's total.
 */
export function PipelineFunnel({ data, loading, failed, words }: Props) {
  const { t } = useTranslation();
  const batches = useMemo(() => (data ? pipelineBatches(data) : []), [data]);
  const [chosen, setChosen] = useState<string>(ALL);
  const shown = useMemo(() => {
    const one = batches.filter((b) => String(b.id) === chosen);
    return one.length ? one : batches;
  }, [batches, chosen]);
  const stages = useMemo(() => funnel(shown), [shown]);
  const states = useMemo(() => sumStates(shown), [shown]);
  const option = useMemo(() => funnelOption(stages, (s) => t(`dashboard.funnel.${s}`), words), [stages, t, words]);
  const title = t('dashboard.charts.pipeline');

  return (
    <ChartCard
      title={title}
      extra={
        batches.length > 1 && (
          <Select
            size="small"
            value={shown.length === 1 ? String(shown[0]?.id) : ALL}
            onChange={setChosen}
            style={{ width: 220 }}
            popupMatchSelectWidth={false}
            options={[{ value: ALL, label: t('dashboard.funnel.allBatches') }, ...batches.map((b) => ({ value: String(b.id), label: b.name }))]}
            data-testid="dashboard-pipeline-batch"
          />
        )
      }
      loading={loading && !data}
      failed={failed && !data}
      empty={false}
      height={HEIGHT}
      testId="dashboard-pipeline"
    >
      {data && batches.length === 0 ? (
        <Empty description={t('dashboard.funnel.none', { date: words.date(data.as_of) })} style={{ height: HEIGHT, paddingTop: HEIGHT / 4, margin: 0 }} data-testid="dashboard-pipeline-empty" />
      ) : (
        <>
          <Chart option={option} height={HEIGHT} ariaLabel={title} testId="dashboard-pipeline-chart" />
          <Flex vertical gap={4}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="dashboard-pipeline-sideline">
              {t('dashboard.funnel.sideline', {
                notApproved: words.number(states.not_approved),
                returned: words.number(states.returned),
                rejected: words.number(states.rejected),
                withdrawn: words.number(states.withdrawn),
              })}
            </Typography.Text>
            {batches.map((b) => (
              <Flex key={b.id} justify="space-between" gap={8} data-testid={`dashboard-pipeline-batch-${b.id}`}>
                <Link to={`/batches/${b.id}`}>{b.name}</Link>
                <Typography.Text style={{ whiteSpace: 'nowrap' }}>{t('dashboard.funnel.batchTotal', { value: words.number(b.total) })}</Typography.Text>
              </Flex>
            ))}
          </Flex>
        </>
      )}
    </ChartCard>
  );
}
