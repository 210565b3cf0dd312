import { Button, Flex, Result, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AuthCard } from '../components/AuthCard';
import { RegisterForm } from '../components/RegisterForm';

export function Component() {
  const { t } = useTranslation();
  const [done, setDone] = useState(false);
  return (
    <AuthCard title={t('auth.registerTitle')} width={520}>
      {done ? (
        <Result
          data-testid="register-success"
          status="success"
          title={t('auth.registeredTitle')}
          subTitle={t('auth.registeredBody')}
          extra={
            <Link to="/login">
              <Button type="primary">{t('auth.backToSignIn')}</Button>
            </Link>
          }
        />
      ) : (
        <>
          <RegisterForm onSuccess={() => setDone(true)} />
          <Flex justify="center" style={{ marginTop: 16 }}>
            <Typography.Text type="secondary">
              {t('auth.haveAccount')} <Link to="/login">{t('auth.signIn')}</Link>
            </Typography.Text>
          </Flex>
        </>
      )}
    </AuthCard>
  );
}
