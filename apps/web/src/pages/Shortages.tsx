import { PageContainer, ProCard, ProTable } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Descriptions, Button, Table, Tag, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Page, type Schemas } from '../api/client';
import { useCodes } from '../codes';
import { FocusDrawer } from '../components/KeyboardFocus';
import { CompletionBySchoolChart } from '../components/SchoolCompletion';
import { tableDate } from '../format';
import { useUser } from '../session';
import { SEVERITY_COLOURS } from '../colours';
import type { ShortageFlag } from '../workbench';

type FlagDetail = Schemas['ShortageFlagDetailResponse'];
type TrainingReport = Schemas['CountyTrainingReportResponse'];

const FlagsChart = lazy(() => import('../components/FlagsChart'));
const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM'] as const;

/**
 * 缺编预警: open shortage flags with their explanation, and open flags by subject and severity; for a county officer,
 * beside them, the county's training completion by school in the current cycle.
 */
export default function Shortages() {
  const { t, i18n } = useTranslation();
  const { label, valueEnum } = useCodes();
  const user = useUser();
  const [open, setOpen] = useState<ShortageFlag | null>(null);
  const flags = useQuery({
    queryKey: ['flags', 'list'],
    queryFn: () =>
      api.get<Page<ShortageFlag>>('/shortage-flags', {
        status: 'OPEN',
        pageSize: 500,
        schoolId: user.role === 'PRINCIPAL' ? user.schoolId : undefined,
      }),
  });
  const countyId = user.role === 'COUNTY_OFFICER' ? user.countyId : undefined;
  // The report's figures by school; one teacher behind is enough of its list.
  const training = useQuery({
    queryKey: ['training-report', countyId, 'by-school'],
    queryFn: () => api.get<TrainingReport>(`/counties/${countyId}/training-report`, { pageSize: 1 }),
    enabled: !!countyId,
  });
  const detail = useQuery({ queryKey: ['flag', open?.id], queryFn: () => api.get<FlagDetail>(`/shortage-flags/${open?.id}`), enabled: !!open });
  const items = flags.data?.items ?? [];
  const bySubject = Object.values(
    items.reduce<Record<string, { subject: string; CRITICAL: number; HIGH: number; MEDIUM: number; total: number }>>((acc, flag) => {
      // A flag about no subject (e.g. the ratio of teachers to pupils) is counted under its kind.
      const subject = flag.subject ?? `kind:${flag.kind}`;
      const row = (acc[subject] ??= { subject, CRITICAL: 0, HIGH: 0, MEDIUM: 0, total: 0 });
      row[flag.severity] += 1;
      row.total += 1;
      return acc;
    }, {}),
  ).sort((a, b) => b.total - a.total);
  const subjectLabel = (key: string) => (key.startsWith('kind:') ? label('shortageKinds', key.slice(5)) : label('subjects', key));
  const explanation = detail.data?.explanation as { zh?: string; en?: string } | undefined;
  return (
    <PageContainer title={t('menu.shortages')}>
      <ProCard gutter={[16, 16]} wrap ghost style={{ marginBottom: 16 }}>
        <ProCard title={t('shortages.bySubject')} headerBordered colSpan={countyId ? { xs: 24, xl: 12 } : 24}>
          {bySubject.length > 0 && (
            <Suspense fallback={null}>
              <FlagsChart
                label={t('shortages.chart', { count: items.length })}
                severities={SEVERITIES.map((code) => ({ code, label: label('shortageSeverities', code) }))}
                data={bySubject.flatMap((row) =>
                  SEVERITIES.filter((code) => row[code] > 0).map((code) => ({
                    subject: subjectLabel(row.subject),
                    severity: label('shortageSeverities', code),
                    count: row[code],
                  })),
                )}
              />
            </Suspense>
          )}
          <Table
            rowKey="subject"
            size="small"
            pagination={false}
            dataSource={bySubject}
            columns={[
              { title: t('field.subject'), dataIndex: 'subject', render: (value: string) => subjectLabel(value) },
              { title: label('shortageSeverities', 'CRITICAL'), dataIndex: 'CRITICAL' },
              { title: label('shortageSeverities', 'HIGH'), dataIndex: 'HIGH' },
              { title: label('shortageSeverities', 'MEDIUM'), dataIndex: 'MEDIUM' },
              { title: t('shortages.total'), dataIndex: 'total' },
            ]}
          />
        </ProCard>
        {countyId && (
          <ProCard title={t('trainingPage.bySchool')} headerBordered colSpan={{ xs: 24, xl: 12 }} loading={training.isLoading}>
            {training.data && (
              <>
                <Typography.Paragraph>
                  {t('shortages.trainingCycle', {
                    start: training.data.cycle.startYear,
                    end: training.data.cycle.startYear + 4,
                    date: tableDate(training.data.asOf),
                  })}
                </Typography.Paragraph>
                <CompletionBySchoolChart schools={training.data.schools} />
              </>
            )}
          </ProCard>
        )}
      </ProCard>
      <ProTable<ShortageFlag>
        rowKey="id"
        headerTitle={t('shortages.openFlags')}
        search={false}
        options={false}
        loading={flags.isLoading}
        dataSource={items}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t('field.school'), dataIndex: 'schoolName' },
          { title: t('field.subject'), dataIndex: 'subject', valueEnum: valueEnum('subjects') },
          { title: t('field.kind'), dataIndex: 'kind', valueEnum: valueEnum('shortageKinds') },
          {
            title: t('field.severity'),
            dataIndex: 'severity',
            render: (_dom, row) => <Tag color={SEVERITY_COLOURS[row.severity]}>{label('shortageSeverities', row.severity)}</Tag>,
          },
          { title: t('shortages.gap'), dataIndex: 'gap' },
          { title: t('field.openedAt'), dataIndex: 'openedAt', render: (_dom, row) => tableDate(row.openedAt) },
          {
            title: t('field.actions'),
            valueType: 'option',
            render: (_dom, row) => [
              <Button
                key="open"
                size="small"
                onClick={() => setOpen(row)}
                aria-label={t('shortages.explain', { school: row.schoolName, subject: label('subjects', row.subject) })}
              >
                {t('shortages.why')}
              </Button>,
            ],
          },
        ]}
      />
      <FocusDrawer open={!!open} onClose={() => setOpen(null)} width={560} title={t('shortages.explanation')} destroyOnHidden>
        {open && (
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('field.school')}>{open.schoolName}</Descriptions.Item>
            <Descriptions.Item label={t('field.subject')}>{label('subjects', open.subject)}</Descriptions.Item>
            <Descriptions.Item label={t('shortages.requiredActual')}>{`${open.requiredFte} / ${open.actualFte}`}</Descriptions.Item>
            <Descriptions.Item label={t('shortages.explanation')}>
              {explanation && (explanation.zh || explanation.en)
                ? i18n.language === 'en'
                  ? explanation.en
                  : explanation.zh
                : JSON.stringify(detail.data?.explanation ?? '')}
            </Descriptions.Item>
          </Descriptions>
        )}
      </FocusDrawer>
    </PageContainer>
  );
}
