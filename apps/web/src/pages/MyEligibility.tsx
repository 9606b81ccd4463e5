import { PageContainer, ProCard } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Empty, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, type Schemas } from '../api/client';
import { useCodes } from '../codes';
import { EligibilityConditions, QualifyingPeriods } from '../components/EligibilityParts';
import { tableDate } from '../format';
import { useUser } from '../session';

type Eligibility = Schemas['EligibilityResponse'];
type Posting = Schemas['PostingResponse'];

/** 我的资格: each rule with required against actual in words, the qualifying periods on a timeline, the earliest date; and one's postings. */
export default function MyEligibility() {
  const { t } = useTranslation();
  const { label } = useCodes();
  const user = useUser();
  const teacherId = user.teacherId;
  const eligibility = useQuery({
    queryKey: ['my', 'eligibility'],
    queryFn: () => api.get<Eligibility>(`/teachers/${teacherId}/eligibility`),
    enabled: !!teacherId,
  });
  const postings = useQuery({
    queryKey: ['my', 'postings'],
    queryFn: () => api.get<Posting[]>(`/teachers/${teacherId}/postings`),
    enabled: !!teacherId,
  });
  if (!teacherId) return <Empty description={t('my.noTeacherRecord')} />;
  const e = eligibility.data;
  return (
    <PageContainer title={t('menu.myEligibility')}>
      <ProCard title={t('eligibility.seniorTitle')} headerBordered loading={eligibility.isLoading} style={{ marginBottom: 16 }}>
        {e && <EligibilityConditions eligibility={e} />}
      </ProCard>
      <ProCard title={t('eligibility.periods')} headerBordered style={{ marginBottom: 16 }}>
        {e ? <QualifyingPeriods periods={e.qualifyingPeriods} /> : <Empty description={t('eligibility.noPeriods')} />}
      </ProCard>
      <ProCard title={t('eligibility.postings')} headerBordered>
        <Table<Posting>
          rowKey="id"
          size="small"
          loading={postings.isLoading}
          dataSource={postings.data ?? []}
          pagination={false}
          columns={[
            { title: t('field.school'), dataIndex: 'schoolName' },
            { title: t('field.postingKind'), dataIndex: 'kind', render: (value: string) => label('postingKinds', value) },
            { title: t('field.startDate'), dataIndex: 'startDate', render: (value: string) => tableDate(value) },
            {
              title: t('field.endDate'),
              dataIndex: 'endDate',
              render: (value: string | null) => (value ? tableDate(value) : t('eligibility.ongoing')),
            },
            { title: t('field.fraction'), dataIndex: 'fraction' },
          ]}
        />
      </ProCard>
    </PageContainer>
  );
}
