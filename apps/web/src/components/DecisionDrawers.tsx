import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Drawer, Form, Input, Space, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, type Page, type Schemas } from '../api/client';
import { useCodes } from '../codes';
import { tableDate, tableTime } from '../format';
import { useUser } from '../session';
import type { StaffRequest, TrainingRecord, Transfer } from '../workbench';

type AuditEntry = Schemas['AuditEntryResponse'];

/** The reason of a rejection: required, shown next to its field. */
function ReasonForm({ onReject, busy, label }: { onReject: (reason: string) => void; busy: boolean; label: string }) {
  const { t } = useTranslation();
  return (
    <Form name="rejection" layout="vertical" onFinish={(values: { reason: string }) => onReject(values.reason.trim())}>
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
        {t('decision.reject')}
      </Button>
    </Form>
  );
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries();
}

function errorText(error: unknown, fallback: string): string {
  return error instanceof ApiError ? error.message : fallback;
}

/** A training record to decide: the record, the teacher's progress, its history; approve, or reject with a reason. */
export function TrainingDecisionDrawer({ record, onClose }: { record: TrainingRecord | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { label } = useCodes();
  const user = useUser();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const [rejecting, setRejecting] = useState(false);
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
  const decide = useMutation({
    mutationFn: (decision: { approve: true } | { reason: string }) =>
      'approve' in decision
        ? api.post(`/training-records/${record?.id}/approve`, {})
        : api.post(`/training-records/${record?.id}/reject`, { reason: decision.reason }),
    onSuccess: async (_data, decision) => {
      void message.success('approve' in decision ? t('decision.approved') : t('decision.rejected'));
      setRejecting(false);
      onClose();
      await refresh();
    },
    onError: (error) => void message.error(errorText(error, t('error.generic'))),
  });
  return (
    <Drawer open={!!record} onClose={onClose} width={560} title={t('workbench.trainingDrawer')} destroyOnHidden>
      {record && (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('field.teacher')}>{`${record.teacherName}（${record.staffNo}）`}</Descriptions.Item>
            <Descriptions.Item label={t('field.title')}>{record.title}</Descriptions.Item>
            <Descriptions.Item label={t('field.provider')}>{record.provider}</Descriptions.Item>
            <Descriptions.Item label={t('field.category')}>{label('trainingCategories', record.category)}</Descriptions.Item>
            <Descriptions.Item label={t('field.hours')}>{record.hours}</Descriptions.Item>
            <Descriptions.Item label={t('field.period')}>{`${tableDate(record.startDate)} ~ ${tableDate(record.endDate)}`}</Descriptions.Item>
            <Descriptions.Item label={t('field.status')}>{label('trainingRecordStatuses', record.status)}</Descriptions.Item>
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
            <Space direction="vertical" style={{ width: '100%' }}>
              <Space>
                <Button type="primary" loading={decide.isPending} onClick={() => decide.mutate({ approve: true })}>
                  {t('decision.approve')}
                </Button>
                <Button onClick={() => setRejecting(true)}>{t('decision.rejectWithReason')}</Button>
              </Space>
              {rejecting && <ReasonForm label={t('decision.reason')} busy={decide.isPending} onReject={(reason) => decide.mutate({ reason })} />}
            </Space>
          )}
        </Space>
      )}
    </Drawer>
  );
}

/** A staff request to decide: the request, the flags it cites and its history; approve, or reject with a reason. */
export function StaffRequestDrawer({ request, onClose }: { request: StaffRequest | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { label } = useCodes();
  const user = useUser();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const [rejecting, setRejecting] = useState(false);
  const detail = useQuery({
    queryKey: ['staff-request', request?.id],
    queryFn: () => api.get<Schemas['StaffRequestDetailResponse']>(`/staff-requests/${request?.id}`),
    enabled: !!request,
  });
  const decide = useMutation({
    mutationFn: (body: { decision: 'APPROVE' | 'REJECT'; note?: string }) => api.post(`/staff-requests/${request?.id}/decision`, body),
    onSuccess: async (_data, body) => {
      void message.success(body.decision === 'APPROVE' ? t('decision.approved') : t('decision.rejected'));
      setRejecting(false);
      onClose();
      await refresh();
    },
    onError: (error) => void message.error(errorText(error, t('error.generic'))),
  });
  const cancel = useMutation({
    mutationFn: () => api.post(`/staff-requests/${request?.id}/cancel`, {}),
    onSuccess: async () => {
      void message.success(t('staffRequests.cancelled'));
      onClose();
      await refresh();
    },
    onError: (error) => void message.error(errorText(error, t('error.generic'))),
  });
  const shown = detail.data ?? request;
  return (
    <Drawer open={!!request} onClose={onClose} width={600} title={t('workbench.staffRequestDrawer')} destroyOnHidden>
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
            <Space direction="vertical" style={{ width: '100%' }}>
              <Space>
                <Button type="primary" loading={decide.isPending} onClick={() => decide.mutate({ decision: 'APPROVE' })}>
                  {t('decision.approve')}
                </Button>
                <Button onClick={() => setRejecting(true)}>{t('decision.rejectWithReason')}</Button>
              </Space>
              {rejecting && (
                <ReasonForm label={t('decision.reason')} busy={decide.isPending} onReject={(note) => decide.mutate({ decision: 'REJECT', note })} />
              )}
            </Space>
          )}
          {shown.status === 'SUBMITTED' && user.role === 'PRINCIPAL' && (
            <Button danger loading={cancel.isPending} onClick={() => cancel.mutate()}>
              {t('staffRequests.cancel')}
            </Button>
          )}
        </Space>
      )}
    </Drawer>
  );
}

/** A transfer into the county: the teacher, both schools, the reason; accept, or reject with a reason. */
export function TransferDrawer({ transfer, onClose }: { transfer: Transfer | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { label } = useCodes();
  const user = useUser();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const [rejecting, setRejecting] = useState(false);
  const act = useMutation({
    mutationFn: (body: { accept: true } | { reason: string }) =>
      'accept' in body ? api.post(`/transfers/${transfer?.id}/accept`, {}) : api.post(`/transfers/${transfer?.id}/reject`, { reason: body.reason }),
    onSuccess: async () => {
      void message.success(t('decision.done'));
      setRejecting(false);
      onClose();
      await refresh();
    },
    onError: (error) => void message.error(errorText(error, t('error.generic'))),
  });
  const mayDecide = transfer?.status === 'PENDING' && user.role === 'COUNTY_OFFICER' && transfer.toCountyId === user.countyId;
  return (
    <Drawer open={!!transfer} onClose={onClose} width={560} title={t('workbench.transferDrawer')} destroyOnHidden>
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
            <Space direction="vertical" style={{ width: '100%' }}>
              <Space>
                <Button type="primary" loading={act.isPending} onClick={() => act.mutate({ accept: true })}>
                  {t('decision.accept')}
                </Button>
                <Button onClick={() => setRejecting(true)}>{t('decision.rejectWithReason')}</Button>
              </Space>
              {rejecting && <ReasonForm label={t('decision.reason')} busy={act.isPending} onReject={(reason) => act.mutate({ reason })} />}
            </Space>
          )}
        </Space>
      )}
    </Drawer>
  );
}
