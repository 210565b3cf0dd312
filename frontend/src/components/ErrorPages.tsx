import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '@/lib/api/errors';

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <Result
      data-testid="page-403"
      status="403"
      title="403"
      subTitle={t('errorPages.forbidden')}
      extra={
        <Link to="/">
          <Button type="primary">{t('errorPages.home')}</Button>
        </Link>
      }
    />
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Result
      data-testid="page-404"
      status="404"
      title="404"
      subTitle={t('errorPages.notFound')}
      extra={
        <Link to="/">
          <Button type="primary">{t('errorPages.home')}</Button>
        </Link>
      }
    />
  );
}

/** ErrorPage is the friendly face of an unexpected failure; it never shows a stack trace. */
export function ErrorPage({ onRetry }: { onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Result
      data-testid="page-error"
      status="error"
      title={t('errorPages.errorTitle')}
      subTitle={t('errorPages.errorBody')}
      extra={
        <Button type="primary" onClick={onRetry ?? (() => window.location.reload())}>
          {t('errorPages.reload')}
        </Button>
      }
    />
  );
}

/** QueryErrorPage shows the page a failed load deserves: 403, 404, or a retry. */
export function QueryErrorPage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (isApiError(error) && error.status === 403) return <ForbiddenPage />;
  if (isApiError(error) && error.status === 404) return <NotFoundPage />;
  return <ErrorPage onRetry={onRetry} />;
}
