import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from '@ant-design/icons';
import { Card, Col, Flex, Row, Skeleton, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TIER_COLORS } from './chart-options';
import type { Change, TierCard } from './dashboard-data';
import type { DashboardWords } from './use-words';

function ChangeLine({ change, words, testId }: { change: Change; words: DashboardWords; testId: string }) {
  const { t } = useTranslation();
  if (change.previous === null) return <Skeleton.Input active size="small" style={{ height: 18 }} />;
  if (change.previous === 0 && change.value > 0) {
    return (
      <Typography.Text type="secondary" data-testid={testId}>
        {t('dashboard.cards.yoyNone')}
      </Typography.Text>
    );
  }
  const delta = change.change ?? 0;
  const color = delta > 0 ? '#389e0d' : delta < 0 ? '#cf1322' : undefined;
  const icon = delta > 0 ? <ArrowUpOutlined /> : delta < 0 ? <ArrowDownOutlined /> : <MinusOutlined />;
  return (
    <Typography.Text data-testid={testId}>
      <span style={{ color, fontWeight: 600 }}>
        {icon} {words.signed(delta)}
        {change.ratio !== null && ` (${words.signedPercent(change.ratio)})`}
      </span>{' '}
      <Typography.Text type="secondary">{t('dashboard.cards.yoy')}</Typography.Text>
    </Typography.Text>
  );
}

function Figure({ value, words }: { value: number; words: DashboardWords }) {
  const { t } = useTranslation();
  return (
    <Flex align="baseline" gap={4}>
      <span style={{ fontSize: 32, fontWeight: 600, lineHeight: 1.2 }} data-testid="dashboard-card-holders">
        {words.number(value)}
      </span>
      <Typography.Text type="secondary">{t('dashboard.cards.unit')}</Typography.Text>
    </Flex>
  );
}

function CardBody({ title, color, children }: { title: ReactNode; color: string; children: ReactNode }) {
  return (
    <Card size="small" hoverable style={{ height: '100%', borderInlineStart: `4px solid ${color}` }} styles={{ body: { padding: '12px 16px' } }}>
      <Typography.Text strong style={{ display: 'block', marginBottom: 4 }} ellipsis={{ tooltip: true }}>
        {title}
      </Typography.Text>
      {children}
    </Card>
  );
}

type Props = {
  cards: TierCard[] | undefined;
  holding: Change | undefined;
  words: DashboardWords;
  /** The qualification list whose rows are a tier's holders. */
  linkOf: (card: TierCard) => string;
};

/**
 * TierCards shows each tier's holders (top tier first) with the change against the same date a
 * year before, and the enterprises holding any tier; a tier's card opens the list of its holders.
 */
export function TierCards({ cards, holding, words, linkOf }: Props) {
  const { t } = useTranslation();
  if (!cards || !holding) {
    return (
      <Row gutter={[16, 16]}>
        {[0, 1, 2, 3].map((i) => (
          <Col key={i} xs={24} sm={12} lg={6}>
            <Card size="small">
              <Skeleton active paragraph={{ rows: 2 }} />
            </Card>
          </Col>
        ))}
      </Row>
    );
  }
  return (
    <Row gutter={[16, 16]} data-testid="dashboard-cards">
      {cards.map((card) => (
        <Col key={card.tier} xs={24} sm={12} lg={6}>
          <Tooltip title={t('dashboard.cards.open')}>
            <Link to={linkOf(card)} data-testid={`dashboard-card-${card.tier}`} style={{ display: 'block', height: '100%', color: 'inherit' }}>
              <CardBody title={words.tierName(card.tier)} color={TIER_COLORS[card.tier]}>
                <Figure value={card.holders.value} words={words} />
                <ChangeLine change={card.holders} words={words} testId="dashboard-card-change" />
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} data-testid="dashboard-card-highest">
                  {t('dashboard.cards.highest', { value: words.number(card.highestTierHolders) })}
                </Typography.Text>
              </CardBody>
            </Link>
          </Tooltip>
        </Col>
      ))}
      <Col xs={24} sm={12} lg={6}>
        <div data-testid="dashboard-card-holding" style={{ height: '100%' }}>
          <Card size="small" style={{ height: '100%', borderInlineStart: '4px solid #8c8c8c' }} styles={{ body: { padding: '12px 16px' } }}>
            <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>
              {t('dashboard.cards.enterprisesHolding')}
            </Typography.Text>
            <Figure value={holding.value} words={words} />
            <ChangeLine change={holding} words={words} testId="dashboard-card-change" />
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {t('dashboard.cards.enterprisesHoldingHint')}
            </Typography.Text>
          </Card>
        </div>
      </Col>
    </Row>
  );
}
