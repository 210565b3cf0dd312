import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Card, Divider, Flex, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Evaluation } from '../api/get-eligibility';
import { CriteriaTable } from './CriteriaTable';
import { groupLabel, routeLabel, rulesetName, rulesetShortName, scoreSubtotals, tierName } from './criteria-text';
import { MissingInputs } from './MissingInputs';

type Props = { evaluation: Evaluation; enterpriseId: number; canEdit: boolean };

/** TierResultCard is one tier's self-check: eligible or not, by which route and under which ruleset, the score by group, every criterion and what is missing. */
export function TierResultCard({ evaluation: ev, enterpriseId, canEdit }: Props) {
  const { t } = useTranslation();
  const subtotals = scoreSubtotals(ev.criteria);
  const scored = subtotals.length > 0;

  return (
    <Card
      data-testid={`tier-card-${ev.tier}`}
      title={
        <Space wrap>
          <span data-testid="tier-name">{tierName(t, ev.tier, ev.ruleset)}</span>
          {ev.eligible ? (
            <Tag icon={<CheckCircleFilled />} color="success" data-testid="tier-eligible">
              {t('selfCheck.eligible')}
            </Tag>
          ) : (
            <Tag icon={<CloseCircleFilled />} color="default" data-testid="tier-eligible">
              {t('selfCheck.notEligible')}
            </Tag>
          )}
          {ev.route && (
            <Typography.Text type="secondary" data-testid="tier-route">
              {t('selfCheck.route', { route: routeLabel(t, ev.route) })}
            </Typography.Text>
          )}
          <Tooltip title={rulesetName(t, ev.ruleset)}>
            <Tag data-testid="tier-ruleset">{rulesetShortName(t, ev.ruleset)}</Tag>
          </Tooltip>
        </Space>
      }
      extra={
        <Typography.Text strong style={{ fontSize: 18 }} data-testid="tier-score">
          {ev.score !== null ? t('selfCheck.scoreValue', { score: ev.score }) : scored ? t('selfCheck.scoreUnknown') : t('selfCheck.noScore')}
        </Typography.Text>
      }
      style={{ marginBottom: 16 }}
    >
      {scored && (
        <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }} data-testid="tier-subtotals">
          <Typography.Text type="secondary">{t('selfCheck.subtotals')}</Typography.Text>
          {subtotals.map((s) => (
            <Tag key={s.group} data-testid={`subtotal-${s.group}`}>
              {groupLabel(t, s.group)} {s.points ?? '—'} / {s.max}
            </Tag>
          ))}
        </Flex>
      )}
      <CriteriaTable evaluation={ev} />
      <Divider style={{ margin: '12px 0' }} />
      <MissingInputs enterpriseId={enterpriseId} missing={ev.missing} canEdit={canEdit} />
    </Card>
  );
}
