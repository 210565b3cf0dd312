import { Descriptions, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '@/lib/format';
import type { Enterprise } from '../api/get-enterprises';

/** FactsView shows the profile's criteria facts, with "none" and "not known" told apart. */
export function FactsView({ enterprise: e }: { enterprise: Enterprise }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;

  const flag = (v: boolean | null | undefined) =>
    v === null || v === undefined ? <Typography.Text type="secondary">{t('common.unknown')}</Typography.Text> : v ? t('common.yes') : t('common.no');

  /** list shows null as "not known", [] as "none", and the items otherwise. */
  function list<T>(items: T[] | null | undefined, render: (item: T, i: number) => ReactNode, testId: string) {
    if (items === null || items === undefined) {
      return (
        <Typography.Text type="secondary" data-testid={testId}>
          {t('facts.listUnknown')}
        </Typography.Text>
      );
    }
    if (items.length === 0) return <span data-testid={testId}>{t('facts.listNone')}</span>;
    return (
      <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid={testId}>
        {items.map((item, i) => (
          <li key={i}>{render(item, i)}</li>
        ))}
      </ul>
    );
  }

  return (
    <Descriptions
      bordered
      column={1}
      size="middle"
      data-testid="facts-view"
      items={[
        { key: 'abnormal', label: t('facts.abnormal_or_dishonest_listed'), children: flag(e.abnormal_or_dishonest_listed) },
        { key: 'incident', label: t('facts.major_incident_or_violation_3y'), children: flag(e.major_incident_or_violation_3y) },
        {
          key: 'field_class',
          label: t('facts.field_class'),
          children: e.field_class ? (
            t(`criteria.fieldClasses.${e.field_class}`)
          ) : (
            <Typography.Text type="secondary">{t('common.unknown')}</Typography.Text>
          ),
        },
        { key: 'key_field', label: t('facts.key_field'), children: flag(e.key_field) },
        { key: 'key_chain_link', label: t('facts.key_chain_link'), children: flag(e.key_chain_link) },
        {
          key: 'honours',
          label: t('facts.honours'),
          children: list(
            e.honours,
            (h) => (
              <>
                <Tag color="blue">{t(`criteria.honours.${h.code}`)}</Tag>
                {h.valid_until
                  ? t('facts.honour.validity', { from: formatDate(h.valid_from, lang), until: formatDate(h.valid_until, lang) })
                  : t('facts.honour.openEnded', { from: formatDate(h.valid_from, lang) })}
                {h.certificate_no && (
                  <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                    {t('facts.honour.certificate_no')} {h.certificate_no}
                  </Typography.Text>
                )}
              </>
            ),
            'facts-honours',
          ),
        },
        {
          key: 'awards',
          label: t('facts.awards'),
          children: list(
            e.awards,
            (a) => (
              <>
                {t('units.yearLabel', { year: a.year })} <Tag>{t(`criteria.awardLevels.${a.level}`)}</Tag>
                {t('facts.award.rankValue', { rank: a.rank })}
                {a.name && <Typography.Text style={{ marginInlineStart: 8 }}>{a.name}</Typography.Text>}
              </>
            ),
            'facts-awards',
          ),
        },
        {
          key: 'makers_china',
          label: t('facts.makers_china'),
          children: list(
            e.makers_china,
            (m) => (
              <>
                {t('units.yearLabel', { year: m.year })} {m.top === 50 ? t('facts.makers.top50') : t('facts.makers.top500')}
              </>
            ),
            'facts-makers',
          ),
        },
      ]}
    />
  );
}
