import { PageContainer, ProTable } from '@ant-design/pro-components';
import { App, Button } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api, download, type Schemas } from '../api/client';
import { useCodes } from '../codes';
import { tableDate } from '../format';
import { useUser } from '../session';

type Row = Schemas['CountyEligibilityRowResponse'];
type Filters = { status?: string; title?: string };

/** 资格: every teacher of the county with their senior-title answer, filtered, and the same as a CSV or Excel download. */
export default function Eligibility() {
  const { t } = useTranslation();
  const { label, valueEnum } = useCodes();
  const user = useUser();
  const { message } = App.useApp();
  const filters = useRef<Filters>({});
  /** Every teacher matching the table's filters, as a file. */
  const save = (format: 'csv' | 'xlsx') =>
    void download(`/counties/${user.countyId}/eligibility`, { format, ...filters.current }, `eligibility-${user.countyId}.${format}`).catch(() =>
      message.error(t('error.generic')),
    );
  return (
    <PageContainer
      title={t('menu.eligibility')}
      extra={[
        <Button key="csv" onClick={() => save('csv')}>
          {t('eligibility.downloadCsv')}
        </Button>,
        <Button key="xlsx" onClick={() => save('xlsx')}>
          {t('eligibility.downloadXlsx')}
        </Button>,
      ]}
    >
      <ProTable<Row, Filters>
        rowKey="teacherId"
        options={false}
        form={{ name: 'eligibility-search' }}
        request={async (params) => {
          filters.current = { status: params.status, title: params.title };
          const page = await api.get<Schemas['CountyEligibilityResponse']>(`/counties/${user.countyId}/eligibility`, {
            status: params.status,
            title: params.title,
            page: params.current,
            pageSize: params.pageSize,
          });
          return { data: page.items, total: page.total, success: true };
        }}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t('field.staffNo'), dataIndex: 'staffNo', search: false },
          { title: t('field.name'), dataIndex: 'name', search: false },
          { title: t('field.school'), dataIndex: 'schoolName', search: false },
          {
            title: t('teacher.title'),
            dataIndex: 'title',
            valueEnum: valueEnum('titleLevels'),
            render: (_dom, row) => label('titleLevels', row.titleLevel),
          },
          { title: t('field.status'), dataIndex: 'status', valueEnum: valueEnum('eligibilityStatuses') },
          { title: t('eligibility.qualifyingDays'), dataIndex: 'qualifyingDays', search: false },
          {
            title: t('eligibility.earliestShort'),
            dataIndex: 'earliestServiceDate',
            search: false,
            render: (_dom, row) => tableDate(row.earliestServiceDate),
          },
        ]}
      />
    </PageContainer>
  );
}
