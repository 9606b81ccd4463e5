import { PageContainer, ProCard, StatisticCard } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Alert, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Schemas } from '../api/client';
import { TotalsRow } from '../components/TotalsRow';
import { percent, proseDate } from '../format';
import { useUser } from '../session';

type Staffing = Schemas['StaffingRollupResponse'];
type Shortages = Schemas['ShortageRollupResponse'];
type Completion = Schemas['TrainingCompletionResponse'];
type City = Schemas['CityResponse'];

/** One line of the roll-up: a county, or a city with its counties under it. */
interface Line {
  key: string;
  name: string;
  schools: number;
  students: number;
  standardQuota: number;
  allocatedQuota: number;
  onQuotaHeadcount: number;
  vacancy: number;
  under: number;
  over: number;
  critical: number;
  high: number;
  medium: number;
  flags: number;
  owing: number;
  complete: number;
  children?: Line[];
}

const SUMMED = [
  'schools',
  'students',
  'standardQuota',
  'allocatedQuota',
  'onQuotaHeadcount',
  'vacancy',
  'under',
  'over',
  'critical',
  'high',
  'medium',
  'flags',
  'owing',
  'complete',
] as const;

const sum = (key: string, name: string, lines: Line[]): Line => {
  const line: Line = {
    key,
    name,
    schools: 0,
    students: 0,
    standardQuota: 0,
    allocatedQuota: 0,
    onQuotaHeadcount: 0,
    vacancy: 0,
    under: 0,
    over: 0,
    critical: 0,
    high: 0,
    medium: 0,
    flags: 0,
    owing: 0,
    complete: 0,
  };
  for (const part of lines) for (const field of SUMMED) line[field] += part[field];
  return line;
};

const rate = (line: { owing: number; complete: number }) => percent(line.owing ? line.complete / line.owing : null);

/**
 * 全省概览 / 全市概览: the administrator's province (by city, each city's counties under it, or one city) and the city
 * officer's city by county, read only: staffing against quota, open shortage flags, and this cycle's training completion.
 */
export default function Overview() {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const admin = user.role === 'PROVINCE_ADMIN';
  const [cityId, setCityId] = useState<string | undefined>(undefined);
  const query = { cityId: admin ? cityId : undefined };
  const cities = useQuery({ queryKey: ['cities'], queryFn: () => api.get<City[]>('/cities'), staleTime: Infinity });
  const staffing = useQuery({ queryKey: ['overview', 'staffing', query.cityId], queryFn: () => api.get<Staffing>('/staffing-report', query) });
  const shortages = useQuery({ queryKey: ['overview', 'shortages', query.cityId], queryFn: () => api.get<Shortages>('/shortage-summary', query) });
  const completion = useQuery({ queryKey: ['overview', 'training'], queryFn: () => api.get<Completion>('/training-completion') });
  const loading = staffing.isLoading || shortages.isLoading || completion.isLoading;
  const failed = staffing.isError || shortages.isError || completion.isError;

  const counties: (Line & { cityId: string })[] = (staffing.data?.counties ?? []).map((county) => {
    const flags = shortages.data?.counties.find((row) => row.countyId === county.countyId);
    const training = completion.data?.counties.find((row) => row.countyId === county.countyId);
    return {
      key: county.countyId,
      cityId: county.cityId,
      name: county.countyName,
      schools: county.schools,
      students: county.students,
      standardQuota: county.standardQuota,
      allocatedQuota: county.allocatedQuota,
      onQuotaHeadcount: county.onQuotaHeadcount,
      vacancy: county.vacancy,
      under: county.under,
      over: county.over,
      critical: flags?.critical ?? 0,
      high: flags?.high ?? 0,
      medium: flags?.medium ?? 0,
      flags: flags?.total ?? 0,
      owing: training?.teachersOwing ?? 0,
      complete: training?.teachersComplete ?? 0,
    };
  });
  // The province by city, each city's counties under it (those with schools first); a city by county.
  const byCity = admin && !cityId;
  const lines: Line[] = byCity
    ? (cities.data ?? []).map((city) => {
        const own = counties.filter((county) => county.cityId === city.id).sort((a, b) => b.schools - a.schools);
        return { ...sum(city.id, city.name, own), children: own };
      })
    : counties;
  const total = sum('total', t('overview.total'), counties);
  const scopeName = admin
    ? cityId
      ? (cities.data?.find((city) => city.id === cityId)?.name ?? cityId)
      : t('overview.province')
    : t('overview.city');

  return (
    <PageContainer
      title={admin ? t('menu.overviewProvince') : t('menu.overviewCity')}
      subTitle={
        staffing.data ? t('overview.asOf', { date: proseDate(staffing.data.asOf, i18n.language), version: staffing.data.policyVersion }) : undefined
      }
      extra={
        admin && (
          <Space>
            <label htmlFor="overview-city">{t('overview.scope')}</label>
            <Select<string>
              id="overview-city"
              style={{ width: 180 }}
              value={cityId ?? ''}
              onChange={(value) => setCityId(value || undefined)}
              options={[{ value: '', label: t('overview.province') }, ...(cities.data ?? []).map((city) => ({ value: city.id, label: city.name }))]}
            />
          </Space>
        )
      }
    >
      {failed && <Alert type="error" showIcon message={t('error.generic')} style={{ marginBottom: 16 }} />}
      <StatisticCard.Group direction="row" style={{ marginBottom: 16 }} loading={loading}>
        <StatisticCard statistic={{ title: t('overview.schools'), value: total.schools }} />
        <StatisticCard statistic={{ title: t('school.students'), value: total.students }} />
        <StatisticCard statistic={{ title: t('school.standardQuota'), value: total.standardQuota }} />
        <StatisticCard statistic={{ title: t('school.allocatedQuota'), value: total.allocatedQuota }} />
        <StatisticCard statistic={{ title: t('overview.onQuota'), value: total.onQuotaHeadcount }} />
        <StatisticCard statistic={{ title: t('school.vacancy'), value: total.vacancy }} data-testid="overview-vacancy" />
        <StatisticCard statistic={{ title: t('overview.openFlags'), value: total.flags }} data-testid="overview-flags" />
        <StatisticCard statistic={{ title: t('overview.completion'), value: rate(total) }} data-testid="overview-completion" />
      </StatisticCard.Group>
      <ProCard
        title={t(byCity ? 'overview.byCity' : 'overview.byCounty', { scope: scopeName })}
        headerBordered
        extra={
          completion.data && (
            <Typography.Text>
              {t('overview.cycle', { start: completion.data.cycle.start.slice(0, 4), end: completion.data.cycle.end.slice(0, 4) })}
            </Typography.Text>
          )
        }
      >
        <Table<Line>
          rowKey="key"
          size="small"
          loading={loading}
          dataSource={lines}
          pagination={false}
          scroll={{ x: true }}
          summary={() =>
            lines.length > 1 && (
              <TotalsRow
                label={<strong>{total.name}</strong>}
                cells={[
                  total.schools,
                  total.students,
                  total.standardQuota,
                  total.allocatedQuota,
                  total.onQuotaHeadcount,
                  total.vacancy,
                  `${total.under} / ${total.over}`,
                  total.flags,
                  `${total.critical} / ${total.high} / ${total.medium}`,
                  rate(total),
                ]}
              />
            )
          }
          columns={[
            { title: byCity ? t('overview.cityOrCounty') : t('field.county'), dataIndex: 'name', fixed: 'left' },
            { title: t('overview.schools'), dataIndex: 'schools' },
            { title: t('school.students'), dataIndex: 'students' },
            { title: t('school.standardQuota'), dataIndex: 'standardQuota' },
            { title: t('school.allocatedQuota'), dataIndex: 'allocatedQuota' },
            { title: t('overview.onQuota'), dataIndex: 'onQuotaHeadcount' },
            { title: t('school.vacancy'), dataIndex: 'vacancy' },
            { title: t('overview.underOver'), key: 'underOver', render: (_value, line) => `${line.under} / ${line.over}` },
            { title: t('overview.openFlags'), dataIndex: 'flags' },
            { title: t('overview.severities'), key: 'severities', render: (_value, line) => `${line.critical} / ${line.high} / ${line.medium}` },
            { title: t('overview.completion'), key: 'completion', render: (_value, line) => rate(line) },
          ]}
        />
      </ProCard>
    </PageContainer>
  );
}
