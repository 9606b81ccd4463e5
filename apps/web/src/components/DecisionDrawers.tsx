import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Form, Input, Select, Space, Table, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Page, type Schemas } from '../api/client';
import { useCodes } from '../codes';
import { tableDate, tableTime } from '../format';
import { useUser } from '../session';
import { showFieldErrors } from './fieldErrors';
import { FocusDrawer } from './KeyboardFocus';
import { TeacherSelect } from './TeacherSelect';
import type { StaffRequest, TrainingRecord, Transfer } from '../workbench';

type AuditEntry = Schemas['AuditEntryResponse'];

/** The reason of a rejection (or a reversal): required, shown next to its field. */
function ReasonForm({
  onReject,
  busy,
  label,
  name = 'rejection',
  submitLabel,
}: {
  onReject: (reason: string) => void;
  busy: boolean;
  label: string;
  name?: string;
  submitLabel?: string;
}) {
  const { t } = useTranslation();
  return (
    <Form name={name} layout="vertical" onFinish={(values: { reason: string }) => onReject(values.reason.trim())}>
      <Form.Item
        name="reason"
        label={label}
        rules={[
          { required: true, message: t('decision.reasonRequired') },
          { whitespace: true, message: t('decision.reasonRequired') },
        ]}
      >
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
      <Button danger htmlType="submit" loading={busy}>
        {submitLabel ?? t('decision.reject')}
      </Button>
    </Form>
  );
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries();
}

/**
 * A write from a drawer: on success its message (`done`), then `after` (closing what the write came from), then every
 * list read again; a refusal in a toast, in words.
 */
function useDrawerWrite<T>(write: (value: T) => Promise<unknown>, done: (value: T) => string, after: () => void) {
  const { refusal } = useCodes();
  const { message } = App.useApp();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: write,
    onSuccess: async (_data, value) => {
      void message.success(done(value));
      after();
      await refresh();
    },
    onError: (error) => void message.error(refusal(error)),
  });
}

/**
 * The decision of a drawer: approve (or accept), or open the reason's form and reject with it. `decide` sends the
 * decision; on success the drawer says so, closes, and every list is refreshed.
 */
function DecisionActions({
  decide,
  approveLabel,
  approvedText,
  rejectedText,
  onDone,
}: {
  decide: (decision: { approve: true } | { reason: string }) => Promise<unknown>;
  approveLabel: string;
  approvedText: string;
  rejectedText: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [rejecting, setRejecting] = useState(false);
  const mutation = useDrawerWrite(
    decide,
    (decision) => ('approve' in decision ? approvedText : rejectedText),
    () => {
      setRejecting(false);
      onDone();
    },
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Button type="primary" loading={mutation.isPending} onClick={() => mutation.mutate({ approve: true })}>
          {approveLabel}
        </Button>
        <Button onClick={() => setRejecting(true)}>{t('decision.rejectWithReason')}</Button>
      </Space>
      {rejecting && <ReasonForm label={t('decision.reason')} busy={mutation.isPending} onReject={(reason) => mutation.mutate({ reason })} />}
    </Space>
  );
}

/** An approved record taken back by the county: a negative entry with the reason, which the teacher's hours lose. */
function ReversalAction({ record, onDone }: { record: TrainingRecord; onDone: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const reverse = useDrawerWrite(
    (reason: string) => api.post(`/training-records/${record.id}/reversal`, { reason }),
    () => t('decision.reversed'),
    () => {
      setOpen(false);
      onDone();
    },
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button danger onClick={() => setOpen(true)}>
        {t('decision.reverse')}
      </Button>
      {open && (
        <ReasonForm
          name="reversal"
          label={t('decision.reversalReason')}
          submitLabel={t('decision.confirmReverse')}
          busy={reverse.isPending}
          onReject={(reason) => reverse.mutate(reason)}
        />
      )}
    </Space>
  );
}

/**
 * A training record: the record, the teacher's progress, its history; approve, or reject with a reason, while it is
 * submitted; a county officer reverses an approved one with a reason.
 */
export function TrainingDecisionDrawer({ record, onClose }: { record: TrainingRecord | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { label } = useCodes();
  const user = useUser();
  const audit = useQuery({
    queryKey: ['audit', 'training_record', record?.id],
    queryFn: () => api.get<Page<AuditEntry>>('/audit', { entity: 'training_record', entityId: record?.id }),
    enabled: !!record && user.role === 'COUNTY_OFFICER',
  });
  const summary = useQuery({
    queryKey: ['training-summary', record?.teacherId],
    queryFn: () => api.get<Schemas['TrainingSummaryResponse']>(`/teachers/${record?.teacherId}/training-summary`),
    enabled: !!record,
  });
  const reversible = record?.status === 'APPROVED' && record.kind === 'RECORD' && !record.reversedById && user.role === 'COUNTY_OFFICER';
  return (
    <FocusDrawer open={!!record} onClose={onClose} width={560} title={t('workbench.trainingDrawer')} destroyOnHidden>
      {record && (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('field.teacher')}>{`${record.teacherName}（${record.staffNo}）`}</Descriptions.Item>
            <Descriptions.Item label={t('field.title')}>{record.title}</Descriptions.Item>
            <Descriptions.Item label={t('field.provider')}>{record.provider}</Descriptions.Item>
            <Descriptions.Item label={t('field.category')}>{label('trainingCategories', record.category)}</Descriptions.Item>
            <Descriptions.Item label={t('field.hours')}>{record.hours}</Descriptions.Item>
            <Descriptions.Item label={t('field.period')}>{`${tableDate(record.startDate)} ~ ${tableDate(record.endDate)}`}</Descriptions.Item>
            <Descriptions.Item label={t('field.status')}>
              {record.reversedById ? t('training.reversed') : label('trainingRecordStatuses', record.status)}
            </Descriptions.Item>
            {record.reason && <Descriptions.Item label={t('field.reason')}>{record.reason}</Descriptions.Item>}
            {summary.data && (
              <Descriptions.Item label={t('field.progress')}>
                {t('training.progressLine', {
                  approved: summary.data.approvedHours,
                  required: summary.data.requiredHours,
                  pending: summary.data.pendingHours,
                })}
              </Descriptions.Item>
            )}
          </Descriptions>
          <div>
            <Typography.Title level={2} style={{ fontSize: 16 }}>
              {t('decision.history')}
            </Typography.Title>
            <Timeline
              items={[
                { children: t('decision.submittedAt', { at: tableTime(record.submittedAt) }) },
                ...(audit.data?.items ?? [])
                  .filter((entry) => entry.action !== 'training_record.submit')
                  .map((entry) => ({ children: `${tableTime(entry.at)} ${entry.actor.username ?? ''} ${entry.action}` })),
              ]}
            />
          </div>
          {record.status === 'SUBMITTED' && (
            <DecisionActions
              approveLabel={t('decision.approve')}
              approvedText={t('decision.approved')}
              rejectedText={t('decision.rejected')}
              onDone={onClose}
              decide={(decision) =>
                'approve' in decision
                  ? api.post(`/training-records/${record.id}/approve`, {})
                  : api.post(`/training-records/${record.id}/reject`, { reason: decision.reason })
              }
            />
          )}
          {reversible && <ReversalAction record={record} onDone={onClose} />}
        </Space>
      )}
    </FocusDrawer>
  );
}

type Fulfilment = Schemas['FulfilmentResponse'];
type Posting = Schemas['PostingResponse'];

/**
 * Who filled an approved request: a teacher of the county, then one of their postings at the request's school that
 * starts on or after the request (the API checks the subject and the dates, and says why it refuses).
 */
function FulfilmentForm({ request }: { request: Schemas['StaffRequestDetailResponse'] }) {
  const { t } = useTranslation();
  const { label, refusal } = useCodes();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const [form] = Form.useForm<{ teacherId?: string; postingId?: string }>();
  const teacherId = Form.useWatch('teacherId', form);
  const postings = useQuery({
    queryKey: ['postings', teacherId],
    queryFn: () => api.get<Posting[]>(`/teachers/${teacherId}/postings`),
    enabled: !!teacherId,
  });
  const record = useMutation({
    mutationFn: (postingId: string) => api.post(`/staff-requests/${request.id}/fulfilments`, { postingId }),
    onSuccess: async () => {
      void message.success(t('fulfilment.recorded'));
      form.resetFields();
      await refresh();
    },
    onError: (error) => {
      if (!showFieldErrors(form, error)) form.setFields([{ name: 'postingId', errors: [refusal(error)] }]);
    },
  });
  const atSchool = (postings.data ?? []).filter((posting) => posting.schoolId === request.schoolId);
  return (
    <Form form={form} name="fulfilment" layout="vertical" onFinish={(values) => values.postingId && record.mutate(values.postingId)}>
      <Form.Item name="teacherId" label={t('fulfilment.teacher')} rules={[{ required: true, message: t('form.required') }]}>
        <TeacherSelect onChange={() => form.setFieldValue('postingId', undefined)} />
      </Form.Item>
      <Form.Item
        name="postingId"
        label={t('fulfilment.posting')}
        extra={teacherId && postings.isSuccess && atSchool.length === 0 ? t('fulfilment.noPosting', { school: request.schoolName }) : undefined}
        rules={[{ required: true, message: t('form.required') }]}
      >
        <Select
          disabled={!teacherId}
          loading={postings.isFetching}
          options={atSchool.map((posting) => ({
            value: posting.id,
            label: `${label('postingKinds', posting.kind)} ${tableDate(posting.startDate)} ~ ${posting.endDate ? tableDate(posting.endDate) : t('eligibility.ongoing')} · ${posting.fraction}`,
          }))}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={record.isPending}>
        {t('fulfilment.record')}
      </Button>
    </Form>
  );
}

/** What filled a request: filled against requested, and each posting counted. */
function Fulfilments({ request }: { request: Schemas['StaffRequestDetailResponse'] }) {
  const { t } = useTranslation();
  const { label } = useCodes();
  return (
    <div>
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {t('fulfilment.title')}
      </Typography.Title>
      <Typography.Paragraph data-testid="fulfilment-cover">
        {t('fulfilment.cover', { covered: request.coveredFte, headcount: request.headcount })}
      </Typography.Paragraph>
      <Table<Fulfilment>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={request.fulfilments}
        locale={{ emptyText: t('fulfilment.none') }}
        columns={[
          { title: t('field.teacher'), dataIndex: 'teacherName', render: (_value, row) => `${row.teacherName}（${row.staffNo}）` },
          { title: t('field.postingKind'), dataIndex: 'kind', render: (value: string) => label('postingKinds', value) },
          { title: t('field.startDate'), dataIndex: 'startDate', render: (value: string) => tableDate(value) },
          { title: t('field.fraction'), dataIndex: 'fraction' },
          { title: t('fulfilment.recordedAt'), dataIndex: 'recordedAt', render: (value: string) => tableTime(value) },
        ]}
      />
    </div>
  );
}

/**
 * A staff request: the request, the flags it cites, who filled it and its history; a county officer approves or rejects
 * it with a reason, then records the postings that fill it; the principal withdraws it while it waits.
 */
export function StaffRequestDrawer({ request, onClose }: { request: StaffRequest | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { label } = useCodes();
  const user = useUser();
  const detail = useQuery({
    queryKey: ['staff-request', request?.id],
    queryFn: () => api.get<Schemas['StaffRequestDetailResponse']>(`/staff-requests/${request?.id}`),
    enabled: !!request,
  });
  const cancel = useDrawerWrite(
    () => api.post(`/staff-requests/${request?.id}/cancel`, {}),
    () => t('staffRequests.cancelled'),
    onClose,
  );
  const shown = detail.data ?? request;
  const filling = detail.data && (detail.data.status === 'APPROVED' || detail.data.status === 'FULFILLED' || detail.data.fulfilments.length > 0);
  return (
    <FocusDrawer open={!!request} onClose={onClose} width={640} title={t('workbench.staffRequestDrawer')} destroyOnHidden>
      {shown && (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('field.school')}>{`${shown.schoolName}（${shown.schoolCode}）`}</Descriptions.Item>
            <Descriptions.Item label={t('field.subject')}>{label('subjects', shown.subject)}</Descriptions.Item>
            <Descriptions.Item label={t('field.headcount')}>{shown.headcount}</Descriptions.Item>
            <Descriptions.Item label={t('field.neededFrom')}>{tableDate(shown.neededFrom)}</Descriptions.Item>
            <Descriptions.Item label={t('field.reason')}>{shown.reason}</Descriptions.Item>
            <Descriptions.Item label={t('field.status')}>{label('staffRequestStatuses', shown.status)}</Descriptions.Item>
            {detail.data?.flags?.length ? (
              <Descriptions.Item label={t('field.flags')}>
                {detail.data.flags.map((flag) => `${label('subjects', flag.subject)} ${label('shortageKinds', flag.kind)}`).join('；')}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          {filling && detail.data && <Fulfilments request={detail.data} />}
          {detail.data?.status === 'APPROVED' && user.role === 'COUNTY_OFFICER' && <FulfilmentForm request={detail.data} />}
          <div>
            <Typography.Title level={2} style={{ fontSize: 16 }}>
              {t('decision.history')}
            </Typography.Title>
            <Timeline
              items={(detail.data?.history ?? []).map((entry) => ({
                children: `${tableTime(entry.at)} ${entry.actor?.username ?? ''} ${label('staffRequestEvents', entry.event)}${entry.note ? `：${entry.note}` : ''}`,
              }))}
            />
          </div>
          {shown.status === 'SUBMITTED' && user.role === 'COUNTY_OFFICER' && (
            <DecisionActions
              approveLabel={t('decision.approve')}
              approvedText={t('decision.approved')}
              rejectedText={t('decision.rejected')}
              onDone={onClose}
              decide={(decision) =>
                api.post(
                  `/staff-requests/${shown.id}/decision`,
                  'approve' in decision ? { decision: 'APPROVE' } : { decision: 'REJECT', note: decision.reason },
                )
              }
            />
          )}
          {shown.status === 'SUBMITTED' && user.role === 'PRINCIPAL' && (
            <Button danger loading={cancel.isPending} onClick={() => cancel.mutate()}>
              {t('staffRequests.cancel')}
            </Button>
          )}
        </Space>
      )}
    </FocusDrawer>
  );
}

/** A transfer into the county: the teacher, both schools, the reason; accept, or reject with a reason. */
export function TransferDrawer({ transfer, onClose }: { transfer: Transfer | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { label } = useCodes();
  const user = useUser();
  const mayDecide = transfer?.status === 'PENDING' && user.role === 'COUNTY_OFFICER' && transfer.toCountyId === user.countyId;
  return (
    <FocusDrawer open={!!transfer} onClose={onClose} width={560} title={t('workbench.transferDrawer')} destroyOnHidden>
      {transfer && (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('field.teacher')}>{`${transfer.teacherName}（${transfer.staffNo}）`}</Descriptions.Item>
            <Descriptions.Item label={t('field.fromSchool')}>{transfer.fromSchoolName}</Descriptions.Item>
            <Descriptions.Item label={t('field.toSchool')}>{transfer.toSchoolName}</Descriptions.Item>
            <Descriptions.Item label={t('field.effectiveDate')}>{tableDate(transfer.effectiveDate)}</Descriptions.Item>
            <Descriptions.Item label={t('field.reason')}>{transfer.reason}</Descriptions.Item>
            <Descriptions.Item label={t('field.status')}>{label('transferStatuses', transfer.status)}</Descriptions.Item>
          </Descriptions>
          <Timeline
            items={[
              { children: t('decision.createdBy', { at: tableTime(transfer.createdAt), who: transfer.createdBy.username }) },
              ...(transfer.decision
                ? [{ children: `${tableTime(transfer.decision.at)} ${transfer.decision.by.username} ${transfer.decision.note ?? ''}` }]
                : []),
            ]}
          />
          {mayDecide && (
            <DecisionActions
              approveLabel={t('decision.accept')}
              approvedText={t('decision.done')}
              rejectedText={t('decision.done')}
              onDone={onClose}
              decide={(decision) =>
                'approve' in decision
                  ? api.post(`/transfers/${transfer.id}/accept`, {})
                  : api.post(`/transfers/${transfer.id}/reject`, { reason: decision.reason })
              }
            />
          )}
        </Space>
      )}
    </FocusDrawer>
  );
}
