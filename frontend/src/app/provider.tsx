import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { App as AntdApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AppErrorBoundary } from '@/components/ErrorBoundary';
import { ToastBridge } from '@/components/ToastBridge';
import { meQueryKey } from '@/features/auth/api/get-me';
import { setUnauthorizedHandler } from '@/lib/api/client';
import { makeQueryClient } from '@/lib/query-client';

/** onSessionLost forgets the user; the auth guard then sends the browser to /login. */
function wireSession(client: QueryClient): QueryClient {
  setUnauthorizedHandler(() => {
    if (client.getQueryData(meQueryKey) !== null) client.setQueryData(meQueryKey, null);
  });
  return client;
}

function LocalizedAntd({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'en-US' ? enUS : zhCN} theme={{ token: { colorPrimary: '#1f5fbf' } }}>
      <AntdApp>
        <ToastBridge />
        {children}
      </AntdApp>
    </ConfigProvider>
  );
}

/** RefetchOnLanguageChange reloads server data, whose messages and names follow the language. */
function RefetchOnLanguageChange({ client }: { client: QueryClient }) {
  const { i18n } = useTranslation();
  useEffect(() => {
    const onChange = () => void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'reference' && q.queryKey[0] !== 'auth' });
    i18n.on('languageChanged', onChange);
    return () => i18n.off('languageChanged', onChange);
  }, [client, i18n]);
  return null;
}

/** AppProvider holds everything the pages rely on: queries, language, antd's locale and toasts. */
export function AppProvider({ children, queryClient }: { children: ReactNode; queryClient?: QueryClient }) {
  const [client] = useState(() => wireSession(queryClient ?? makeQueryClient()));
  return (
    <AppErrorBoundary>
      <QueryClientProvider client={client}>
        <RefetchOnLanguageChange client={client} />
        <LocalizedAntd>{children}</LocalizedAntd>
      </QueryClientProvider>
    </AppErrorBoundary>
  );
}
