import { Flex, Layout, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitch } from '@/components/LanguageSwitch';

/** PublicShell frames the pages anyone may open without signing in: the bureau's name, the language, the page. */
export function PublicShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Layout style={{ minHeight: '100vh', background: '#f0f2f5' }}>
      <Layout.Header style={{ background: '#fff', paddingInline: 16, height: 'auto', lineHeight: 'normal', paddingBlock: 12 }}>
        <Flex justify="space-between" align="center" gap={8} style={{ maxWidth: 1080, margin: '0 auto' }}>
          <Link to="/notices" style={{ minWidth: 0 }}>
            <Typography.Text strong ellipsis data-testid="app-title">
              {t('notices.public.site')}
            </Typography.Text>
          </Link>
          <LanguageSwitch />
        </Flex>
      </Layout.Header>
      <Layout.Content style={{ padding: '16px 12px 32px' }}>
        <div style={{ maxWidth: 1080, margin: '0 auto' }}>{children}</div>
      </Layout.Content>
    </Layout>
  );
}
