import { PageContainer, ProCard } from '@ant-design/pro-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, type Schemas } from '../api/client';
import { tableTime } from '../format';

type NotificationPage = Schemas['NotificationPageResponse'];

/** The user's notices, newest first; reading one marks it read. */
export default function Notifications() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const en = i18n.language === 'en';
  const list = useQuery({ queryKey: ['notifications', 'all'], queryFn: () => api.get<NotificationPage>('/notifications', { pageSize: 100 }) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['notifications'] });
  const read = useMutation({ mutationFn: (id: string) => api.post(`/notifications/${id}/read`, {}), onSuccess: refresh });
  const readAll = useMutation({ mutationFn: () => api.post('/notifications/read-all', {}), onSuccess: refresh });
  return (
    <PageContainer
      title={t('menu.notifications')}
      extra={
        <Button onClick={() => readAll.mutate()} loading={readAll.isPending}>
          {t('notifications.readAll')}
        </Button>
      }
    >
      <ProCard>
        <List
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          renderItem={(item) => (
            <List.Item
              actions={
                item.readAt
                  ? []
                  : [
                      <Button
                        key="read"
                        size="small"
                        type="link"
                        onClick={() => read.mutate(item.id)}
                        aria-label={t('notifications.markRead', { title: en ? item.title.en : item.title.zh })}
                      >
                        {t('notifications.read')}
                      </Button>,
                    ]
              }
            >
              <List.Item.Meta
                title={
                  <Badge dot={!item.readAt} offset={[6, 0]}>
                    <Typography.Text strong={!item.readAt}>{en ? item.title.en : item.title.zh}</Typography.Text>
                  </Badge>
                }
                description={`${tableTime(item.createdAt)} · ${en ? item.body.en : item.body.zh}`}
              />
            </List.Item>
          )}
        />
      </ProCard>
    </PageContainer>
  );
}
