import { PageContainer, ProCard } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Descriptions, Empty, Tag, Timeline, Typography } from 'antd';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, type Schemas } from '../api/client';
import { useCodes } from '../codes';
import { POSTING_KIND_COLOURS } from '../colours';
import { EligibilityConditions } from '../components/EligibilityParts';
import { TrainingProgress, TrainingRecordsTable } from '../components/TrainingParts';
import { proseDate, tableDate } from '../format';
import { useUser } from '../session';

type Teacher = Schemas['TeacherResponse'];
type Posting = Schemas['PostingResponse'];
type Eligibility = Schemas['EligibilityResponse'];
type Summary = Schemas['TrainingSummaryResponse'];
type Records = Schemas['TeacherTrainingRecordsResponse'];

/**
 * A teacher for the officers overseeing them: who they are and where they work, their postings on a timeline (a
 * rotation, support, shared or shadowing post in its own colour), their senior-title conditions, and their training
 * hours this cycle with the records.
 */
export default function TeacherDetail() {
  const { t, i18n } = useTranslation();
  const { label } = useCodes();
  const user = useUser();
  const { id } = useParams();
  const teacher = useQuery({ queryKey: ['teacher', id], queryFn: () => api.get<Teacher>(`/teachers/${id}`), retry: false });
  const postings = useQuery({ queryKey: ['teacher', id, 'postings'], queryFn: () => api.get<Posting[]>(`/teachers/${id}/postings`) });
  const eligibility = useQuery({ queryKey: ['teacher', id, 'eligibility'], queryFn: () => api.get<Eligibility>(`/teachers/${id}/eligibility`) });
  const summary = useQuery({ queryKey: ['teacher', id, 'summary'], queryFn: () => api.get<Summary>(`/teachers/${id}/training-summary`) });
  const records = useQuery({ queryKey: ['teacher', id, 'records'], queryFn: () => api.get<Records>(`/teachers/${id}/training-records`) });
  const opensSchools = user.role !== 'PRINCIPAL';

  if (teacher.isError)
    return (
      <PageContainer title={t('menu.teachers')}>
        <Empty description={t('teacher.notFound')} />
      </PageContainer>
    );
  const p = teacher.data;
  const e = eligibility.data;
  const s = summary.data;
  const timeline = [...(postings.data ?? [])].sort((a, b) => b.startDate.localeCompare(a.startDate));
  return (
    <PageContainer title={p?.name ?? t('menu.teachers')} loading={teacher.isLoading}>
      {p && (
        <ProCard style={{ marginBottom: 16 }}>
          <Descriptions column={3} size="small">
            <Descriptions.Item label={t('field.staffNo')}>{p.staffNo}</Descriptions.Item>
            <Descriptions.Item label={t('field.subject')}>{label('subjects', p.subject)}</Descriptions.Item>
            <Descriptions.Item label={t('teacher.title')}>{label('titleLevels', p.title.level)}</Descriptions.Item>
            <Descriptions.Item label={t('teacher.titleSince')}>{tableDate(p.title.since)}</Descriptions.Item>
            <Descriptions.Item label={t('teacher.backbone')}>{label('backboneLevels', p.backbone)}</Descriptions.Item>
            <Descriptions.Item label={t('teacher.hireDate')}>{tableDate(p.hireDate)}</Descriptions.Item>
            <Descriptions.Item label={t('teacher.schools')} span={3}>
              {p.currentPostings.length === 0
                ? '—'
                : p.currentPostings.map((current, index) => (
                    <Fragment key={current.postingId}>
                      {index > 0 && '、'}
                      {opensSchools ? <Link to={`/schools/${current.schoolId}`}>{current.schoolName}</Link> : current.schoolName}
                      {current.kind !== 'REGULAR' && `（${label('postingKinds', current.kind)}）`}
                    </Fragment>
                  ))}
            </Descriptions.Item>
          </Descriptions>
        </ProCard>
      )}
      <ProCard gutter={16} ghost style={{ marginBottom: 16 }}>
        <ProCard title={t('eligibility.postings')} headerBordered colSpan="40%" loading={postings.isLoading}>
          {timeline.length > 0 ? (
            <Timeline
              data-testid="postings"
              items={timeline.map((posting) => ({
                color: POSTING_KIND_COLOURS[posting.kind] ?? 'gray',
                children: (
                  <>
                    <Typography.Text strong>{posting.schoolName}</Typography.Text>{' '}
                    <Tag color={POSTING_KIND_COLOURS[posting.kind]}>{label('postingKinds', posting.kind)}</Tag>
                    {posting.fraction !== 1 && <Tag>{t('teacher.share', { percent: Math.round(posting.fraction * 100) })}</Tag>}
                    <div>
                      {proseDate(posting.startDate, i18n.language)} –{' '}
                      {posting.endDate ? proseDate(posting.endDate, i18n.language) : t('eligibility.ongoing')}
                    </div>
                  </>
                ),
              }))}
            />
          ) : (
            <Empty description={t('teacher.noPostings')} />
          )}
        </ProCard>
        <ProCard title={t('eligibility.seniorTitle')} headerBordered colSpan="60%" loading={eligibility.isLoading}>
          {e && <EligibilityConditions eligibility={e} />}
        </ProCard>
      </ProCard>
      <ProCard title={t('training.progress')} headerBordered loading={summary.isLoading} style={{ marginBottom: 16 }}>
        {s && <TrainingProgress summary={s} />}
      </ProCard>
      <ProCard title={t('teacher.trainingRecords')} headerBordered>
        <TrainingRecordsTable records={records.data?.items ?? []} loading={records.isLoading} />
      </ProCard>
    </PageContainer>
  );
}
