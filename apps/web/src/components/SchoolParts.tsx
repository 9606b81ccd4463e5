import { ProCard } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Descriptions, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, type Page, type Schemas } from '../api/client';
import { useCodes } from '../codes';
import { SEVERITY_COLOURS } from '../colours';
import { tableDate } from '../format';
import type { ShortageFlag } from '../workbench';

type Staffing = Schemas['SchoolStaffingResponse'];

/** A school's staffing today: standard quota explained part by part, allocation, on-quota headcount, vacancy. */
export function SchoolStaffingCard({ schoolId }: { schoolId: string }) {
  const { t, i18n } = useTranslation();
  const { label } = useCodes();
  const en = i18n.language === 'en';
  const staffing = useQuery({ queryKey: ['school', schoolId, 'staffing'], queryFn: () => api.get<Staffing>(`/schools/${schoolId}/staffing`) });
  const q = staffing.data;
  return (
    <ProCard title={t('school.staffing')} headerBordered loading={staffing.isLoading} style={{ marginBottom: 16 }}>
      {q && (
        <>
          <Descriptions column={3} size="small" style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('school.standardQuota')}>{q.standardQuota ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('school.allocatedQuota')}>{q.allocatedQuota ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('school.headcount')}>{q.onQuotaHeadcount}</Descriptions.Item>
            <Descriptions.Item label={t('school.vacancy')}>{q.vacancy ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('field.status')}>{label('staffingStatuses', q.status)}</Descriptions.Item>
            <Descriptions.Item label={t('school.asOf')}>{tableDate(q.asOf)}</Descriptions.Item>
          </Descriptions>
          <ul data-testid="quota-breakdown">
            {q.breakdown.map((part, index) => (
              <li key={index}>{en ? part.summary.en : part.summary.zh}</li>
            ))}
          </ul>
        </>
      )}
    </ProCard>
  );
}

/** A school's shortage flags open now. */
export function SchoolOpenFlags({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
  const { label } = useCodes();
  const flags = useQuery({
    queryKey: ['flags', 'school', schoolId],
    queryFn: () => api.get<Page<ShortageFlag>>('/shortage-flags', { schoolId, status: 'OPEN', pageSize: 100 }),
  });
  return (
    <ProCard title={t('shortages.openFlags')} headerBordered style={{ marginBottom: 16 }}>
      <Table<ShortageFlag>
        rowKey="id"
        size="small"
        pagination={false}
        loading={flags.isLoading}
        dataSource={flags.data?.items ?? []}
        columns={[
          { title: t('field.subject'), dataIndex: 'subject', render: (value: string | null) => label('subjects', value) || '—' },
          { title: t('field.kind'), dataIndex: 'kind', render: (value: string) => label('shortageKinds', value) },
          {
            title: t('field.severity'),
            dataIndex: 'severity',
            render: (_value, row) => <Tag color={SEVERITY_COLOURS[row.severity]}>{label('shortageSeverities', row.severity)}</Tag>,
          },
          { title: t('shortages.gap'), dataIndex: 'gap' },
          { title: t('field.openedAt'), dataIndex: 'openedAt', render: (value: string) => tableDate(value) },
        ]}
      />
    </ProCard>
  );
}
