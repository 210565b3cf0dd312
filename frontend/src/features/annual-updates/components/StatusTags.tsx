import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AnnualUpdateStatus } from '../api/get-annual-updates';
import type { ProposalStatus } from '../api/get-cancellation-proposals';
import { ANNUAL_STATUS_COLORS, PROPOSAL_STATUS_COLORS } from './annual-filters';

export function AnnualUpdateStatusTag({ status }: { status: AnnualUpdateStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={ANNUAL_STATUS_COLORS[status]} data-testid="annual-update-status">
      {t(`notices.annual.statuses.${status}`)}
    </Tag>
  );
}

export function ProposalStatusTag({ status }: { status: ProposalStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={PROPOSAL_STATUS_COLORS[status]} data-testid="proposal-status">
      {t(`notices.proposals.statuses.${status}`)}
    </Tag>
  );
}
