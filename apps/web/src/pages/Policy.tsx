import {
  DrawerForm,
  PageContainer,
  ProCard,
  ProFormDatePicker,
  ProFormDigit,
  ProFormSelect,
  ProFormSwitch,
  ProFormText,
  ProFormTextArea,
} from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Divider, Form, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, ApiError, type Page, type Schemas } from '../api/client';
import { useCodes } from '../codes';
import { GOOD, PENDING } from '../colours';
import { showFieldErrors } from '../components/fieldErrors';
import { isoDay, proseDate, tableDate, tableTime } from '../format';
import { useUser } from '../session';

type Policy = Schemas['PolicyResponse'];
type Version = Schemas['PolicyVersionListItem'];
type Parameters = Record<string, unknown>;

/** How a parameter reads and is edited: a number (with its unit), a share (shown in per cent), yes/no, a code or codes of a list, a month and day. */
type Kind = { number: string } | { share: true } | { bool: true } | { code: string } | { codes: string } | { monthDay: true };

/** Every parameter of a policy version but the weekly periods (a table of their own), by section, in the schema's order. */
const SECTIONS: { key: string; parameters: [path: string, kind: Kind][] }[] = [
  {
    key: 'quota',
    parameters: [
      ['studentsPerStaff.primary', { number: 'students' }],
      ['studentsPerStaff.junior', { number: 'students' }],
      ['studentsPerStaff.senior', { number: 'students' }],
      ['smallSchool.maxStudents', { number: 'students' }],
      ['smallSchool.locations', { codes: 'locations' }],
      ['smallSchool.stages', { codes: 'stages' }],
      ['smallSchool.teachersPerClass.primary', { number: 'perClass' }],
      ['smallSchool.teachersPerClass.junior', { number: 'perClass' }],
      ['boarding.enabled', { bool: true }],
      ['boarding.boardersPerStaff', { number: 'students' }],
    ],
  },
  {
    key: 'shortage',
    parameters: [
      ['standardLoad.primary', { number: 'periods' }],
      ['standardLoad.junior', { number: 'periods' }],
      ['standardLoad.senior', { number: 'periods' }],
      ['gapThreshold', { number: 'teachers' }],
      ['highSeverityGap', { number: 'teachers' }],
      ['psychology.fullTimeRequiredLocations', { codes: 'locations' }],
      ['psychology.fullTimeRequiredTownshipCentral', { bool: true }],
      ['psychology.studentsPerTeacher', { number: 'students' }],
      ['peArts.subjects', { codes: 'subjects' }],
      ['peArts.minPer100Students', { number: 'teachers' }],
    ],
  },
  {
    key: 'rotation',
    parameters: [
      ['minYearsAtSchool', { number: 'years' }],
      ['referenceMonthDay', { monthDay: true }],
      ['exemptAge', { number: 'age' }],
      ['minRotatingShare', { share: true }],
      ['minBackboneShare', { share: true }],
      ['backboneMinLevel', { code: 'backboneLevels' }],
      ['backboneDenominator', { code: 'backboneDenominators' }],
      ['targetScopes', { codes: 'targetScopes' }],
      ['schoolTargetLocations', { codes: 'locations' }],
      ['defaultTermYears', { number: 'years' }],
    ],
  },
  {
    key: 'antiPoaching',
    parameters: [
      ['developedZones', { codes: 'zones' }],
      ['protectedZones', { codes: 'zones' }],
      ['outstanding.minBackbone', { code: 'backboneLevels' }],
      ['outstanding.minTitle', { code: 'titleLevels' }],
      ['outstanding.posts', { codes: 'posts' }],
    ],
  },
  {
    key: 'eligibility',
    parameters: [
      ['qualifyingLocations', { codes: 'locations' }],
      ['weakQualifies', { bool: true }],
      ['minDailyFraction', { share: true }],
      ['seniorTitle.serviceDays', { number: 'days' }],
      ['seniorTitle.tenureTitle', { code: 'titleLevels' }],
      ['seniorTitle.tenureYears', { number: 'years' }],
      ['seniorTitle.requireTrainingOnPace', { bool: true }],
      ['principalPriority.serviceDays', { number: 'days' }],
    ],
  },
  {
    key: 'training',
    parameters: [
      ['cycleYears', { number: 'years' }],
      ['cycleAnchorYear', { number: 'year' }],
      ['hoursPerCycle', { number: 'hours' }],
      ['hourStep', { number: 'hours' }],
      ['maxHoursPerDay', { number: 'hours' }],
    ],
  },
];

/** The paths the form shows, as the API names them in a 400. */
const FORM_PATHS = new Set([
  'version',
  'effectiveFrom',
  'title',
  'source',
  ...SECTIONS.flatMap((section) => section.parameters.map(([path]) => `parameters.${section.key}.${path}`)),
]);

const GRADES = Array.from({ length: 12 }, (_value, index) => index + 1);

const at = (parameters: Parameters | undefined, path: string[]): unknown =>
  path.reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Parameters)[key] : undefined), parameters);

/** A share as per cent for the form, and back (rounded: 0.07 × 100 is not quite 7 in floating point). */
const toPercent = (value: unknown) => (typeof value === 'number' ? Math.round(value * 1e8) / 1e6 : value);
const fromPercent = (value: unknown) => (typeof value === 'number' ? Math.round(value * 1e4) / 1e6 : value);

/** The parameters with every share in per cent (the form's values), or back from per cent (the API's). */
function mapShares(parameters: Parameters, convert: (value: unknown) => unknown): Parameters {
  const copy = structuredClone(parameters);
  for (const section of SECTIONS)
    for (const [path, kind] of section.parameters) {
      if (!('share' in kind)) continue;
      const keys = [section.key, ...path.split('.')];
      const parent = at(copy, keys.slice(0, -1)) as Parameters | undefined;
      if (parent) parent[keys[keys.length - 1]] = convert(parent[keys[keys.length - 1]]);
    }
  return copy;
}

/** The form's parameters laid over the version they start from: what the form does not show (weekly periods) stays. */
function merge(base: unknown, changes: unknown): unknown {
  if (!changes || typeof changes !== 'object' || Array.isArray(changes) || !base || typeof base !== 'object' || Array.isArray(base))
    return changes === undefined ? base : changes;
  const result: Parameters = { ...(base as Parameters) };
  for (const [key, value] of Object.entries(changes as Parameters)) result[key] = merge(result[key], value);
  return result;
}

interface NewVersion {
  version: string;
  effectiveFrom: string;
  title: string;
  source?: string;
  parameters: Parameters;
}

/**
 * 政策参数: the policy version in force with every parameter labelled and with its unit, the weekly periods per subject
 * and grade, every version by the day it takes effect, and (the administrator) a new version starting from the one in force.
 */
export default function PolicyPage() {
  const { t, i18n } = useTranslation();
  const { label, options: labelOptions, refusal } = useCodes();
  const user = useUser();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<NewVersion>();
  const policy = useQuery({ queryKey: ['policy'], queryFn: () => api.get<Policy>('/policy') });
  const versions = useQuery({ queryKey: ['policy', 'versions'], queryFn: () => api.get<Page<Version>>('/policy/versions', { pageSize: 100 }) });
  const parameters = policy.data?.parameters;

  const show = (value: unknown, kind: Kind): string => {
    if (value === undefined || value === null) return '—';
    if ('number' in kind) return `${value as number} ${t(`policy.units.${kind.number}`)}`;
    if ('share' in kind) return `${toPercent(value) as number}%`;
    if ('bool' in kind) return value ? t('policy.yes') : t('policy.no');
    if ('code' in kind) return label(kind.code, value as string);
    if ('codes' in kind) {
      const codes = value as string[];
      return codes.length ? codes.map((code) => label(kind.codes, code)).join('、') : t('policy.none');
    }
    return value as string;
  };

  const field = (section: string, path: string, kind: Kind) => {
    const name = ['parameters', section, ...path.split('.')];
    const title = t(`policy.parameters.${section}.${path}`);
    const required = [{ required: true, message: t('form.required') }];
    if ('number' in kind)
      return <ProFormDigit key={path} name={name} label={title} rules={required} fieldProps={{ addonAfter: t(`policy.units.${kind.number}`) }} />;
    if ('share' in kind) return <ProFormDigit key={path} name={name} label={title} rules={required} fieldProps={{ addonAfter: '%' }} />;
    if ('bool' in kind) return <ProFormSwitch key={path} name={name} label={title} />;
    if ('code' in kind)
      return (
        <ProFormSelect key={path} name={name} label={title} rules={required} options={labelOptions(kind.code)} fieldProps={{ allowClear: false }} />
      );
    if ('codes' in kind) return <ProFormSelect key={path} name={name} label={title} mode="multiple" options={labelOptions(kind.codes)} />;
    return <ProFormText key={path} name={name} label={title} rules={required} placeholder="MM-DD" />;
  };

  return (
    <PageContainer
      title={t('menu.policy')}
      subTitle={policy.data ? t('policy.inForce', { version: policy.data.version }) : undefined}
      extra={
        user.role === 'PROVINCE_ADMIN' &&
        parameters && (
          <DrawerForm<NewVersion>
            form={form}
            name="policy-version"
            title={t('policy.new')}
            width={720}
            trigger={<Button type="primary">{t('policy.new')}</Button>}
            drawerProps={{ destroyOnHidden: true }}
            initialValues={{
              title: '',
              effectiveFrom: dayjs().add(1, 'day').format('YYYY-MM-DD'),
              parameters: mapShares(parameters, toPercent),
            }}
            onFinish={async (values) => {
              try {
                await api.post('/policy/versions', {
                  version: values.version,
                  effectiveFrom: isoDay(values.effectiveFrom),
                  title: values.title,
                  source: values.source || undefined,
                  parameters: merge(parameters, mapShares(values.parameters, fromPercent)),
                });
                void message.success(t('policy.published', { version: values.version }));
                await queryClient.invalidateQueries({ queryKey: ['policy'] });
                return true;
              } catch (error) {
                if (error instanceof ApiError && error.code === 'POLICY_VERSION_EXISTS')
                  form.setFields([{ name: 'version', errors: [t('policy.versionExists')] }]);
                else if (error instanceof ApiError && error.code === 'POLICY_BACKDATED')
                  form.setFields([{ name: 'effectiveFrom', errors: [t('policy.backdated')] }]);
                else if (
                  !showFieldErrors(form, error) ||
                  (error instanceof ApiError && Object.keys(error.fields).some((path) => !FORM_PATHS.has(path)))
                )
                  // A problem with what the form does not show (the weekly periods) is said in words.
                  void message.error(refusal(error));
                return false;
              }
            }}
          >
            <Typography.Paragraph>{t('policy.newHint', { version: policy.data?.version })}</Typography.Paragraph>
            <ProFormText
              name="version"
              label={t('policy.version')}
              extra={t('policy.versionRule')}
              placeholder="jiangsu-2027.1"
              rules={[{ required: true, message: t('form.required') }]}
            />
            <ProFormDatePicker name="effectiveFrom" label={t('policy.effectiveFrom')} rules={[{ required: true, message: t('form.required') }]} />
            <ProFormText name="title" label={t('policy.title')} rules={[{ required: true, message: t('form.required') }]} />
            <ProFormTextArea name="source" label={t('policy.source')} fieldProps={{ maxLength: 2000 }} />
            {SECTIONS.map((section) => (
              <div key={section.key}>
                <Divider orientation="left">{t(`policy.sections.${section.key}`)}</Divider>
                {section.parameters.map(([path, kind]) => field(section.key, path, kind))}
              </div>
            ))}
          </DrawerForm>
        )
      }
    >
      <ProCard title={t('policy.versions')} headerBordered style={{ marginBottom: 16 }}>
        <Table<Version>
          rowKey="version"
          size="small"
          loading={versions.isLoading}
          dataSource={versions.data?.items ?? []}
          pagination={false}
          columns={[
            { title: t('policy.version'), dataIndex: 'version' },
            { title: t('policy.title'), dataIndex: 'title' },
            { title: t('policy.effectiveFrom'), dataIndex: 'effectiveFrom', render: (value: string) => tableDate(value) },
            { title: t('policy.publishedAt'), dataIndex: 'publishedAt', render: (value: string) => tableTime(value) },
            {
              title: t('field.status'),
              key: 'status',
              render: (_value, row) =>
                row.inForce ? (
                  <Tag color={GOOD}>{t('policy.current')}</Tag>
                ) : row.effectiveFrom > dayjs().format('YYYY-MM-DD') ? (
                  <Tag color={PENDING}>{t('policy.upcoming')}</Tag>
                ) : (
                  <Tag>{t('policy.superseded')}</Tag>
                ),
            },
          ]}
        />
      </ProCard>
      <ProCard
        title={policy.data ? `${policy.data.title}（${policy.data.version}）` : t('policy.parametersTitle')}
        subTitle={policy.data ? t('policy.since', { date: proseDate(policy.data.effectiveFrom, i18n.language) }) : undefined}
        headerBordered
        loading={policy.isLoading}
        style={{ marginBottom: 16 }}
      >
        {SECTIONS.map((section) => (
          <Descriptions
            key={section.key}
            title={t(`policy.sections.${section.key}`)}
            column={2}
            size="small"
            bordered
            style={{ marginBottom: 16 }}
            items={section.parameters.map(([path, kind]) => ({
              key: path,
              label: t(`policy.parameters.${section.key}.${path}`),
              children: <span data-testid={`policy-${section.key}.${path}`}>{show(at(parameters, [section.key, ...path.split('.')]), kind)}</span>,
            }))}
          />
        ))}
      </ProCard>
      <ProCard title={t('policy.weeklyPeriods')} headerBordered loading={policy.isLoading}>
        <Table<{ subject: string; periods: number[] }>
          rowKey="subject"
          size="small"
          pagination={false}
          scroll={{ x: true }}
          dataSource={Object.entries((at(parameters, ['shortage', 'weeklyPeriods']) as Record<string, number[]> | undefined) ?? {}).map(
            ([subject, periods]) => ({ subject, periods }),
          )}
          columns={[
            { title: t('field.subject'), dataIndex: 'subject', render: (value: string) => label('subjects', value) },
            ...GRADES.map((grade) => ({
              title: t('policy.grade', { grade }),
              key: `grade-${grade}`,
              render: (_value: unknown, row: { periods: number[] }) => row.periods[grade - 1],
            })),
          ]}
        />
      </ProCard>
    </PageContainer>
  );
}
