import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { landingPath } from '@/app/layout/menu';
import { safeRedirect } from '@/lib/redirect';
import { useMe, type Me } from '../api/get-me';
import { AuthCard } from '../components/AuthCard';
import { LoginForm } from '../components/LoginForm';

export function Component() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const redirect = safeRedirect(params.get('redirect'));
  const { data: me } = useMe();

  const goOn = (user: Me) => navigate(redirect ?? landingPath(user), { replace: true });

  if (me) return <Navigate to={redirect ?? landingPath(me)} replace />;

  return (
    <AuthCard title={t('auth.signInTitle')}>
      <LoginForm onSuccess={goOn} />
      <Flex justify="center" style={{ marginTop: 16 }}>
        <Typography.Text type="secondary">
          {t('auth.noAccount')} <Link to="/register">{t('auth.registerLink')}</Link>
        </Typography.Text>
      </Flex>
    </AuthCard>
  );
}
