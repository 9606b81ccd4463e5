import { Table, type TableColumnsType, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Schemas } from '../api/client';
import { percent } from '../format';
import type { CompletionBar } from './CompletionChart';

const CompletionChart = lazy(() => import('./CompletionChart'));

type SchoolCompletion = Schemas['SchoolCompletionResponse'];

/** How many schools the chart shows: the lowest rates, where help is needed first. */
const CHART_SCHOOLS = 20;

/** The bars: the lowest rates first (ties in the report's order, by school code), at most CHART_SCHOOLS. */
function completionBars(schools: SchoolCompletion[], noSchool: string): CompletionBar[] {
  return schools
    .filter((row): row is SchoolCompletion & { completionRate: number } => row.completionRate !== null)
    .sort((a, b) => a.completionRate - b.completionRate)
    .slice(0, CHART_SCHOOLS)
    .map((row) => ({ school: row.schoolName ?? noSchool, rate: Math.round(row.completionRate * 1000) / 10 }));
}

/** 各校学时达标率 as a bar chart, the lowest first (the county training report's `schools`). */
export function CompletionBySchoolChart({ schools }: { schools: SchoolCompletion[] }) {
  const { t } = useTranslation();
  const bars = completionBars(schools, t('trainingPage.noSchool'));
  if (bars.length === 0) return <Typography.Paragraph>{t('schoolCompletion.none')}</Typography.Paragraph>;
  return (
    <>
      {schools.length > bars.length && (
        <Typography.Paragraph>{t('schoolCompletion.lowest', { shown: bars.length, total: schools.length })}</Typography.Paragraph>
      )}
      <Suspense fallback={null}>
        <CompletionChart data={bars} label={t('schoolCompletion.chart', { count: bars.length })} />
      </Suspense>
    </>
  );
}

/** The columns every completion table has, by school or by county: teachers owing hours, complete, the rate (sortable). */
export function completionColumns<T extends { teachersOwing: number; teachersComplete: number; completionRate: number | null }>(
  t: TFunction,
): TableColumnsType<T> {
  return [
    { title: t('trainingPage.owing'), dataIndex: 'teachersOwing' },
    { title: t('trainingPage.complete'), dataIndex: 'teachersComplete' },
    {
      title: t('trainingPage.rate'),
      dataIndex: 'completionRate',
      render: (value: number | null) => percent(value),
      sorter: (a, b) => (a.completionRate ?? -1) - (b.completionRate ?? -1),
    },
  ];
}

/** Owing, complete, rate and behind at each school, in the report's order (by school code), sortable by rate and behind. */
export function SchoolCompletionTable({ schools, loading }: { schools: SchoolCompletion[]; loading: boolean }) {
  const { t } = useTranslation();
  return (
    <Table<SchoolCompletion>
      rowKey={(row) => row.schoolId ?? 'none'}
      size="small"
      loading={loading}
      dataSource={schools}
      pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
      columns={[
        { title: t('field.school'), dataIndex: 'schoolName', render: (value: string | null) => value ?? t('trainingPage.noSchool') },
        ...completionColumns<SchoolCompletion>(t),
        { title: t('trainingPage.behind'), dataIndex: 'teachersBehind', sorter: (a, b) => a.teachersBehind - b.teachersBehind },
      ]}
    />
  );
}
