import { PageContainer, ProCard, StatisticCard } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Button, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Page, type Schemas } from '../api/client';
import { useCodes } from '../codes';
import { BAD, GOOD, PENDING, WAITING } from '../colours';
import { TrainingDecisionDrawer } from '../components/DecisionDrawers';
import { completionColumns, CompletionBySchoolChart, SchoolCompletionTable } from '../components/SchoolCompletion';
import { TeacherSelect } from '../components/TeacherSelect';
import { percent, tableDate, tableTime } from '../format';
import { useUser } from '../session';
import type { TrainingRecord } from '../workbench';

type Report = Schemas['CountyTrainingReportResponse'];
type Behind = Schemas['BehindTeacherResponse'];
type Completion = Schemas['TrainingCompletionResponse'];
type Row = Schemas['CompletionRowResponse'];

const STATUS_COLOURS: Record<string, string> = { APPROVED: GOOD, SUBMITTED: PENDING, REJECTED: BAD };
/** What the review list shows: the records waiting for this user, or those decided. */
type Filter = 'DECIDABLE' | 'APPROVED' | 'REJECTED';
/** As many teachers behind as one answer holds (the figures by school count them all). */
const BEHIND_PAGE = 500;

/**
 * The cycle shown and the cycles to choose from: the current one (the API's default, learnt from its first answer) and
 * the two before it.
 */
function useCycle(shownStart: number | undefined) {
  const { t } = useTranslation();
  const [cycle, setCycle] = useState<number | undefined>(undefined);
  const [current, setCurrent] = useState<number | undefined>(undefined);
  useEffect(() => {
    if (current === undefined && cycle === undefined && shownStart !== undefined) setCurrent(shownStart);
  }, [current, cycle, shownStart]);
  const options =
    current === undefined
      ? []
      : [0, 5, 10].map((back) => ({
          value: current - back,
          label: t('trainingPage.cycleOption', { start: current - back, end: current - back + 4 }),
        }));
  return { cycle, setCycle, value: cycle ?? current, options };
}

/** 审核: the records this user may decide, or those decided, each opened in the record's drawer. */
function Review() {
  const { t } = useTranslation();
  const { label } = useCodes();
  const user = useUser();
  const principal = user.role === 'PRINCIPAL';
  const [filter, setFilter] = useState<Filter>('DECIDABLE');
  const [teacherId, setTeacherId] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<TrainingRecord | null>(null);
  // One teacher's records fit one answer: newest first. Without a teacher, the API's pages in its order.
  const records = useQuery({
    queryKey: ['training-records', 'review', filter, teacherId, teacherId ? 1 : page],
    queryFn: async () => {
      const answer = await api.get<Page<TrainingRecord>>('/training-records', {
        ...(filter === 'DECIDABLE' ? { decidable: true } : { status: filter }),
        // A principal decides school-based training only: the decided lists show that too.
        category: principal && filter !== 'DECIDABLE' ? 'SCHOOL_BASED' : undefined,
        teacherId,
        page: teacherId ? 1 : page,
        pageSize: teacherId ? 500 : 20,
      });
      return teacherId
        ? { ...answer, items: [...answer.items].sort((a, b) => b.startDate.localeCompare(a.startDate) || b.submittedAt.localeCompare(a.submittedAt)) }
        : answer;
    },
  });
  const statusOf = (row: TrainingRecord) =>
    row.kind === 'REVERSAL' ? (
      <Tag color={WAITING}>{t('training.reversalEntry')}</Tag>
    ) : row.reversedById ? (
      <Tag color={BAD}>{t('training.reversed')}</Tag>
    ) : (
      <Tag color={STATUS_COLOURS[row.status]}>{label('trainingRecordStatuses', row.status)}</Tag>
    );
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {principal && <Typography.Paragraph>{t('trainingPage.principalNote')}</Typography.Paragraph>}
      <Space>
        <label htmlFor="training-filter">{t('trainingPage.show')}</label>
        <Select<Filter>
          id="training-filter"
          style={{ width: 200 }}
          value={filter}
          onChange={(value) => {
            setFilter(value);
            setPage(1);
          }}
          options={[
            { value: 'DECIDABLE', label: t('trainingPage.decidable') },
            { value: 'APPROVED', label: t('trainingPage.approved') },
            { value: 'REJECTED', label: t('trainingPage.rejected') },
          ]}
        />
        <label htmlFor="training-teacher">{t('field.teacher')}</label>
        <TeacherSelect
          id="training-teacher"
          style={{ width: 260 }}
          allowClear
          placeholder={t('teacher.search')}
          value={teacherId}
          onChange={(value) => {
            setTeacherId(value);
            setPage(1);
          }}
        />
      </Space>
      <Table<TrainingRecord>
        rowKey="id"
        size="small"
        loading={records.isLoading}
        dataSource={records.data?.items ?? []}
        pagination={{
          current: page,
          pageSize: 20,
          total: records.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
          hideOnSinglePage: true,
        }}
        columns={[
          { title: t('field.teacher'), dataIndex: 'teacherName', render: (_value, row) => `${row.teacherName}（${row.staffNo}）` },
          { title: t('field.title'), dataIndex: 'title' },
          { title: t('field.category'), dataIndex: 'category', render: (value: string) => label('trainingCategories', value) },
          { title: t('field.hours'), dataIndex: 'hours' },
          { title: t('field.period'), dataIndex: 'startDate', render: (_value, row) => `${tableDate(row.startDate)} ~ ${tableDate(row.endDate)}` },
          { title: t('field.status'), dataIndex: 'status', render: (_value, row) => statusOf(row) },
          { title: t('field.submittedAt'), dataIndex: 'submittedAt', render: (value: string) => tableTime(value) },
          {
            title: t('field.actions'),
            key: 'actions',
            render: (_value, row) =>
              row.kind === 'RECORD' && (
                <Button
                  size="small"
                  onClick={() => setOpen(row)}
                  aria-label={
                    row.status === 'SUBMITTED'
                      ? t('workbench.decideTraining', { name: row.teacherName, title: row.title })
                      : t('trainingPage.openRecord', { name: row.teacherName, title: row.title })
                  }
                >
                  {row.status === 'SUBMITTED' ? t('decision.decide') : t('decision.open')}
                </Button>
              ),
          },
        ]}
      />
      <TrainingDecisionDrawer record={open} onClose={() => setOpen(null)} />
    </Space>
  );
}

/** 县域报表: the county's completion for a cycle, by school too, hours by category, and the teachers behind pace. */
function CountyReport({ countyId }: { countyId: string }) {
  const { t } = useTranslation();
  const { label } = useCodes();
  const [shown, setShown] = useState<number | undefined>(undefined);
  const { cycle, setCycle, value, options } = useCycle(shown);
  const report = useQuery({
    queryKey: ['training-report', countyId, cycle],
    queryFn: () => api.get<Report>(`/counties/${countyId}/training-report`, { cycle, sort: '-shortfall', pageSize: BEHIND_PAGE }),
  });
  const r = report.data;
  useEffect(() => setShown(r?.cycle.startYear), [r]);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space>
        <label htmlFor="training-cycle">{t('training.cycle')}</label>
        <Select<number> id="training-cycle" style={{ width: 200 }} value={value} onChange={setCycle} options={options} />
        {r && <Typography.Text>{t('trainingPage.asOf', { date: tableDate(r.asOf) })}</Typography.Text>}
      </Space>
      <StatisticCard.Group loading={report.isLoading}>
        <StatisticCard statistic={{ title: t('trainingPage.owing'), value: r?.teachersOwing ?? 0 }} />
        <StatisticCard statistic={{ title: t('trainingPage.complete'), value: r?.teachersComplete ?? 0 }} />
        <StatisticCard statistic={{ title: t('trainingPage.rate'), value: percent(r?.completionRate) }} data-testid="completion-rate" />
        <StatisticCard statistic={{ title: t('trainingPage.behind'), value: r?.teachersBehind ?? 0 }} />
      </StatisticCard.Group>
      <ProCard title={t('trainingPage.byCategory')} headerBordered>
        <Table<Schemas['CategoryHoursResponse']>
          rowKey="category"
          size="small"
          pagination={false}
          loading={report.isLoading}
          dataSource={r?.hoursByCategory ?? []}
          columns={[
            { title: t('field.category'), dataIndex: 'category', render: (value: string) => label('trainingCategories', value) },
            { title: t('training.approved'), dataIndex: 'approvedHours' },
            { title: t('training.pending'), dataIndex: 'pendingHours' },
            { title: t('trainingPage.records'), dataIndex: 'records' },
          ]}
        />
      </ProCard>
      <ProCard title={t('trainingPage.bySchool')} headerBordered>
        {r && <CompletionBySchoolChart schools={r.schools} />}
        <SchoolCompletionTable schools={r?.schools ?? []} loading={report.isLoading} />
      </ProCard>
      <ProCard title={t('trainingPage.behindTeachers')} headerBordered>
        {r && r.behind.total > r.behind.items.length && (
          <Typography.Paragraph>{t('trainingPage.firstBehind', { shown: r.behind.items.length, total: r.behind.total })}</Typography.Paragraph>
        )}
        <Table<Behind>
          rowKey="teacherId"
          size="small"
          loading={report.isLoading}
          dataSource={r?.behind.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          columns={[
            { title: t('field.teacher'), dataIndex: 'name', render: (_value, row) => `${row.name}（${row.staffNo}）` },
            { title: t('field.school'), dataIndex: 'schoolName', render: (value: string | null) => value ?? '—' },
            { title: t('training.required'), dataIndex: 'requiredHours' },
            { title: t('training.approved'), dataIndex: 'approvedHours' },
            { title: t('training.pending'), dataIndex: 'pendingHours' },
            { title: t('trainingPage.expected'), dataIndex: 'expectedHoursToDate' },
            { title: t('trainingPage.shortfall'), dataIndex: 'shortfall' },
          ]}
        />
      </ProCard>
    </Space>
  );
}

/** The roll-up of a city officer or the administrator: each county's completion for a cycle, and the total. */
function CompletionRollup() {
  const { t } = useTranslation();
  const [shown, setShown] = useState<number | undefined>(undefined);
  const { cycle, setCycle, value, options } = useCycle(shown);
  const completion = useQuery({
    queryKey: ['training-completion', cycle],
    queryFn: () => api.get<Completion>('/training-completion', { cycle }),
  });
  const c = completion.data;
  useEffect(() => setShown(c?.cycle.startYear), [c]);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space>
        <label htmlFor="completion-cycle">{t('training.cycle')}</label>
        <Select<number> id="completion-cycle" style={{ width: 200 }} value={value} onChange={setCycle} options={options} />
      </Space>
      <StatisticCard.Group loading={completion.isLoading}>
        <StatisticCard statistic={{ title: t('trainingPage.owing'), value: c?.total.teachersOwing ?? 0 }} />
        <StatisticCard statistic={{ title: t('trainingPage.complete'), value: c?.total.teachersComplete ?? 0 }} />
        <StatisticCard statistic={{ title: t('trainingPage.rate'), value: percent(c?.total.completionRate) }} />
      </StatisticCard.Group>
      <ProCard title={t('trainingPage.byCounty')} headerBordered>
        <Table<Row>
          rowKey="countyId"
          size="small"
          loading={completion.isLoading}
          dataSource={c?.counties ?? []}
          pagination={false}
          columns={[{ title: t('field.county'), dataIndex: 'name' }, ...completionColumns<Row>(t)]}
        />
      </ProCard>
    </Space>
  );
}

/**
 * 培训学时: county officers and principals decide training records (a principal school-based training of their staff)
 * and officers reverse approved ones; officers read the county's report; city officers and the administrator read the
 * completion of each county.
 */
export default function Training() {
  const { t } = useTranslation();
  const user = useUser();
  if (user.role === 'CITY_OFFICER' || user.role === 'PROVINCE_ADMIN')
    return (
      <PageContainer title={t('menu.training')}>
        <CompletionRollup />
      </PageContainer>
    );
  return (
    <PageContainer title={t('menu.training')}>
      <Tabs
        items={[
          { key: 'review', label: t('trainingPage.review'), children: <Review /> },
          ...(user.role === 'COUNTY_OFFICER' && user.countyId
            ? [{ key: 'report', label: t('trainingPage.report'), children: <CountyReport countyId={user.countyId} /> }]
            : []),
        ]}
      />
    </PageContainer>
  );
}
