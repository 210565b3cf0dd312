import { Alert, Flex, Select, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { QueryErrorPage } from '@/components/ErrorPages';
import { useAnnualReports } from '@/features/annual-reports/api/get-annual-reports';
import { isApiError } from '@/lib/api/errors';
import { useEligibility, type EligibilityParams } from '../api/get-eligibility';
import { RULESETS, rulesetName } from './criteria-text';
import { TierResultCard } from './TierResultCard';

function parseYear(raw: string | null): number | undefined {
  return raw && /^\d{4}$/.test(raw) ? Number(raw) : undefined;
}

/**
 * SelfCheck is the 自评 tab: every tier evaluated from the registry's facts, for a report year and
 * under a ruleset chosen in the URL (by default, the server's choice).
 */
export function SelfCheck({ enterpriseId, canEdit }: { enterpriseId: number; canEdit: boolean }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const query: EligibilityParams = { report_year: parseYear(params.get('report_year')), ruleset: params.get('ruleset') || undefined };
  const { data, isPending, error, refetch } = useEligibility(enterpriseId, query);
  const reports = useAnnualReports(enterpriseId);

  const choose = (changes: Record<string, string | undefined>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(changes)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      return next;
    });

  // A chosen year or ruleset the server refuses (422) is explained here; anything else is the page's error.
  const refused = isApiError(error) && error.status === 422 ? error : undefined;
  if (error && !refused && !data) return <QueryErrorPage error={error} onRetry={() => void refetch()} />;

  const year = query.report_year ?? data?.report_year;
  const ruleset = query.ruleset ?? data?.ruleset;
  const years = new Set<number>(reports.data?.items.map((r) => r.year) ?? []);
  if (year) years.add(year);
  const rulesets = new Set<string>(RULESETS);
  if (ruleset) rulesets.add(ruleset);

  return (
    <>
      <Typography.Paragraph type="secondary">{t('selfCheck.intro')}</Typography.Paragraph>
      <Flex wrap gap={16} align="center" style={{ marginBottom: 16 }}>
        <label>
          <Typography.Text style={{ marginInlineEnd: 8 }}>{t('selfCheck.reportYear')}</Typography.Text>
          <Select<number>
            value={year}
            onChange={(y) => choose({ report_year: String(y) })}
            options={[...years].sort((a, b) => b - a).map((y) => ({ value: y, label: t('units.yearLabel', { year: y }) }))}
            style={{ width: 120 }}
            aria-label={t('selfCheck.reportYear')}
            data-testid="self-check-year"
          />
        </label>
        <label>
          <Typography.Text style={{ marginInlineEnd: 8 }}>{t('selfCheck.ruleset')}</Typography.Text>
          <Select<string>
            value={ruleset}
            onChange={(r) => choose({ ruleset: r })}
            options={[...rulesets].map((r) => ({ value: r, label: rulesetName(t, r) }))}
            style={{ width: 340 }}
            popupMatchSelectWidth={false}
            aria-label={t('selfCheck.ruleset')}
            data-testid="self-check-ruleset"
          />
        </label>
      </Flex>
      {refused && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('selfCheck.refused', { message: refused.fields.map((f) => f.message).join('; ') || refused.message })}
          data-testid="self-check-refused"
        />
      )}
      {isPending && !refused && <Skeleton active />}
      {data && !refused && (
        <div data-testid="self-check">
          {data.results.map((ev) => (
            <TierResultCard key={ev.tier} evaluation={ev} enterpriseId={enterpriseId} canEdit={canEdit} />
          ))}
        </div>
      )}
    </>
  );
}
