import { useQueryClient } from '@tanstack/react-query';
import { Alert, Card, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { NotFoundPage, QueryErrorPage } from '@/components/ErrorPages';
import { PageHeader } from '@/components/PageHeader';
import { useCurrentUser } from '@/features/auth/components/current-user';
import { importsQueryKey, useImport, type Import, type ImportKind } from '../api/get-import';
import { useImports } from '../api/get-imports';
import { importKindsFor, isImportKind } from '../components/import-view';
import { ImportList } from '../components/ImportList';
import { ImportPanel } from '../components/ImportPanel';
import { ImportStart } from '../components/ImportStart';

const LIST_PAGE_SIZE = 10;

function parseId(raw: string | undefined): number | null | undefined {
  if (raw === undefined) return undefined;
  const id = Number(raw);
  return Number.isInteger(id) && id > 0 ? id : null;
}

/**
 * The imports page: at /imports a new import (kind, template, file); at /imports/:id one import
 * followed while its job runs (a reload picks it up again), then its problems, its confirmation
 * or its result. The user's recent imports are listed below either.
 */
export function Component() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const id = parseId(useParams().id);
  const [params, setParams] = useSearchParams();

  const kinds = importKindsFor(me);
  const asked = params.get('kind');
  const kind: ImportKind = isImportKind(asked) && kinds.includes(asked) ? asked : (kinds[0] ?? 'enterprises');
  const listPage = Math.max(1, Number(params.get('page')) || 1);

  const current = useImport(id ?? undefined);
  const list = useImports({ page: listPage, page_size: LIST_PAGE_SIZE });
  const status = current.data?.status;
  // The open import as polled is newer than the list's copy of it.
  const listed = (list.data?.items ?? []).map((im) => (current.data && im.id === current.data.id ? current.data : im));

  // As the open import moves on, the list's tag follows; once written, every list may have changed.
  useEffect(() => {
    if (!status) return;
    void queryClient.invalidateQueries({ queryKey: [...importsQueryKey, 'list'] });
    if (status === 'done') void queryClient.invalidateQueries({ predicate: (q) => !['reference', 'auth', importsQueryKey[0]].includes(String(q.queryKey[0])) });
  }, [status, queryClient]);

  if (id === null) return <NotFoundPage />;
  if (current.error && !current.data) return <QueryErrorPage error={current.error} onRetry={() => void current.refetch()} />;

  const open = (im: Import) => navigate(`/imports/${im.id}`);
  const setParam = (key: string, value: string | undefined) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  return (
    <>
      <PageHeader title={t('imports.title')} />
      <Typography.Paragraph type="secondary">{t('imports.intro')}</Typography.Paragraph>
      {id === undefined ? (
        <ImportStart kinds={kinds} kind={kind} onKind={(k) => setParam('kind', k === kinds[0] ? undefined : k)} onUploaded={open} />
      ) : current.data ? (
        <div style={{ marginBottom: 16 }}>
          <ImportPanel im={current.data} pollError={current.isError ? current.error : null} onUploaded={open} />
        </div>
      ) : (
        <Card loading style={{ marginBottom: 16 }} />
      )}
      <Card size="small" title={t('imports.recent.title')}>
        {list.error && !list.data && <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 12 }} />}
        <ImportList
          items={listed}
          total={list.data?.total ?? 0}
          page={listPage}
          pageSize={LIST_PAGE_SIZE}
          loading={list.isPending}
          openId={id ?? undefined}
          onOpen={open}
          onPage={(p) => setParam('page', p === 1 ? undefined : String(p))}
        />
      </Card>
    </>
  );
}
