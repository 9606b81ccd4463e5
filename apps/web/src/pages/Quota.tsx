import { ModalForm, PageContainer, ProCard, ProFormDigit, ProFormSelect, ProFormTextArea } from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Select, Space, Statistic, Table, Tag, type FormInstance } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ApiError, download, type Schemas } from '../api/client';
import { useCodes } from '../codes';
import { BAD, GOOD, WAITING } from '../colours';
import { showFieldErrors } from '../components/fieldErrors';
import { TotalsRow } from '../components/TotalsRow';
import { tableDate } from '../format';
import { useUser } from '../session';

type Report = Schemas['CountyStaffingReportResponse'];
type Line = Report['schools'][number];
type Rollup = Schemas['StaffingRollupResponse'];
type CountyLine = Rollup['counties'][number];

/** The school year today falls in, named by the calendar year it starts in (1 September). */
function currentSchoolYear(): number {
  const today = dayjs();
  return today.month() >= 8 ? today.year() : today.year() - 1;
}

const STATUS_COLOURS: Record<string, string | undefined> = { OVER: BAD, UNDER: WAITING, AT_QUOTA: GOOD };

/**
 * 编制管理: a county officer's quota pool for a school year (the approved total, what is allocated and left), every
 * school's standard quota, allocation, on-quota headcount and vacancy, with the allocation and moves between schools
 * edited here, and the report as an Excel workbook. City officers and the administrator read the same figures summed by
 * county for their city or the province.
 */
export default function Quota() {
  const { t } = useTranslation();
  const user = useUser();
  const [year, setYear] = useState(currentSchoolYear);
  const thisYear = currentSchoolYear();
  const years = [thisYear + 1, thisYear, thisYear - 1, thisYear - 2, thisYear - 3];
  const picker = (
    <Select<number>
      key="year"
      aria-label={t('quota.year')}
      value={year}
      onChange={setYear}
      style={{ width: 140 }}
      options={years.map((value) => ({ value, label: t('quota.yearOption', { year: value }) }))}
    />
  );
  return (
    <PageContainer title={t('menu.quota')}>
      {user.role === 'COUNTY_OFFICER' && user.countyId ? (
        <CountyQuota countyId={user.countyId} year={year} picker={picker} />
      ) : (
        <StaffingRollup year={year} picker={picker} />
      )}
    </PageContainer>
  );
}

/** Puts an error next to `field`: a 400's messages by field, or a 422's label with what `hint` adds. */
function fieldRefusal(form: FormInstance, error: unknown, field: string, refusal: string, hint?: string): boolean {
  if (showFieldErrors(form, error)) return true;
  if (error instanceof ApiError && error.status === 422) {
    form.setFields([{ name: field, errors: hint ? [refusal, hint] : [refusal] }]);
    return true;
  }
  return false;
}

function CountyQuota({ countyId, year, picker }: { countyId: string; year: number; picker: React.ReactNode }) {
  const { t } = useTranslation();
  const { label } = useCodes();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { refusal } = useCodes();
  const [poolForm] = Form.useForm();
  const [allocationForm] = Form.useForm();
  const [moveForm] = Form.useForm();
  const [editing, setEditing] = useState<Line | null>(null);
  const report = useQuery({
    queryKey: ['staffing-report', countyId, year],
    queryFn: () => api.get<Report>(`/counties/${countyId}/staffing-report`, { year }),
  });
  const r = report.data;
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['staffing-report', countyId] });
    await queryClient.invalidateQueries({ queryKey: ['school'] });
  };
  /** Writes, says `done` and reads the figures again; a refusal goes next to `field` (with `hint` from its details), else in a toast. */
  const save = async (
    form: FormInstance,
    field: string,
    write: () => Promise<unknown>,
    done: string,
    hint?: (error: unknown) => string | undefined,
  ) => {
    try {
      await write();
      void message.success(done);
      await refresh();
      return true;
    } catch (error) {
      if (!fieldRefusal(form, error, field, refusal(error), hint?.(error))) void message.error(refusal(error));
      return false;
    }
  };
  const schoolOptions = (r?.schools ?? []).map((school) => ({ value: school.schoolId, label: `${school.name}（${school.code}）` }));

  const columns: ColumnsType<Line> = [
    { title: t('field.code'), dataIndex: 'code', width: 90 },
    { title: t('field.school'), dataIndex: 'name', render: (_value, row) => <Link to={`/schools/${row.schoolId}`}>{row.name}</Link> },
    { title: t('field.stage'), dataIndex: 'stage', render: (value: string) => label('stages', value) },
    { title: t('field.location'), dataIndex: 'location', render: (value: string | null) => label('locations', value) || '—' },
    { title: t('school.students'), dataIndex: 'students', align: 'right', render: (value: number | null) => value ?? '—' },
    { title: t('school.standardQuota'), dataIndex: 'standardQuota', align: 'right', render: (value: number | null) => value ?? '—' },
    { title: t('school.allocatedQuota'), dataIndex: 'allocatedQuota', align: 'right', render: (value: number | null) => value ?? '—' },
    { title: t('school.headcount'), dataIndex: 'onQuotaHeadcount', align: 'right' },
    { title: t('school.vacancy'), dataIndex: 'vacancy', align: 'right', render: (value: number | null) => value ?? '—' },
    {
      title: t('field.status'),
      dataIndex: 'status',
      render: (value: string) => <Tag color={STATUS_COLOURS[value]}>{label('staffingStatuses', value)}</Tag>,
    },
    { title: t('field.flags'), dataIndex: 'openShortageFlags', align: 'right' },
    {
      title: t('field.actions'),
      key: 'actions',
      render: (_value, row) => (
        <Button
          type="link"
          size="small"
          aria-label={t('quota.allocateFor', { school: row.name })}
          onClick={() => {
            setEditing(row);
            allocationForm.setFieldsValue({ allocated: row.allocatedQuota ?? undefined, reason: undefined });
          }}
        >
          {t('quota.allocate')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <ProCard
        title={t('quota.pool', { county: r?.countyName ?? '', year })}
        headerBordered
        loading={report.isLoading}
        style={{ marginBottom: 16 }}
        extra={
          <Space wrap>
            {picker}
            <ModalForm<{ approvedTotal: number; reason?: string }>
              form={poolForm}
              name="quota-pool"
              title={t('quota.setTotalTitle', { year })}
              trigger={<Button>{t('quota.setTotal')}</Button>}
              modalProps={{ destroyOnHidden: true }}
              initialValues={{ approvedTotal: r?.pool.approvedTotal ?? undefined }}
              onFinish={(values) =>
                save(
                  poolForm,
                  'approvedTotal',
                  () => api.put(`/counties/${countyId}/quota`, { year, approvedTotal: values.approvedTotal, reason: values.reason || undefined }),
                  t('quota.saved'),
                )
              }
            >
              <ProFormDigit
                name="approvedTotal"
                label={t('quota.approvedTotal')}
                min={0}
                fieldProps={{ precision: 0 }}
                rules={[{ required: true, message: t('form.required') }]}
              />
              <ProFormTextArea name="reason" label={t('quota.reason')} fieldProps={{ maxLength: 500 }} />
            </ModalForm>
            <ModalForm<{ fromSchoolId: string; toSchoolId: string; amount: number; reason: string }>
              form={moveForm}
              name="quota-move"
              title={t('quota.moveTitle', { year })}
              trigger={<Button disabled={!r || r.pool.approvedTotal === null}>{t('quota.move')}</Button>}
              modalProps={{ destroyOnHidden: true }}
              onFinish={(values) =>
                save(moveForm, 'amount', () => api.post(`/counties/${countyId}/quota-moves`, { ...values, year }), t('quota.moved'))
              }
            >
              <ProFormSelect
                name="fromSchoolId"
                label={t('quota.fromSchool')}
                options={schoolOptions}
                showSearch
                rules={[{ required: true, message: t('form.required') }]}
              />
              <ProFormSelect
                name="toSchoolId"
                label={t('quota.toSchool')}
                options={schoolOptions}
                showSearch
                dependencies={['fromSchoolId']}
                rules={[
                  { required: true, message: t('form.required') },
                  ({ getFieldValue }) => ({
                    validator: (_rule, value) =>
                      value && value === getFieldValue('fromSchoolId') ? Promise.reject(new Error(t('quota.sameSchool'))) : Promise.resolve(),
                  }),
                ]}
              />
              <ProFormDigit
                name="amount"
                label={t('quota.amount')}
                min={1}
                fieldProps={{ precision: 0 }}
                rules={[{ required: true, message: t('form.required') }]}
              />
              <ProFormTextArea
                name="reason"
                label={t('quota.reason')}
                fieldProps={{ maxLength: 500 }}
                rules={[{ required: true, message: t('form.required') }]}
              />
            </ModalForm>
            <Button
              type="primary"
              onClick={() =>
                void download(`/counties/${countyId}/staffing-report`, { year, format: 'xlsx' }, `staffing-${countyId}-${year}.xlsx`).catch(() =>
                  message.error(t('error.generic')),
                )
              }
            >
              {t('quota.downloadXlsx')}
            </Button>
          </Space>
        }
      >
        {r && (
          <Space size={48} wrap>
            <Statistic title={t('quota.approvedTotal')} value={r.pool.approvedTotal ?? t('quota.notApproved')} data-testid="pool-approved" />
            <Statistic title={t('quota.allocated')} value={r.pool.allocated} data-testid="pool-allocated" />
            <Statistic title={t('quota.unallocated')} value={r.pool.unallocated ?? '—'} data-testid="pool-unallocated" />
            <Statistic title={t('school.standardQuota')} value={r.totals.standardQuota} />
            <Statistic title={t('school.headcount')} value={r.totals.onQuotaHeadcount} />
            <Statistic title={t('school.vacancy')} value={r.totals.vacancy} />
          </Space>
        )}
        {r && (
          <p style={{ margin: '8px 0 0' }}>
            {t('quota.asOfLine', { date: tableDate(r.asOf), policy: r.policyVersion, over: r.totals.over, under: r.totals.under })}
          </p>
        )}
      </ProCard>
      <ProCard title={t('quota.schools')} headerBordered>
        <Table<Line>
          rowKey="schoolId"
          size="small"
          loading={report.isLoading}
          dataSource={r?.schools ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={columns}
          summary={() =>
            r ? (
              <TotalsRow
                label={t('shortages.total')}
                span={4}
                align="right"
                cells={[
                  r.totals.students,
                  r.totals.standardQuota,
                  r.totals.allocatedQuota,
                  r.totals.onQuotaHeadcount,
                  r.totals.vacancy,
                  null,
                  r.totals.openShortageFlags,
                  null,
                ]}
              />
            ) : null
          }
        />
      </ProCard>
      <ModalForm<{ allocated: number; reason?: string }>
        form={allocationForm}
        name="quota-allocation"
        title={editing ? t('quota.allocateTitle', { school: editing.name, year }) : ''}
        open={!!editing}
        onOpenChange={(open) => {
          if (!open) setEditing(null);
        }}
        modalProps={{ destroyOnHidden: true }}
        onFinish={async (values) => {
          if (!editing) return false;
          const saved = await save(
            allocationForm,
            'allocated',
            () => api.put(`/schools/${editing.schoolId}/quota-allocation`, { year, allocated: values.allocated, reason: values.reason || undefined }),
            t('quota.saved'),
            (error) => {
              const available = error instanceof ApiError ? error.details.available : undefined;
              return typeof available === 'number' ? t('quota.availableHint', { count: available }) : undefined;
            },
          );
          if (saved) setEditing(null);
          return saved;
        }}
      >
        {r && (
          <p>
            {t('quota.poolLine', {
              approved: r.pool.approvedTotal ?? t('quota.notApproved'),
              allocated: r.pool.allocated,
              unallocated: r.pool.unallocated ?? '—',
            })}
          </p>
        )}
        <ProFormDigit
          name="allocated"
          label={t('school.allocatedQuota')}
          min={0}
          fieldProps={{ precision: 0 }}
          rules={[{ required: true, message: t('form.required') }]}
        />
        <ProFormTextArea name="reason" label={t('quota.reason')} fieldProps={{ maxLength: 500 }} />
      </ModalForm>
    </>
  );
}

/** City officers and the administrator: the staffing of each county of their city or of the province, read only. */
function StaffingRollup({ year, picker }: { year: number; picker: React.ReactNode }) {
  const { t } = useTranslation();
  const rollup = useQuery({ queryKey: ['staffing-rollup', year], queryFn: () => api.get<Rollup>('/staffing-report', { year }) });
  const r = rollup.data;
  const value = (v: number | null) => v ?? '—';
  return (
    <ProCard
      title={r?.cityId ? t('quota.rollupCity', { year }) : t('quota.rollupProvince', { year })}
      headerBordered
      extra={picker}
      loading={rollup.isLoading}
    >
      {r && (
        <p style={{ marginTop: 0 }}>
          {t('quota.rollupLine', { date: tableDate(r.asOf), policy: r.policyVersion, missing: r.totals.countiesWithoutApprovedTotal })}
        </p>
      )}
      <Table<CountyLine>
        rowKey="countyId"
        size="small"
        dataSource={r?.counties ?? []}
        pagination={false}
        columns={[
          { title: t('field.county'), dataIndex: 'countyName' },
          { title: t('quota.schoolCount'), dataIndex: 'schools', align: 'right' },
          { title: t('school.students'), dataIndex: 'students', align: 'right' },
          { title: t('quota.approvedTotal'), dataIndex: 'approvedTotal', align: 'right', render: value },
          { title: t('quota.allocated'), dataIndex: 'allocated', align: 'right' },
          { title: t('quota.unallocated'), dataIndex: 'unallocated', align: 'right', render: value },
          { title: t('school.standardQuota'), dataIndex: 'standardQuota', align: 'right' },
          { title: t('school.headcount'), dataIndex: 'onQuotaHeadcount', align: 'right' },
          { title: t('school.vacancy'), dataIndex: 'vacancy', align: 'right' },
          { title: t('quota.overUnder'), key: 'overUnder', align: 'right', render: (_v, row) => `${row.over} / ${row.under}` },
          { title: t('field.flags'), dataIndex: 'openShortageFlags', align: 'right' },
        ]}
        summary={() =>
          r ? (
            <TotalsRow
              label={t('shortages.total')}
              align="right"
              cells={[
                r.totals.schools,
                r.totals.students,
                r.totals.approvedTotal,
                r.totals.allocatedQuota,
                null,
                r.totals.standardQuota,
                r.totals.onQuotaHeadcount,
                r.totals.vacancy,
                `${r.totals.over} / ${r.totals.under}`,
                r.totals.openShortageFlags,
              ]}
            />
          ) : null
        }
      />
    </ProCard>
  );
}
