import { PageContainer, ProCard, ProFormDatePicker, ProFormDigit, ProFormSelect, StepsForm, type ProFormInstance } from '@ant-design/pro-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Input, Modal, Space, Statistic, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, type Page, type Schemas } from '../api/client';
import { useCodes } from '../codes';
import { GOOD, WAITING } from '../colours';
import { showFieldErrors } from '../components/fieldErrors';
import { isoDay, proseDate, tableDate } from '../format';
import { useUser } from '../session';

type Plan = Schemas['RotationPlanDetailResponse'];
type Assignment = Schemas['RotationAssignmentResponse'];
type Candidates = Schemas['RotationCandidatesResponse'];
type School = Schemas['SchoolResponse'];

interface AssignmentValues {
  teacherId?: string;
  toSchoolId?: string;
  startDate?: Dayjs | string;
  mode?: string;
  fraction?: number;
}

/**
 * 计划编制: the plan builder in three steps — the plan, its assignments (each one's effect on the teacher's eligibility
 * shown, compliance and warnings updated as they are added), and its way through submit, approve and activate.
 */
export default function RotationPlanBuilder() {
  const { t, i18n } = useTranslation();
  const { label, options, refusal } = useCodes();
  const { id } = useParams();
  const user = useUser();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const assignmentForm = useRef<ProFormInstance<AssignmentValues>>(undefined);
  const [step, setStep] = useState<number | null>(null);
  const en = i18n.language === 'en';
  const plan = useQuery({ queryKey: ['rotation-plan', id], queryFn: () => api.get<Plan>(`/rotation-plans/${id}`) });
  const p = plan.data;
  const officer = user.role === 'COUNTY_OFFICER';
  const candidates = useQuery({
    queryKey: ['rotation-candidates', p?.countyId, p?.year],
    queryFn: () => api.get<Candidates>(`/counties/${p?.countyId}/rotation-candidates`, { year: p?.year }),
    enabled: !!p && officer && p.status === 'DRAFT',
  });
  const schools = useQuery({
    queryKey: ['schools', 'county', p?.countyId],
    queryFn: () => api.get<Page<School>>('/schools', { countyId: p?.countyId, pageSize: 500 }),
    enabled: !!p && officer && p.status === 'DRAFT',
  });
  const refresh = () => queryClient.invalidateQueries();
  const add = useMutation({
    mutationFn: (values: Required<Pick<AssignmentValues, 'teacherId' | 'toSchoolId' | 'startDate' | 'mode'>> & { fraction?: number }) =>
      api.post(`/rotation-plans/${id}/assignments`, {
        teacherId: values.teacherId,
        toSchoolId: values.toSchoolId,
        startDate: isoDay(values.startDate),
        mode: values.mode,
        fraction: values.mode === 'SHARED' ? values.fraction : undefined,
      }),
    onSuccess: async () => {
      void message.success(t('rotation.added'));
      assignmentForm.current?.resetFields(['teacherId', 'toSchoolId']);
      await refresh();
    },
    onError: (error) => {
      if (!assignmentForm.current || !showFieldErrors(assignmentForm.current, error)) void message.error(refusal(error));
    },
  });
  const remove = useMutation({
    mutationFn: (assignmentId: string) => api.delete(`/rotation-plans/${id}/assignments/${assignmentId}`),
    onSuccess: refresh,
    onError: (error) => void message.error(refusal(error)),
  });
  const act = useMutation({
    mutationFn: (action: { name: 'submit' | 'approve' | 'activate' } | { name: 'cancel'; reason: string }) =>
      api.post(`/rotation-plans/${id}/${action.name}`, action.name === 'cancel' ? { reason: action.reason } : {}),
    // Not awaiting the refetch: the next step's button must not appear still loading (a loading button ignores clicks).
    onSuccess: (_data, action) => {
      void message.success(t(`rotation.done.${action.name}`));
      void refresh();
    },
    onError: (error) => void message.error(refusal(error)),
  });
  if (!p) return <PageContainer loading={plan.isLoading} title={t('rotation.builder')} />;

  const current = step ?? (p.status === 'DRAFT' ? (p.assignmentCount > 0 ? 1 : 0) : 2);
  const compliance = p.compliance;
  const eligible = candidates.data?.eligible ?? [];
  const chosen = new Set(p.assignments.map((assignment) => assignment.teacherId));

  const addAssignment = async () => {
    const values = await assignmentForm.current?.validateFields();
    if (!values) return;
    add.mutate(values as Required<Pick<AssignmentValues, 'teacherId' | 'toSchoolId' | 'startDate' | 'mode'>> & { fraction?: number });
  };

  return (
    <PageContainer title={p.title || `${p.countyName} ${p.year}`} subTitle={<Tag>{label('rotationPlanStatuses', p.status)}</Tag>}>
      <ProCard style={{ marginBottom: 16 }}>
        <Space size="large" wrap>
          <Statistic title={t('rotation.eligibleCount')} value={compliance.eligibleCount} />
          <Statistic title={t('rotation.rotating')} value={`${compliance.rotatingCount} / ${compliance.minRotating}`} data-testid="rotating" />
          <Statistic title={t('rotation.backbone')} value={`${compliance.backboneRotating} / ${compliance.minBackbone}`} />
          <Tag color={compliance.meetsTargets ? GOOD : WAITING} data-testid="meets-targets">
            {compliance.meetsTargets ? t('rotation.meetsTargets') : t('rotation.belowTargets')}
          </Tag>
        </Space>
        {p.warnings.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 12 }}
            message={t('rotation.warnings', { count: p.warnings.length })}
            description={
              <ul>
                {p.warnings.map((warning, index) => (
                  <li key={index}>{en ? warning.message.en : warning.message.zh}</li>
                ))}
              </ul>
            }
          />
        )}
      </ProCard>
      <ProCard>
        <StepsForm
          current={current}
          onCurrentChange={setStep}
          submitter={{
            render: (props) => {
              if (props.step === 0)
                return [
                  <Button key="next" type="primary" onClick={() => setStep(1)}>
                    {t('rotation.next')}
                  </Button>,
                ];
              if (props.step === 1)
                return [
                  <Button key="prev" onClick={() => setStep(props.step - 1)}>
                    {t('rotation.previous')}
                  </Button>,
                  // The assignment fields are for adding one more, not for leaving the step: go on once the plan has one.
                  <Button
                    key="next"
                    type="primary"
                    onClick={() => (p.assignmentCount > 0 ? setStep(2) : void message.warning(t('rotation.needAssignment')))}
                  >
                    {t('rotation.next')}
                  </Button>,
                ];
              return [
                <Button key="prev" onClick={() => setStep(props.step - 1)}>
                  {t('rotation.previous')}
                </Button>,
              ];
            },
          }}
        >
          <StepsForm.StepForm name="plan" title={t('rotation.stepPlan')} onFinish={async () => true}>
            <Descriptions column={2} bordered size="small" style={{ marginBottom: 16 }}>
              <Descriptions.Item label={t('field.county')}>{p.countyName}</Descriptions.Item>
              <Descriptions.Item label={t('field.year')}>{p.year}</Descriptions.Item>
              <Descriptions.Item label={t('rotation.referenceDate')}>{proseDate(p.referenceDate, i18n.language)}</Descriptions.Item>
              <Descriptions.Item label={t('field.status')}>{label('rotationPlanStatuses', p.status)}</Descriptions.Item>
              <Descriptions.Item label={t('rotation.targets')} span={2}>
                {t('rotation.targetsLine', { eligible: compliance.eligibleCount, min: compliance.minRotating, backbone: compliance.minBackbone })}
              </Descriptions.Item>
            </Descriptions>
          </StepsForm.StepForm>
          <StepsForm.StepForm<AssignmentValues>
            name="assignments"
            title={t('rotation.stepAssignments')}
            formRef={assignmentForm}
            initialValues={{ startDate: dayjs(`${p.year}-09-01`), mode: 'URBAN_RURAL' }}
            onFinish={async () => {
              if (p.assignmentCount === 0) {
                void message.warning(t('rotation.needAssignment'));
                return false;
              }
              return true;
            }}
          >
            {p.status === 'DRAFT' && officer && (
              <ProCard bordered title={t('rotation.addAssignment')} style={{ marginBottom: 16 }}>
                <ProFormSelect
                  name="teacherId"
                  label={t('rotation.candidate')}
                  showSearch
                  rules={[{ required: true, message: t('form.required') }]}
                  fieldProps={{ loading: candidates.isLoading, optionFilterProp: 'label' }}
                  options={eligible
                    .filter((candidate) => !chosen.has(candidate.teacherId))
                    .map((candidate) => ({
                      value: candidate.teacherId,
                      label: `${candidate.name}（${candidate.staffNo}）${candidate.schoolName ?? ''} · ${label('subjects', candidate.subject)} · ${t('rotation.years', { years: candidate.yearsAtSchool })}`,
                    }))}
                />
                <ProFormSelect
                  name="toSchoolId"
                  label={t('field.toSchool')}
                  showSearch
                  rules={[{ required: true, message: t('form.required') }]}
                  fieldProps={{ loading: schools.isLoading, optionFilterProp: 'label' }}
                  options={(schools.data?.items ?? []).map((school) => ({
                    value: school.id,
                    label: `${school.name}（${label('locations', school.location)}${school.weak ? ` · ${t('school.weak')}` : ''}）`,
                  }))}
                />
                <ProFormDatePicker name="startDate" label={t('field.startDate')} rules={[{ required: true, message: t('form.required') }]} />
                <ProFormSelect
                  name="mode"
                  label={t('rotation.mode')}
                  options={options('rotationModes')}
                  rules={[{ required: true, message: t('form.required') }]}
                />
                <ProFormDigit
                  name="fraction"
                  label={t('field.fraction')}
                  min={0.1}
                  max={1}
                  fieldProps={{ step: 0.1 }}
                  tooltip={t('rotation.fractionHint')}
                />
                <Button type="primary" onClick={() => void addAssignment().catch(() => undefined)} loading={add.isPending}>
                  {t('rotation.add')}
                </Button>
              </ProCard>
            )}
            <Table<Assignment>
              rowKey="id"
              size="small"
              dataSource={p.assignments}
              pagination={false}
              columns={[
                { title: t('field.teacher'), dataIndex: 'teacherName', render: (value: string, row) => `${value}（${row.staffNo}）` },
                { title: t('field.fromSchool'), dataIndex: 'fromSchoolName' },
                { title: t('field.toSchool'), dataIndex: 'toSchoolName' },
                { title: t('field.period'), key: 'period', render: (_value, row) => `${tableDate(row.startDate)} ~ ${tableDate(row.endDate)}` },
                { title: t('rotation.mode'), dataIndex: 'mode', render: (value: string) => label('rotationModes', value) },
                {
                  title: t('rotation.effect'),
                  key: 'effect',
                  render: (_value, row) => (
                    <span data-testid="assignment-effect">
                      {row.effects ? (en ? row.effects.eligibility.summary.en : row.effects.eligibility.summary.zh) : ''}
                    </span>
                  ),
                },
                ...(p.status === 'DRAFT' && officer
                  ? [
                      {
                        title: t('field.actions'),
                        key: 'actions',
                        render: (_value: unknown, row: Assignment) => (
                          <Button
                            size="small"
                            danger
                            onClick={() => remove.mutate(row.id)}
                            aria-label={t('rotation.remove', { name: row.teacherName })}
                          >
                            {t('rotation.removeShort')}
                          </Button>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </StepsForm.StepForm>
          <StepsForm.StepForm name="approval" title={t('rotation.stepApproval')}>
            <Space direction="vertical" style={{ width: '100%' }}>
              <Descriptions column={1} bordered size="small">
                <Descriptions.Item label={t('field.status')}>
                  <span data-testid="plan-status">{label('rotationPlanStatuses', p.status)}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('field.assignments')}>{p.assignmentCount}</Descriptions.Item>
              </Descriptions>
              {officer && (
                <Space>
                  {p.actions.includes('SUBMIT') && (
                    <Button type="primary" loading={act.isPending} onClick={() => act.mutate({ name: 'submit' })}>
                      {t('rotation.submit')}
                    </Button>
                  )}
                  {p.actions.includes('APPROVE') && (
                    <Button type="primary" loading={act.isPending} onClick={() => act.mutate({ name: 'approve' })}>
                      {t('rotation.approve')}
                    </Button>
                  )}
                  {p.actions.includes('ACTIVATE') && (
                    <Button type="primary" loading={act.isPending} onClick={() => act.mutate({ name: 'activate' })}>
                      {t('rotation.activate')}
                    </Button>
                  )}
                  {p.actions.includes('CANCEL') && <CancelPlan busy={act.isPending} onCancel={(reason) => act.mutate({ name: 'cancel', reason })} />}
                </Space>
              )}
            </Space>
          </StepsForm.StepForm>
        </StepsForm>
      </ProCard>
    </PageContainer>
  );
}

/** Cancelling a plan needs a reason. */
function CancelPlan({ busy, onCancel }: { busy: boolean; onCancel: (reason: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  return (
    <>
      <Button danger onClick={() => setOpen(true)}>
        {t('rotation.cancel')}
      </Button>
      <Modal
        open={open}
        title={t('rotation.cancel')}
        okButtonProps={{ danger: true, disabled: !reason.trim(), loading: busy }}
        onOk={() => {
          onCancel(reason.trim());
          setOpen(false);
        }}
        onCancel={() => setOpen(false)}
      >
        <label htmlFor="cancel-reason">{t('decision.reason')}</label>
        <Input.TextArea id="cancel-reason" value={reason} onChange={(event) => setReason(event.target.value)} rows={3} />
      </Modal>
    </>
  );
}
