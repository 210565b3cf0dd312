import { Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Criterion, Evaluation } from '../api/get-eligibility';
import { criterionLabel, criterionRequirement, formatCriterionValue, groupLabel, STATUS_COLORS, statusLabel } from './criteria-text';

/** CriteriaTable explains an evaluation criterion by criterion, in the UI language. */
export function CriteriaTable({ evaluation }: { evaluation: Evaluation }) {
  const { t, i18n } = useTranslation();
  const columns: TableColumnsType<Criterion> = [
    { key: 'code', dataIndex: 'code', title: t('criteria.header.code'), width: 60 },
    {
      key: 'label',
      title: t('criteria.header.criterion'),
      width: 190,
      render: (_, c) => (
        <>
          <div data-testid="criterion-label">{criterionLabel(t, c)}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {groupLabel(t, c.group)}
          </Typography.Text>
        </>
      ),
    },
    {
      key: 'value',
      title: t('criteria.header.value'),
      width: 220,
      render: (_, c) => <span data-testid="criterion-value">{formatCriterionValue(t, i18n.language, c)}</span>,
    },
    {
      key: 'requirement',
      title: t('criteria.header.requirement'),
      width: 320,
      render: (_, c) => (
        // The server's own wording stays at hand, for the record.
        <Tooltip title={c.requirement}>
          <span data-testid="criterion-requirement">{criterionRequirement(t, c, evaluation.tier, evaluation.ruleset)}</span>
        </Tooltip>
      ),
    },
    {
      key: 'status',
      title: t('criteria.header.status'),
      width: 110,
      render: (_, c) => (
        <Tag color={STATUS_COLORS[c.status]} data-testid="criterion-status">
          {statusLabel(t, c.status)}
        </Tag>
      ),
    },
    {
      key: 'points',
      title: t('criteria.header.points'),
      width: 90,
      align: 'right',
      render: (_, c) =>
        c.max_points === null ? (
          '—'
        ) : (
          <span data-testid="criterion-points">
            {c.points ?? '—'} / {c.max_points}
          </span>
        ),
    },
  ];
  return (
    <Table<Criterion>
      rowKey="code"
      size="small"
      columns={columns}
      dataSource={evaluation.criteria}
      pagination={false}
      scroll={{ x: 980 }}
      onRow={(c) => ({ 'data-testid': `criterion-${c.code}` }) as React.HTMLAttributes<HTMLElement>}
      data-testid={`criteria-table-${evaluation.tier}`}
    />
  );
}
