import { Button, Card, Flex, Grid, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { tierName } from '@/features/eligibility/components/criteria-text';
import type { NoticeEntry, PublicNotice } from '../api/get-public-notices';

type Props = {
  notice: PublicNotice;
  /** onObject opens the objection form for an entry; absent while objections are closed. */
  onObject?: (entry: NoticeEntry) => void;
};

/**
 * NoticeEntries lists the enterprises on a notice (name, credit code, tier, region; nothing else):
 * a table on a wide screen, one card each on a phone.
 */
export function NoticeEntries({ notice, onObject }: Props) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const tier = tierName(t, notice.tier, notice.ruleset);
  const objectButton = (entry: NoticeEntry) =>
    onObject && (
      <Button size="small" onClick={() => onObject(entry)} data-testid={`object-${entry.application_id}`}>
        {t('notices.public.object')}
      </Button>
    );

  if (screens.md === false) {
    return (
      <Flex vertical gap={8} data-testid="notice-entries">
        {notice.entries.map((entry, i) => (
          <Card key={entry.application_id} size="small" data-testid="notice-entry">
            <Flex justify="space-between" align="start" gap={8}>
              <div style={{ minWidth: 0 }}>
                <Typography.Text strong>
                  {i + 1}. {entry.enterprise_name}
                </Typography.Text>
                <div>
                  <Typography.Text type="secondary" copyable={{ text: entry.credit_code }} style={{ fontFamily: 'monospace' }}>
                    {entry.credit_code}
                  </Typography.Text>
                </div>
                <Typography.Text type="secondary">
                  {tier} · {entry.region_name}
                </Typography.Text>
              </div>
              {objectButton(entry)}
            </Flex>
          </Card>
        ))}
      </Flex>
    );
  }

  return (
    <Table<NoticeEntry>
      rowKey="application_id"
      size="middle"
      pagination={false}
      dataSource={notice.entries}
      data-testid="notice-entries"
      onRow={() => ({ 'data-testid': 'notice-entry' }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { key: 'no', title: t('notices.fields.no'), width: 64, render: (_v, _e, i) => i + 1 },
        { key: 'name', title: t('notices.fields.enterprise'), dataIndex: 'enterprise_name' },
        { key: 'code', title: t('notices.fields.creditCode'), dataIndex: 'credit_code', render: (code: string) => <span style={{ fontFamily: 'monospace' }}>{code}</span> },
        { key: 'tier', title: t('notices.fields.tier'), render: () => tier },
        { key: 'region', title: t('notices.fields.region'), dataIndex: 'region_name' },
        ...(onObject ? [{ key: 'object', title: t('notices.fields.objection'), width: 110, render: (_v: unknown, entry: NoticeEntry) => objectButton(entry) }] : []),
      ]}
    />
  );
}
