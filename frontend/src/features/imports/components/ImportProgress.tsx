import { Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '@/lib/format';
import type { Import } from '../api/get-import';
import { progressPercent } from './import-view';

/** ImportProgress is the bar of a running job: rows checked (validating) or written (importing) of all. */
export function ImportProgress({ im, phase }: { im: Import; phase: 'reading' | 'validating' | 'importing' }) {
  const { t, i18n } = useTranslation();
  const percent = phase === 'reading' ? 0 : progressPercent(im);
  const text =
    phase === 'reading'
      ? t('imports.progress.reading')
      : t(`imports.progress.${phase}`, { processed: formatNumber(Math.min(im.processed_rows, im.total_rows), i18n.language), total: formatNumber(im.total_rows, i18n.language) });
  return (
    <div data-testid="import-progress" data-phase={phase} data-percent={percent}>
      <Typography.Text data-testid="import-progress-text">{text}</Typography.Text>
      <Progress percent={percent} status="active" />
      <Typography.Text type="secondary">{t('imports.progress.note')}</Typography.Text>
    </div>
  );
}
