import { PageContainer, ProTable } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Button, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../api/client';
import { useCodes } from '../codes';
import { TransferDrawer } from '../components/DecisionDrawers';
import { tableDate } from '../format';
import type { Transfer } from '../workbench';

/** 调动: transfers of the county's teachers and into it, each opening in a drawer (accept or reject one waiting for the county). */
export default function Transfers() {
  const { t } = useTranslation();
  const { valueEnum } = useCodes();
  const [open, setOpen] = useState<Transfer | null>(null);
  const transfers = useQuery({ queryKey: ['transfers', 'list'], queryFn: () => api.get<Page<Transfer>>('/transfers', { pageSize: 200 }) });
  return (
    <PageContainer title={t('menu.transfers')}>
      <ProTable<Transfer>
        rowKey="id"
        search={false}
        options={false}
        loading={transfers.isLoading}
        dataSource={transfers.data?.items ?? []}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t('field.teacher'), dataIndex: 'teacherName' },
          { title: t('field.fromSchool'), dataIndex: 'fromSchoolName' },
          { title: t('field.toSchool'), dataIndex: 'toSchoolName' },
          {
            title: t('transfers.crossCounty'),
            dataIndex: 'crossCounty',
            render: (_dom, row) => (row.crossCounty ? <Tag>{t('transfers.crossCounty')}</Tag> : ''),
          },
          { title: t('field.effectiveDate'), dataIndex: 'effectiveDate', render: (_dom, row) => tableDate(row.effectiveDate) },
          { title: t('field.status'), dataIndex: 'status', valueEnum: valueEnum('transferStatuses') },
          {
            title: t('field.actions'),
            valueType: 'option',
            render: (_dom, row) => [
              <Button key="open" size="small" onClick={() => setOpen(row)} aria-label={t('workbench.openTransfer', { name: row.teacherName })}>
                {t('decision.open')}
              </Button>,
            ],
          },
        ]}
      />
      <TransferDrawer transfer={open} onClose={() => setOpen(null)} />
    </PageContainer>
  );
}
