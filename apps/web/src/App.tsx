import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { ApiError } from './api/client';
import { router } from './routes';
import { SessionProvider } from './session';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 401, 403 or 404 will not change by asking again.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

export function App() {
  const { i18n } = useTranslation();
  const zh = i18n.language !== 'en';
  dayjs.locale(zh ? 'zh-cn' : 'en');
  return (
    <ConfigProvider
      locale={zh ? zhCN : enUS}
      // Colours darkened where antd's defaults fall below a 4.5:1 contrast: the primary blue and its hover (white text on
      // it, it on white), links, error messages, secondary text.
      theme={{
        token: {
          colorPrimary: '#0958d9',
          colorPrimaryHover: '#003eb3',
          colorPrimaryActive: '#002c8c',
          colorLink: '#0958d9',
          colorLinkHover: '#003eb3',
          colorInfo: '#0958d9',
          colorError: '#cf1322',
          colorErrorHover: '#a8071a',
          colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
          colorTextDescription: 'rgba(0, 0, 0, 0.62)',
        },
      }}
    >
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <SessionProvider>
            <RouterProvider router={router} />
          </SessionProvider>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
