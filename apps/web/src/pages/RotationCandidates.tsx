import {
  ModalForm,
  PageContainer,
  ProCard,
  ProFormDatePicker,
  ProFormSelect,
  ProFormTextArea,
  ProTable,
  type ProFormInstance,
} from '@ant-design/pro-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Input, Popconfirm, Select, Space, Statistic, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, download, type Schemas } from '../api/client';
import { useCodes } from '../codes';
import { BAD, GOOD } from '../colours';
import { showFieldErrors } from '../components/fieldErrors';
import { isoDay, proseDate, tableDate } from '../format';
import { useUser } from '../session';

type Candidates = Schemas['RotationCandidatesResponse'];
type Candidate = Schemas['CandidateResponse'];
type ExemptCandidate = Schemas['ExemptCandidateResponse'];
type Report = Schemas['RotationRewardsResponse'];
type SchoolReward = Schemas['SchoolRewardResponse'];

interface ExemptionValues {
  reason: string;
  note?: string;
  validFrom: string;
  validTo?: string;
}

/** The plan years an officer may look at: last year's to three years ahead. */
function yearOptions(): number[] {
  const now = new Date().getFullYear();
  return [now - 1, now, now + 1, now + 2, now + 3];
}

/**
 * 轮岗人选: who must rotate in a plan year (the county's targets and the reference day in words), who is exempt and why;
 * the officer records an exemption for an eligible teacher or withdraws a recorded one. Beside them, the county's
 * rotation report for the year: what each school sent and received, and whether the targets are met.
 */
export default function RotationCandidates() {
  const { t, i18n } = useTranslation();
  const { label, options, refusal } = useCodes();
  const user = useUser();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [year, setYear] = useState<number | undefined>(undefined);
  const [q, setQ] = useState('');
  const [school, setSchool] = useState<string | undefined>(undefined);
  const [backboneOnly, setBackboneOnly] = useState(false);
  const [exempting, setExempting] = useState<Candidate | null>(null);
  const form = useRef<ProFormInstance<ExemptionValues>>(undefined);
  const en = i18n.language === 'en';
  const countyId = user.countyId;

  const candidates = useQuery({
    queryKey: ['rotation-candidates', countyId, year ?? 'default'],
    queryFn: () => api.get<Candidates>(`/counties/${countyId}/rotation-candidates`, { year }),
    enabled: !!countyId,
  });
  const shownYear = year ?? candidates.data?.year;
  const report = useQuery({
    queryKey: ['rotation-report', countyId, shownYear],
    queryFn: () => api.get<Report>(`/counties/${countyId}/rotation-report`, { year: shownYear }),
    enabled: !!countyId && shownYear !== undefined,
  });
  const withdraw = useMutation({
    mutationFn: (exemptionId: string) => api.delete(`/rotation-exemptions/${exemptionId}`),
    onSuccess: async () => {
      void message.success(t('candidates.withdrawn'));
      await queryClient.invalidateQueries({ queryKey: ['rotation-candidates'] });
    },
    onError: (error) => void message.error(refusal(error)),
  });

  const data = candidates.data;
  const targets = data?.targets;
  const needle = q.trim().toLowerCase();
  const eligible = (data?.eligible ?? []).filter(
    (candidate) =>
      (!needle || candidate.name.toLowerCase().includes(needle) || candidate.staffNo.toLowerCase().includes(needle)) &&
      (!school || candidate.schoolId === school) &&
      (!backboneOnly || candidate.countsAsBackbone),
  );
  // Recorded exemptions first (the officer may withdraw them), then those by age; by staff number within each.
  const recorded = (row: ExemptCandidate) => row.exemptions.some((ground) => ground.exemptionId);
  const exempt = [...(data?.exempt ?? [])].sort((a, b) => Number(recorded(b)) - Number(recorded(a)) || a.staffNo.localeCompare(b.staffNo));
  const schools = [...new Map((data?.eligible ?? []).map((candidate) => [candidate.schoolId, candidate.schoolName ?? candidate.schoolId])).entries()]
    .sort((a, b) => a[1].localeCompare(b[1], 'zh'))
    .map(([value, name]) => ({ value, label: name }));

  const teacherLink = (row: Candidate) => <Link to={`/teachers/${row.teacherId}`}>{`${row.name}（${row.staffNo}）`}</Link>;
  const backboneTag = (row: Candidate) =>
    row.countsAsBackbone ? <Tag color={GOOD}>{label('backboneLevels', row.backbone)}</Tag> : label('backboneLevels', row.backbone);

  const eligibleTab = (
    <ProTable<Candidate>
      rowKey="teacherId"
      search={false}
      options={false}
      loading={candidates.isLoading}
      dataSource={eligible}
      pagination={{ pageSize: 20 }}
      headerTitle={t('candidates.eligibleCount', { count: eligible.length })}
      toolBarRender={() => [
        <Input.Search
          key="q"
          allowClear
          placeholder={t('teacher.search')}
          aria-label={t('teacher.search')}
          style={{ width: 200 }}
          onSearch={setQ}
          onChange={(event) => !event.target.value && setQ('')}
        />,
        <Select
          key="school"
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('candidates.allSchools')}
          aria-label={t('field.school')}
          style={{ width: 220 }}
          value={school}
          onChange={setSchool}
          options={schools}
        />,
        <Select
          key="backbone"
          aria-label={t('teacher.backbone')}
          style={{ width: 160 }}
          value={backboneOnly ? 'backbone' : 'all'}
          onChange={(value) => setBackboneOnly(value === 'backbone')}
          options={[
            { value: 'all', label: t('candidates.everyone') },
            { value: 'backbone', label: t('candidates.backboneOnly') },
          ]}
        />,
      ]}
      columns={[
        { title: t('field.teacher'), dataIndex: 'name', render: (_dom, row) => teacherLink(row) },
        { title: t('field.school'), dataIndex: 'schoolName' },
        { title: t('field.subject'), dataIndex: 'subject', render: (_dom, row) => label('subjects', row.subject) },
        {
          title: t('candidates.yearsAtSchool'),
          dataIndex: 'yearsAtSchool',
          render: (_dom, row) => t('rotation.years', { years: row.yearsAtSchool }),
        },
        { title: t('candidates.since'), dataIndex: 'since', render: (_dom, row) => tableDate(row.since) },
        { title: t('teacher.backbone'), dataIndex: 'backbone', render: (_dom, row) => backboneTag(row) },
        {
          title: t('field.actions'),
          valueType: 'option',
          render: (_dom, row) => [
            <Button key="exempt" size="small" onClick={() => setExempting(row)} aria-label={t('candidates.exemptOne', { name: row.name })}>
              {t('candidates.exempt')}
            </Button>,
          ],
        },
      ]}
    />
  );

  const exemptTab = (
    <ProTable<ExemptCandidate>
      rowKey="teacherId"
      search={false}
      options={false}
      loading={candidates.isLoading}
      dataSource={exempt}
      pagination={{ pageSize: 20 }}
      headerTitle={t('candidates.exemptCount', { count: data?.exempt.length ?? 0 })}
      data-testid="exempt-table"
      columns={[
        { title: t('field.teacher'), dataIndex: 'name', render: (_dom, row) => teacherLink(row) },
        { title: t('field.school'), dataIndex: 'schoolName' },
        {
          title: t('candidates.yearsAtSchool'),
          dataIndex: 'yearsAtSchool',
          render: (_dom, row) => t('rotation.years', { years: row.yearsAtSchool }),
        },
        {
          title: t('candidates.grounds'),
          dataIndex: 'reason',
          render: (_dom, row) => (
            <Space direction="vertical" size={0}>
              {row.exemptions.map((ground) => (
                <span key={ground.exemptionId ?? ground.kind}>
                  <Tag>{ground.reason ? label('exemptionReasons', ground.reason) : label('exemptionKinds', ground.kind)}</Tag>
                  {ground.note ?? ''}
                  {ground.validFrom &&
                    ` ${t('candidates.validity', { from: tableDate(ground.validFrom), to: ground.validTo ? tableDate(ground.validTo) : t('candidates.untilWithdrawn') })}`}
                </span>
              ))}
            </Space>
          ),
        },
        {
          title: t('field.actions'),
          valueType: 'option',
          render: (_dom, row) =>
            row.exemptions
              .filter((ground) => ground.exemptionId)
              .map((ground) => (
                <Popconfirm
                  key={ground.exemptionId}
                  title={t('candidates.withdrawConfirm', { name: row.name })}
                  okText={t('candidates.withdraw')}
                  cancelText={t('candidates.keep')}
                  onConfirm={() => withdraw.mutate(ground.exemptionId as string)}
                >
                  <Button size="small" danger aria-label={t('candidates.withdrawOne', { name: row.name })}>
                    {t('candidates.withdraw')}
                  </Button>
                </Popconfirm>
              )),
        },
      ]}
    />
  );

  return (
    <PageContainer
      title={t('menu.rotationCandidates')}
      extra={
        <Space>
          <label htmlFor="candidates-year">{t('field.year')}</label>
          <Select<number>
            id="candidates-year"
            style={{ width: 110 }}
            value={shownYear}
            onChange={setYear}
            options={yearOptions().map((value) => ({ value, label: String(value) }))}
          />
        </Space>
      }
    >
      {data && targets && (
        <ProCard style={{ marginBottom: 16 }}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Paragraph style={{ marginBottom: 0 }} data-testid="reference-day">
              {t('candidates.referenceLine', { year: data.year, date: proseDate(data.referenceDate, i18n.language), policy: data.policyVersion })}
            </Typography.Paragraph>
            <Typography.Paragraph style={{ marginBottom: 0 }}>
              {t('rotation.targetsLine', { eligible: targets.eligibleCount, min: targets.minRotating, backbone: targets.minBackbone })}
              {data.notEligibleCount > 0 && t('candidates.notEligible', { count: data.notEligibleCount })}
            </Typography.Paragraph>
            <Space size="large" wrap>
              <Statistic title={t('rotation.eligibleCount')} value={targets.eligibleCount} />
              <Statistic title={t('candidates.minRotating')} value={targets.minRotating} />
              <Statistic title={t('candidates.minBackbone')} value={targets.minBackbone} />
              <Statistic title={t('candidates.exemptTotal')} value={data.exempt.length} />
            </Space>
            <Typography.Text>{en ? targets.summary.en : targets.summary.zh}</Typography.Text>
          </Space>
        </ProCard>
      )}
      <Tabs
        items={[
          { key: 'eligible', label: t('candidates.eligibleTab'), children: eligibleTab },
          { key: 'exempt', label: t('candidates.exemptTab'), children: exemptTab },
          { key: 'report', label: t('candidates.reportTab'), children: <RotationReport report={report.data} loading={report.isLoading} /> },
        ]}
      />
      <ModalForm<ExemptionValues>
        name="exemption"
        formRef={form}
        open={!!exempting}
        title={t('candidates.exemptTitle', { name: exempting?.name ?? '' })}
        initialValues={{ validFrom: dayjs().format('YYYY-MM-DD') }}
        modalProps={{ destroyOnHidden: true, onCancel: () => setExempting(null) }}
        onFinish={async (values) => {
          if (!exempting) return false;
          try {
            await api.post(`/teachers/${exempting.teacherId}/rotation-exemptions`, {
              reason: values.reason,
              note: values.note || undefined,
              validFrom: isoDay(values.validFrom),
              validTo: values.validTo ? isoDay(values.validTo) : undefined,
            });
            void message.success(t('candidates.exempted', { name: exempting.name }));
            setExempting(null);
            await queryClient.invalidateQueries({ queryKey: ['rotation-candidates'] });
            return true;
          } catch (error) {
            if (!form.current || !showFieldErrors(form.current, error)) void message.error(refusal(error));
            return false;
          }
        }}
      >
        <ProFormSelect
          name="reason"
          label={t('candidates.reason')}
          options={options('exemptionReasons')}
          rules={[{ required: true, message: t('form.required') }]}
        />
        <ProFormTextArea name="note" label={t('candidates.note')} fieldProps={{ maxLength: 500 }} tooltip={t('candidates.noteHint')} />
        <ProFormDatePicker name="validFrom" label={t('candidates.validFrom')} rules={[{ required: true, message: t('form.required') }]} />
        <ProFormDatePicker name="validTo" label={t('candidates.validTo')} tooltip={t('candidates.validToHint')} />
      </ModalForm>
    </PageContainer>
  );
}

/** The county's rotation report for the year: the totals in words, then each school's figures, ranked. */
function RotationReport({ report, loading }: { report: Report | undefined; loading: boolean }) {
  const { t, i18n } = useTranslation();
  const { label } = useCodes();
  const { message } = App.useApp();
  if (!report) return <ProCard loading={loading} />;
  const totals = report.totals;
  const county = totals.targets;
  const met = (value: boolean) => <Tag color={value ? GOOD : BAD}>{value ? t('candidates.met') : t('candidates.notMet')}</Tag>;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Alert
        type={totals.meetsTargets ? 'success' : 'warning'}
        showIcon
        data-testid="report-summary"
        message={totals.meetsTargets ? t('candidates.reportMeets', { year: report.year }) : t('candidates.reportBelow', { year: report.year })}
        description={
          <Space direction="vertical" size={0}>
            <span>
              {t('candidates.reportPlans', {
                count: report.plans.count,
                assignments: report.plans.assignments,
                statuses: report.plans.statuses.map((status) => label('rotationPlanStatuses', status)).join('、'),
              })}
            </span>
            <span>
              {t('candidates.reportSent', {
                sent: totals.sent,
                backbone: totals.backboneSent,
                shared: totals.sharedSent,
                received: totals.received,
                shadowing: totals.shadowingSent,
              })}
            </span>
            <span>
              {t('candidates.reportCounty', {
                rotating: county.rotatingCount,
                min: county.minRotating,
                backbone: county.backboneRotating,
                minBackbone: county.minBackbone,
              })}
            </span>
            <span>
              {t('candidates.reportSchools', {
                met: totals.schoolsMeetingTargets,
                count: totals.schoolsWithTargets,
                ranked: totals.ranked,
                schools: totals.schools,
              })}
            </span>
            <span>{t('candidates.reportReference', { date: proseDate(report.referenceDate, i18n.language), policy: report.policyVersion })}</span>
          </Space>
        }
      />
      <ProTable<SchoolReward>
        rowKey="schoolId"
        search={false}
        options={false}
        dataSource={report.schools}
        pagination={{ pageSize: 20 }}
        headerTitle={t('candidates.reportBySchool')}
        toolBarRender={() => [
          <Button
            key="xlsx"
            onClick={() =>
              void download(
                `/counties/${report.countyId}/rotation-report`,
                { year: report.year, format: 'xlsx' },
                `rotation-report-${report.countyId}-${report.year}.xlsx`,
              ).catch(() => void message.error(t('error.generic')))
            }
          >
            {t('candidates.downloadXlsx')}
          </Button>,
        ]}
        columns={[
          { title: t('candidates.rank'), dataIndex: 'rank', render: (_dom, row) => row.rank ?? '—' },
          { title: t('field.school'), dataIndex: 'name', render: (_dom, row) => `${row.name}（${row.code}）` },
          { title: t('field.location'), dataIndex: 'location', render: (_dom, row) => label('locations', row.location) },
          { title: t('candidates.sent'), dataIndex: 'sent' },
          { title: t('candidates.backboneSent'), dataIndex: 'backboneSent' },
          { title: t('candidates.received'), dataIndex: 'received' },
          {
            title: t('candidates.schoolTargets'),
            dataIndex: 'targets',
            render: (_dom, row) =>
              row.targets ? (
                <Space size={4}>
                  {t('candidates.targetPair', {
                    rotating: row.targets.rotatingCount,
                    min: row.targets.minRotating,
                    backbone: row.targets.backboneRotating,
                    minBackbone: row.targets.minBackbone,
                  })}
                  {met(row.targets.meetsTargets)}
                </Space>
              ) : (
                t('candidates.noTargets')
              ),
          },
        ]}
      />
    </Space>
  );
}
