import { ModalForm, PageContainer, ProFormDatePicker, ProFormDigit, ProFormSelect, ProFormTextArea, ProTable } from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, type Page } from '../api/client';
import { useCodes } from '../codes';
import { StaffRequestDrawer } from '../components/DecisionDrawers';
import { showFieldErrors } from '../components/fieldErrors';
import { useReturnFocus } from '../components/KeyboardFocus';
import { isoDay, tableDate, tableTime } from '../format';
import { useUser } from '../session';
import type { ShortageFlag, StaffRequest } from '../workbench';

/** 用人申请: a principal asks the county for staff citing the school's flags, follows and withdraws; officers decide. */
export default function StaffRequests() {
  const { t } = useTranslation();
  const { label, options, valueEnum, refusal } = useCodes();
  const user = useUser();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm();
  const returnFocus = useReturnFocus();
  const [open, setOpen] = useState<StaffRequest | null>(null);
  const principal = user.role === 'PRINCIPAL';
  const flags = useQuery({
    queryKey: ['flags', 'school', user.schoolId],
    queryFn: () => api.get<Page<ShortageFlag>>('/shortage-flags', { schoolId: user.schoolId, status: 'OPEN', pageSize: 100 }),
    enabled: principal && !!user.schoolId,
  });
  const requests = useQuery({
    queryKey: ['staff-requests', 'list'],
    queryFn: () => api.get<Page<StaffRequest>>('/staff-requests', { pageSize: 200 }),
  });

  return (
    <PageContainer
      title={t('menu.staffRequests')}
      extra={
        principal && (
          <ModalForm<{ subject: string; headcount: number; neededFrom: string; reason?: string; flagIds?: string[] }>
            form={form}
            name="staff-request"
            title={t('staffRequests.new')}
            trigger={
              <Button type="primary" ref={returnFocus.ref}>
                {t('staffRequests.new')}
              </Button>
            }
            modalProps={{ destroyOnHidden: true, afterClose: returnFocus.afterClose }}
            onFinish={async (values) => {
              try {
                await api.post(`/schools/${user.schoolId}/staff-requests`, {
                  subject: values.subject,
                  headcount: values.headcount,
                  neededFrom: isoDay(values.neededFrom),
                  reason: values.reason || undefined,
                  flagIds: values.flagIds?.length ? values.flagIds : undefined,
                });
                void message.success(t('staffRequests.submitted'));
                await queryClient.invalidateQueries();
                return true;
              } catch (error) {
                if (error instanceof ApiError && error.code === 'JUSTIFICATION_REQUIRED')
                  form.setFields([{ name: 'reason', errors: [error.message] }]);
                else if (!showFieldErrors(form, error)) void message.error(refusal(error));
                return false;
              }
            }}
          >
            <ProFormSelect
              name="flagIds"
              label={t('staffRequests.citeFlags')}
              mode="multiple"
              options={(flags.data?.items ?? []).map((flag) => ({
                value: flag.id,
                label: `${label('subjects', flag.subject)} · ${label('shortageKinds', flag.kind)} · ${flag.gap}`,
              }))}
            />
            <ProFormSelect
              name="subject"
              label={t('field.subject')}
              options={options('subjects')}
              rules={[{ required: true, message: t('form.required') }]}
              showSearch
            />
            <ProFormDigit
              name="headcount"
              label={t('field.headcount')}
              min={1}
              max={50}
              fieldProps={{ precision: 0 }}
              rules={[{ required: true, message: t('form.required') }]}
            />
            <ProFormDatePicker name="neededFrom" label={t('field.neededFrom')} rules={[{ required: true, message: t('form.required') }]} />
            <ProFormTextArea name="reason" label={t('field.reason')} fieldProps={{ maxLength: 500 }} />
          </ModalForm>
        )
      }
    >
      <ProTable<StaffRequest>
        rowKey="id"
        search={false}
        options={false}
        loading={requests.isLoading}
        dataSource={requests.data?.items ?? []}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t('field.school'), dataIndex: 'schoolName' },
          { title: t('field.subject'), dataIndex: 'subject', render: (_dom, row) => label('subjects', row.subject) },
          { title: t('field.headcount'), dataIndex: 'headcount' },
          { title: t('field.neededFrom'), dataIndex: 'neededFrom', render: (_dom, row) => tableDate(row.neededFrom) },
          { title: t('field.status'), dataIndex: 'status', valueEnum: valueEnum('staffRequestStatuses') },
          { title: t('field.submittedAt'), dataIndex: 'submittedAt', render: (_dom, row) => tableTime(row.submittedAt) },
          {
            title: t('field.actions'),
            valueType: 'option',
            render: (_dom, row) => [
              <Button
                key="open"
                size="small"
                onClick={() => setOpen(row)}
                aria-label={t('staffRequests.open', { subject: label('subjects', row.subject), school: row.schoolName })}
              >
                {t('decision.open')}
              </Button>,
            ],
          },
        ]}
      />
      <StaffRequestDrawer request={open} onClose={() => setOpen(null)} />
    </PageContainer>
  );
}
