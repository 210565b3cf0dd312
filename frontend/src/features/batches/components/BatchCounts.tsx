import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicationState } from '@/features/applications/api/get-applications';
import { APPLICATION_STATES, STATE_COLORS } from '@/features/applications/components/workflow-rules';
import { formatNumber } from '@/lib/format';
import type { Batch } from '../api/get-batches';

const isState = (s: string): s is ApplicationState => (APPLICATION_STATES as string[]).includes(s);

/** BatchCounts shows a batch's applications by state (within the caller's scope), in the workflow's order. */
export function BatchCounts({ counts }: { counts: Batch['counts'] }) {
  const { t, i18n } = useTranslation();
  const entries = APPLICATION_STATES.filter((s) => (counts[s] ?? 0) > 0).map((s) => [s, counts[s] ?? 0] as const);
  const others = Object.entries(counts).filter(([s, n]) => !isState(s) && n > 0);
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  if (total === 0) {
    return (
      <Typography.Text type="secondary" data-testid="batch-counts">
        {t('workflow.batches.noApplications')}
      </Typography.Text>
    );
  }
  return (
    <Flex wrap gap={4} data-testid="batch-counts">
      {[...entries, ...others].map(([s, n]) => (
        <Tag key={s} color={isState(s) ? STATE_COLORS[s] : 'default'} data-testid={`count-${s}`}>
          {isState(s) ? t(`workflow.states.${s}`) : s} {formatNumber(n, i18n.language)}
        </Tag>
      ))}
      <Typography.Text type="secondary" data-testid="count-total">
        {t('workflow.batches.total', { count: total })}
      </Typography.Text>
    </Flex>
  );
}
