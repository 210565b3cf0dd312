import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRegionName } from '@/features/reference/components/region-name';
import { formatDateTime } from '@/lib/format';
import type { ApplicationStep } from '../api/get-application';

const STEP_COLORS: Record<string, string> = { return: 'orange', reject: 'red', withdraw: 'gray' };
const KNOWN_STEPS = ['submit', 'withdraw', 'pass', 'return', 'reject', 'record_result'] as const;
type KnownStep = (typeof KNOWN_STEPS)[number];
const isKnownStep = (a: string): a is KnownStep => (KNOWN_STEPS as readonly string[]).includes(a);

/** StepTimeline is an application's history: who did what when, from which state to which, and why. */
export function StepTimeline({ steps }: { steps: ApplicationStep[] }) {
  const { t, i18n } = useTranslation();
  const regionName = useRegionName();
  if (steps.length === 0) {
    return (
      <Typography.Text type="secondary" data-testid="history-empty">
        {t('workflow.detail.noHistory')}
      </Typography.Text>
    );
  }
  const color = (s: ApplicationStep) =>
    s.action === 'record_result' ? (s.to_state === 'approved' ? 'green' : 'red') : (STEP_COLORS[s.action] ?? 'blue');
  return (
    <Timeline
      data-testid="history"
      items={steps.map((s, i) => ({
        key: i,
        color: color(s),
        content: (
          <div data-testid="history-step" data-action={s.action}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(s.at, i18n.language)}
            </Typography.Text>
            <br />
            <Typography.Text strong>{isKnownStep(s.action) ? t(`workflow.steps.${s.action}`) : s.action}</Typography.Text>{' '}
            <Typography.Text type="secondary">
              {t('workflow.steps.transition', { from: t(`workflow.states.${s.from_state}`), to: t(`workflow.states.${s.to_state}`) })}
            </Typography.Text>
            <div>
              {t('workflow.steps.actor', {
                user: s.actor_username,
                role: s.region_code ? `${t(`roles.${s.actor_role}`)} · ${regionName(s.region_code)}` : t(`roles.${s.actor_role}`),
              })}
            </div>
            {s.comment && (
              <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }} data-testid="history-comment">
                <blockquote style={{ margin: 0, paddingInlineStart: 8, borderInlineStart: '3px solid #d9d9d9' }}>{s.comment}</blockquote>
              </Typography.Paragraph>
            )}
          </div>
        ),
      }))}
    />
  );
}
