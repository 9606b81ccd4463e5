import { PageContainer, ProCard, ProTable } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Empty, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, type Page, type Schemas } from '../api/client';
import { useCodes } from '../codes';
import { BAD, GOOD } from '../colours';
import { SchoolOpenFlags, SchoolStaffingCard } from '../components/SchoolParts';
import { tableDate, tableTime } from '../format';
import { useUser } from '../session';

type Staffing = Schemas['SchoolStaffingResponse'];
type QuotaChange = Schemas['QuotaChangeResponse'];
type Teacher = Schemas['TeacherResponse'];

/**
 * 本校: a principal's own school — its staffing today (the standard quota part by part, allocation, headcount,
 * vacancy), its quota history, its open shortage flags and its staff. Only the principal's own school is ever asked for.
 */
export default function MySchool() {
  const { t } = useTranslation();
  const user = useUser();
  const schoolId = user.schoolId;
  // The same query as the staffing card's: its name and code head the page.
  const staffing = useQuery({
    queryKey: ['school', schoolId, 'staffing'],
    queryFn: () => api.get<Staffing>(`/schools/${schoolId}/staffing`),
    enabled: !!schoolId,
  });
  if (!schoolId) return <Empty description={t('mySchool.noSchool')} />;
  const s = staffing.data;
  return (
    <PageContainer title={s ? `${t('menu.mySchool')}：${s.name}（${s.code}）` : t('menu.mySchool')}>
      <SchoolStaffingCard schoolId={schoolId} />
      <QuotaHistory schoolId={schoolId} />
      <SchoolOpenFlags schoolId={schoolId} />
      <SchoolStaff schoolId={schoolId} />
    </PageContainer>
  );
}

function QuotaHistory({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
  const history = useQuery({
    queryKey: ['school', schoolId, 'quota-history'],
    queryFn: () => api.get<QuotaChange[]>(`/schools/${schoolId}/quota-history`),
  });
  return (
    <ProCard title={t('mySchool.quotaHistory')} headerBordered style={{ marginBottom: 16 }}>
      <Table<QuotaChange>
        rowKey="id"
        size="small"
        loading={history.isLoading}
        dataSource={history.data ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: t('mySchool.noHistory') }}
        columns={[
          { title: t('quota.schoolYear'), dataIndex: 'year', render: (value: number) => t('quota.yearOption', { year: value }) },
          { title: t('field.kind'), dataIndex: 'kind', render: (value: QuotaChange['kind']) => t(`mySchool.kinds.${value}`) },
          { title: t('mySchool.before'), dataIndex: 'previousValue', align: 'right', render: (value: number | null) => value ?? '—' },
          { title: t('mySchool.after'), dataIndex: 'newValue', align: 'right' },
          {
            title: t('mySchool.change'),
            dataIndex: 'change',
            align: 'right',
            render: (value: number) => (value === 0 ? 0 : <Tag color={value > 0 ? GOOD : BAD}>{value > 0 ? `+${value}` : value}</Tag>),
          },
          { title: t('mySchool.otherSchool'), dataIndex: 'otherSchoolName', render: (value: string | null) => value ?? '—' },
          { title: t('quota.reason'), dataIndex: 'reason', render: (value: string | null) => value ?? '—' },
          { title: t('mySchool.by'), dataIndex: 'actorUsername' },
          { title: t('mySchool.at'), dataIndex: 'at', render: (value: string) => tableTime(value) },
        ]}
      />
    </ProCard>
  );
}

function SchoolStaff({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
  const { label } = useCodes();
  return (
    <ProTable<Teacher>
      headerTitle={t('mySchool.staff')}
      rowKey="id"
      search={false}
      options={false}
      size="small"
      request={async (params) => {
        const page = await api.get<Page<Teacher>>('/teachers', { schoolId, page: params.current, pageSize: params.pageSize });
        return { data: page.items, total: page.total, success: true };
      }}
      pagination={{ pageSize: 20 }}
      columns={[
        { title: t('field.staffNo'), dataIndex: 'staffNo' },
        { title: t('field.name'), dataIndex: 'name', render: (_dom, row) => <Link to={`/teachers/${row.id}`}>{row.name}</Link> },
        { title: t('field.subject'), dataIndex: 'subject', render: (_dom, row) => label('subjects', row.subject) },
        { title: t('teacher.title'), dataIndex: ['title', 'level'], render: (_dom, row) => label('titleLevels', row.title.level) },
        { title: t('teacher.backbone'), dataIndex: 'backbone', render: (_dom, row) => label('backboneLevels', row.backbone) },
        { title: t('teacher.hireDate'), dataIndex: 'hireDate', render: (_dom, row) => tableDate(row.hireDate) },
      ]}
    />
  );
}
