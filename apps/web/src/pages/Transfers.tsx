import { ModalForm, PageContainer, ProFormTextArea, ProTable } from '@ant-design/pro-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, type Page } from '../api/client';
import { useCodes } from '../codes';
import { TransferDrawer } from '../components/DecisionDrawers';
import { NewTransfer } from '../components/NewTransfer';
import { tableDate } from '../format';
import { useUser } from '../session';
import type { Transfer } from '../workbench';

/**
 * 调动: transfers of the county's teachers and into it, filtered by status, each opening in a drawer (accept or reject one
 * waiting for the county). A county officer transfers a teacher and withdraws one not yet executed; the province
 * administrator grants an exception to one the anti-poaching rule blocked.
 */
export default function Transfers() {
  const { t, i18n } = useTranslation();
  const { options, valueEnum } = useCodes();
  const user = useUser();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<Transfer | null>(null);
  const [status, setStatus] = useState<string | undefined>(undefined);
  const [excepting, setExcepting] = useState<Transfer | null>(null);
  const en = i18n.language === 'en';
  const transfers = useQuery({
    queryKey: ['transfers', 'list', status ?? 'all'],
    queryFn: () => api.get<Page<Transfer>>('/transfers', { status, pageSize: 200 }),
  });
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['transfers'] });
    await queryClient.invalidateQueries({ queryKey: ['workbench'] });
  };
  const cancel = useMutation({
    mutationFn: (transfer: Transfer) => api.post<Transfer>(`/transfers/${transfer.id}/cancel`),
    onSuccess: async () => {
      void message.success(t('transfers.cancelled'));
      await refresh();
    },
    onError: (error) => void message.error(error instanceof ApiError ? error.message : t('error.generic')),
  });
  const admin = user.role === 'PROVINCE_ADMIN';
  const mayCancel = (row: Transfer) =>
    (row.status === 'PENDING' || row.status === 'BLOCKED') && (admin || (user.role === 'COUNTY_OFFICER' && row.fromCountyId === user.countyId));

  return (
    <PageContainer title={t('menu.transfers')} extra={user.role === 'COUNTY_OFFICER' && <NewTransfer onDone={refresh} />}>
      <ProTable<Transfer>
        rowKey="id"
        search={false}
        options={false}
        loading={transfers.isLoading}
        dataSource={transfers.data?.items ?? []}
        pagination={{ pageSize: 20 }}
        toolBarRender={() => [
          <Select
            key="status"
            allowClear
            aria-label={t('field.status')}
            placeholder={t('transfers.allStatuses')}
            style={{ width: 200 }}
            value={status}
            onChange={setStatus}
            options={options('transferStatuses')}
          />,
        ]}
        columns={[
          { title: t('field.teacher'), dataIndex: 'teacherName', render: (_dom, row) => `${row.teacherName}（${row.staffNo}）` },
          { title: t('field.fromSchool'), dataIndex: 'fromSchoolName' },
          { title: t('field.toSchool'), dataIndex: 'toSchoolName' },
          {
            title: t('transfers.crossCounty'),
            dataIndex: 'crossCounty',
            render: (_dom, row) => (row.crossCounty ? <Tag>{t('transfers.crossCounty')}</Tag> : ''),
          },
          { title: t('field.effectiveDate'), dataIndex: 'effectiveDate', render: (_dom, row) => tableDate(row.effectiveDate) },
          {
            title: t('field.status'),
            dataIndex: 'status',
            valueEnum: valueEnum('transferStatuses'),
            render: (dom, row) =>
              row.status === 'BLOCKED' ? (
                <Space direction="vertical" size={0} style={{ maxWidth: 320 }}>
                  {dom}
                  <Typography.Text>{en ? row.poaching.reason.en : row.poaching.reason.zh}</Typography.Text>
                </Space>
              ) : (
                dom
              ),
          },
          {
            title: t('field.actions'),
            valueType: 'option',
            render: (_dom, row) => [
              <Button key="open" size="small" onClick={() => setOpen(row)} aria-label={t('workbench.openTransfer', { name: row.teacherName })}>
                {t('decision.open')}
              </Button>,
              mayCancel(row) && (
                <Popconfirm
                  key="cancel"
                  title={t('transfers.cancelConfirm', { name: row.teacherName, school: row.toSchoolName })}
                  okText={t('transfers.cancel')}
                  cancelText={t('transfers.keep')}
                  onConfirm={() => cancel.mutate(row)}
                >
                  <Button size="small" danger aria-label={t('transfers.cancelOne', { name: row.teacherName })}>
                    {t('transfers.cancel')}
                  </Button>
                </Popconfirm>
              ),
              admin && row.status === 'BLOCKED' && (
                <Button
                  key="exception"
                  size="small"
                  onClick={() => setExcepting(row)}
                  aria-label={t('transfers.exceptionOne', { name: row.teacherName })}
                >
                  {t('transfers.exception')}
                </Button>
              ),
            ],
          },
        ]}
      />
      <TransferDrawer transfer={open} onClose={() => setOpen(null)} />
      <ModalForm<{ reason: string }>
        name="transfer-exception"
        open={!!excepting}
        title={t('transfers.exceptionTitle', { name: excepting?.teacherName ?? '' })}
        modalProps={{ destroyOnHidden: true, onCancel: () => setExcepting(null) }}
        onFinish={async (values) => {
          if (!excepting) return false;
          try {
            await api.post(`/transfers/${excepting.id}/exception`, { reason: values.reason });
            void message.success(t('transfers.exceptionDone'));
            setExcepting(null);
            await refresh();
            return true;
          } catch (error) {
            void message.error(error instanceof ApiError ? error.message : t('error.generic'));
            return false;
          }
        }}
      >
        {excepting && (
          <Typography.Paragraph>
            {`${t('transfers.poaching')}：${en ? excepting.poaching.reason.en : excepting.poaching.reason.zh}`}
          </Typography.Paragraph>
        )}
        <ProFormTextArea
          name="reason"
          label={t('transfers.exceptionReason')}
          fieldProps={{ maxLength: 1000 }}
          rules={[{ required: true, whitespace: true, message: t('decision.reasonRequired') }]}
        />
      </ModalForm>
    </PageContainer>
  );
}
