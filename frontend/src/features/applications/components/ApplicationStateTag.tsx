import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicationState } from '../api/get-applications';
import { STATE_COLORS } from './workflow-rules';

export function ApplicationStateTag({ state, testId }: { state: ApplicationState; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLORS[state]} data-testid={testId ?? 'application-state'} data-state={state}>
      {t(`workflow.states.${state}`)}
    </Tag>
  );
}
