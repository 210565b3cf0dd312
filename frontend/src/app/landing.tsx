import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { useCurrentUser } from '@/features/auth/components/current-user';
import { landingPath } from './layout/menu';

/** Landing sends a signed-in user to the first item of its menu. */
export function Landing() {
  const me = useCurrentUser();
  return <Navigate to={landingPath(me)} replace />;
}

/** NoEnterprise is where an enterprise user lands whose account is bound to no enterprise. */
export function NoEnterprise() {
  const { t } = useTranslation();
  return <Result status="warning" title={t('auth.noEnterprise')} data-testid="no-enterprise" />;
}
