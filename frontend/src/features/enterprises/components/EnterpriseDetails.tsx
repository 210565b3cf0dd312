import { Descriptions, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useIndustryName } from '@/features/reference/components/industry-name';
import { useRegionName } from '@/features/reference/components/region-name';
import { formatDate, formatDateTime } from '@/lib/format';
import type { Enterprise } from '../api/get-enterprises';
import { LISTING_RESERVE_TAG } from './enterprise-constants';

const dash = (v: string | null | undefined) => (v ? v : '—');

/** EnterpriseDetails shows every field of an enterprise, names resolved. */
export function EnterpriseDetails({ enterprise: e }: { enterprise: Enterprise }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const regionName = useRegionName();
  const industryName = useIndustryName();
  const yesNo = e.strategic_emerging === null ? '—' : e.strategic_emerging ? t('common.yes') : t('common.no');
  return (
    <Descriptions bordered column={{ xs: 1, md: 2 }} size="middle" data-testid="enterprise-details">
      <Descriptions.Item label={t('enterprise.fields.name')} span="filled">
        <span data-testid="enterprise-name">{e.name}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('enterprise.fields.credit_code')}>
        <Space>
          <Typography.Text code copyable data-testid="enterprise-credit-code">
            {e.credit_code}
          </Typography.Text>
          {e.credit_code_override && (
            <Tooltip title={t('enterprise.overrideHelp')}>
              <Tag color="orange">{t('enterprise.overrideTag')}</Tag>
            </Tooltip>
          )}
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={t('enterprise.fields.region')}>
        {regionName(e.region_code, e.region_name)} <Typography.Text type="secondary">({e.region_code})</Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('enterprise.fields.industry')}>
        {e.industry_code ? `${e.industry_code} ${industryName(e.industry_code, e.industry_name)}` : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('enterprise.fields.size_class')}>
        {e.size_class ? t(`enterprise.sizeClass.${e.size_class}`) : <Typography.Text type="secondary">{t('enterprise.sizeClassUnknown')}</Typography.Text>}
      </Descriptions.Item>
      <Descriptions.Item label={t('enterprise.fields.founded_on')}>{dash(formatDate(e.founded_on, lang))}</Descriptions.Item>
      <Descriptions.Item label={t('enterprise.fields.address')}>{dash(e.address)}</Descriptions.Item>
      <Descriptions.Item label={t('enterprise.fields.main_products')} span="filled">
        {dash(e.main_products)}
      </Descriptions.Item>
      <Descriptions.Item label={t('enterprise.fields.niche_market')}>{dash(e.niche_market)}</Descriptions.Item>
      <Descriptions.Item label={t('enterprise.fields.niche_market_since')}>{dash(formatDate(e.niche_market_since, lang))}</Descriptions.Item>
      <Descriptions.Item label={t('enterprise.fields.strategic_emerging')}>{yesNo}</Descriptions.Item>
      <Descriptions.Item label={t('enterprise.fields.contact_person')}>{dash(e.contact_person)}</Descriptions.Item>
      <Descriptions.Item label={t('enterprise.fields.contact_phone')}>{dash(e.contact_phone)}</Descriptions.Item>
      <Descriptions.Item label={t('enterprise.fields.liaison_officer')}>{dash(e.liaison_officer_name)}</Descriptions.Item>
      <Descriptions.Item label={t('enterprise.fields.tags')} span="filled">
        {e.tags.length === 0
          ? '—'
          : e.tags.map((tag) => (
              <Tag key={tag} color={tag === LISTING_RESERVE_TAG ? 'gold' : undefined}>
                {tag}
              </Tag>
            ))}
      </Descriptions.Item>
      <Descriptions.Item label={t('enterprise.fields.created_at')}>{formatDateTime(e.created_at, lang)}</Descriptions.Item>
      <Descriptions.Item label={t('enterprise.fields.updated_at')}>{formatDateTime(e.updated_at, lang)}</Descriptions.Item>
    </Descriptions>
  );
}
