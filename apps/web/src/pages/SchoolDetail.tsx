import { PageContainer, ProCard } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Descriptions, Empty, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, type Schemas } from '../api/client';
import { useCodes } from '../codes';
import { SchoolOpenFlags, SchoolStaffingCard } from '../components/SchoolParts';
import { TotalsRow } from '../components/TotalsRow';
import { tableDate } from '../format';

type School = Schemas['SchoolResponse'];
type Classification = Schemas['ClassificationChangeResponse'];
type Enrolment = Schemas['EnrolmentResponse'];

/** A school for its county's officers: what it is, its classification history, its latest enrolment, its staffing today and its open flags. */
export default function SchoolDetail() {
  const { t } = useTranslation();
  const { label } = useCodes();
  const { id } = useParams();
  const yesNo = (value: boolean | null | undefined) => (value == null ? '—' : value ? t('eligibility.yes') : t('eligibility.no'));
  const school = useQuery({ queryKey: ['school', id], queryFn: () => api.get<School>(`/schools/${id}`) });
  const classifications = useQuery({
    queryKey: ['school', id, 'classifications'],
    queryFn: () => api.get<Classification[]>(`/schools/${id}/classifications`),
  });
  const enrolment = useQuery({ queryKey: ['school', id, 'enrolment'], queryFn: () => api.get<Enrolment[]>(`/schools/${id}/enrolment`) });
  const s = school.data;
  const latest = [...(enrolment.data ?? [])].sort((a, b) => b.schoolYear - a.schoolYear)[0];
  return (
    <PageContainer title={s ? `${s.name}（${s.code}）` : t('menu.schools')} loading={school.isLoading}>
      {s && (
        <ProCard style={{ marginBottom: 16 }}>
          <Descriptions column={3} size="small">
            <Descriptions.Item label={t('field.stage')}>{label('stages', s.stage)}</Descriptions.Item>
            <Descriptions.Item label={t('field.location')}>{label('locations', s.location) || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('school.weak')}>{yesNo(s.weak)}</Descriptions.Item>
            <Descriptions.Item label={t('school.townshipCentral')}>{yesNo(s.townshipCentral)}</Descriptions.Item>
            <Descriptions.Item label={t('school.boarding')}>{yesNo(s.boarding)}</Descriptions.Item>
            <Descriptions.Item label={t('school.headcount')}>{s.headcount?.onQuota ?? '—'}</Descriptions.Item>
          </Descriptions>
        </ProCard>
      )}
      <SchoolStaffingCard schoolId={id!} />
      <ProCard gutter={16} ghost style={{ marginBottom: 16 }}>
        <ProCard title={t('school.classifications')} headerBordered colSpan="40%">
          <Table<Classification>
            rowKey="effectiveFrom"
            size="small"
            pagination={false}
            loading={classifications.isLoading}
            dataSource={classifications.data ?? []}
            columns={[
              { title: t('field.effectiveDate'), dataIndex: 'effectiveFrom', render: (value: string) => tableDate(value) },
              { title: t('field.location'), dataIndex: 'location', render: (value: string | null) => label('locations', value) || '—' },
              { title: t('school.weak'), dataIndex: 'weak', render: (value: boolean | null) => yesNo(value) },
            ]}
          />
        </ProCard>
        <ProCard title={latest ? t('school.enrolmentOf', { year: latest.schoolYear }) : t('school.enrolment')} headerBordered colSpan="60%">
          {latest ? (
            <Table
              rowKey="grade"
              size="small"
              pagination={false}
              dataSource={latest.grades}
              columns={[
                { title: t('school.grade'), dataIndex: 'grade' },
                { title: t('school.students'), dataIndex: 'students' },
                { title: t('school.classes'), dataIndex: 'classes' },
              ]}
              summary={() => <TotalsRow label={t('shortages.total')} cells={[latest.totalStudents, latest.totalClasses]} />}
            />
          ) : (
            <Empty description={t('school.noEnrolment')} />
          )}
        </ProCard>
      </ProCard>
      <SchoolOpenFlags schoolId={id!} />
    </PageContainer>
  );
}
