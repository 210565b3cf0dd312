import { AuditOutlined, BankOutlined, CalendarOutlined, ClockCircleOutlined, StopOutlined, DashboardOutlined, CheckSquareOutlined, CloudUploadOutlined, DownOutlined, EnvironmentOutlined, FileTextOutlined, LockOutlined, LogoutOutlined, RiseOutlined, SafetyCertificateOutlined, ShopOutlined, SolutionOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Flex, Layout, Menu, Spin, Tag, theme, Typography } from 'antd';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '@/components/LanguageSwitch';
import type { Me } from '@/features/auth/api/get-me';
import { useLogout } from '@/features/auth/api/logout';
import { useCurrentUser } from '@/features/auth/components/current-user';
import { NotificationBell } from '@/features/notifications/components/NotificationBell';
import { navItemsFor, selectedNavKey, type NavKey } from './menu';

// The password form (antd's Form and Input) is loaded the first time it is opened, not with the shell.
const ChangePasswordModal = lazy(() =>
  import('@/features/auth/components/ChangePasswordModal').then((m) => ({ default: m.ChangePasswordModal })),
);

const ICONS: Record<NavKey, ReactNode> = {
  dashboard: <DashboardOutlined />,
  enterprises: <BankOutlined />,
  cultivation: <RiseOutlined />,
  imports: <CloudUploadOutlined />,
  registrations: <SolutionOutlined />,
  users: <TeamOutlined />,
  regions: <EnvironmentOutlined />,
  audit: <AuditOutlined />,
  'my-enterprise': <ShopOutlined />,
  review: <CheckSquareOutlined />,
  applications: <FileTextOutlined />,
  'my-applications': <FileTextOutlined />,
  batches: <CalendarOutlined />,
  qualifications: <SafetyCertificateOutlined />,
  'my-qualifications': <SafetyCertificateOutlined />,
  'annual-updates': <ClockCircleOutlined />,
  'cancellation-proposals': <StopOutlined />,
};

export function SideMenu({ me }: { me: Pick<Me, 'role' | 'enterprise_id'> }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const items = navItemsFor(me);
  const selected = selectedNavKey(pathname, items);
  return (
    <Menu
      mode="inline"
      data-testid="side-menu"
      selectedKeys={selected ? [selected] : []}
      items={items.map((item) => ({
        key: item.key,
        icon: ICONS[item.key],
        label: (
          <Link to={item.path} data-testid={`nav-${item.key}`}>
            {t(item.labelKey)}
          </Link>
        ),
      }))}
    />
  );
}

function UserMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();
  const [changingPassword, setChangingPassword] = useState(false);
  // Once opened the modal stays mounted, so that closing it still animates.
  const [passwordOpened, setPasswordOpened] = useState(false);
  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'password', icon: <LockOutlined />, label: <span data-testid="change-password">{t('header.changePassword')}</span> },
            { type: 'divider' },
            { key: 'logout', icon: <LogoutOutlined />, label: <span data-testid="sign-out">{t('header.signOut')}</span> },
          ],
          onClick: ({ key }) => {
            if (key === 'password') {
              setPasswordOpened(true);
              setChangingPassword(true);
            }
            if (key === 'logout') logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });
          },
        }}
      >
        <Button type="text" data-testid="user-menu">
          <UserOutlined />
          <span data-testid="current-user-name">{me.display_name}</span>
          <Tag data-testid="current-user-role" style={{ marginInline: 4 }}>
            {t(`roles.${me.role}`)}
          </Tag>
          <DownOutlined />
        </Button>
      </Dropdown>
      {passwordOpened && (
        <Suspense fallback={null}>
          <ChangePasswordModal open={changingPassword} onClose={() => setChangingPassword(false)} />
        </Suspense>
      )}
    </>
  );
}

/** AppLayout is the signed-in shell: the role's side menu, the header, and the page. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [collapsed, setCollapsed] = useState(false);
  const { token } = theme.useToken();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider theme="light" collapsible collapsed={collapsed} onCollapse={setCollapsed} breakpoint="lg" width={208}>
        <Flex align="center" justify="center" style={{ height: 56, paddingInline: 12 }}>
          <Typography.Text strong ellipsis data-testid="app-title">
            {collapsed ? t('app.shortTitle') : t('app.title')}
          </Typography.Text>
        </Flex>
        <SideMenu me={me} />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: 'transparent', paddingInline: 24 }}>
          <Flex justify="flex-end" align="center" gap={8} style={{ height: '100%' }}>
            <LanguageSwitch />
            <NotificationBell />
            <UserMenu me={me} />
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ margin: '0 24px 24px' }}>
          <div style={{ background: token.colorBgContainer, padding: 24, borderRadius: token.borderRadiusLG, minHeight: 360 }}>
            <Outlet />
          </div>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

export function FullPageSpin() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '60vh' }}>
      <Spin size="large" />
    </Flex>
  );
}
