import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '@/components/LanguageSwitch';

/** AuthCard frames the pages one sees before signing in. */
export function AuthCard({ title, children, width = 400 }: { title: ReactNode; children: ReactNode; width?: number }) {
  const { t } = useTranslation();
  return (
    <Flex vertical align="center" style={{ minHeight: '100vh', padding: '48px 16px', background: '#f0f2f5' }}>
      <Flex justify="flex-end" style={{ width: '100%', maxWidth: width }}>
        <LanguageSwitch />
      </Flex>
      <Typography.Title level={3} style={{ textAlign: 'center' }} data-testid="app-title">
        {t('app.title')}
      </Typography.Title>
      <Card title={title} style={{ width: '100%', maxWidth: width }}>
        {children}
      </Card>
    </Flex>
  );
}
