import { PageContainer, ProCard } from '@ant-design/pro-components';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';

/** Where the API serves the queue dashboard (outside the console and the API). */
const DASHBOARD = '/queues';

/**
 * 任务队列: the administrator opens the queue dashboard (failed headcount recounts and shortage scans, retried there) in a
 * new tab: a dashboard session is set in this browser first. A service that runs its jobs in process has no dashboard,
 * and the page says so instead of linking to nothing.
 */
export default function QueueDashboard() {
  const { t } = useTranslation();
  const open = useMutation({
    mutationFn: () => api.post<void>('/queue-dashboard/session'),
    onSuccess: () => void window.open(DASHBOARD, '_blank', 'noopener'),
  });
  const unavailable = open.error instanceof ApiError && open.error.code === 'QUEUE_DASHBOARD_UNAVAILABLE';

  return (
    <PageContainer title={t('menu.queues')}>
      <ProCard>
        <Typography.Paragraph>{t('queues.about')}</Typography.Paragraph>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Button type="primary" loading={open.isPending} disabled={unavailable} onClick={() => open.mutate()}>
            {t('queues.open')}
          </Button>
          {open.isSuccess && (
            <Alert
              type="success"
              showIcon
              message={t('queues.opened')}
              description={
                <a href={DASHBOARD} target="_blank" rel="noopener noreferrer">
                  {t('queues.link')}
                </a>
              }
            />
          )}
          {unavailable && (
            <Alert type="info" showIcon message={t('queues.unavailable')} description={t('queues.unavailableWhy')} data-testid="queues-unavailable" />
          )}
          {open.isError && !unavailable && (
            <Alert type="error" showIcon message={open.error instanceof ApiError ? open.error.message : t('error.generic')} />
          )}
        </Space>
      </ProCard>
    </PageContainer>
  );
}
