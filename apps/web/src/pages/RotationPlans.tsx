import { ModalForm, PageContainer, ProFormDigit, ProFormText, ProTable } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, type Page, type Schemas } from '../api/client';
import { useCodes } from '../codes';
import { useReturnFocus } from '../components/KeyboardFocus';
import { tableTime } from '../format';
import { useUser } from '../session';
import type { RotationPlan } from '../workbench';

/** 交流轮岗计划: the county's plans; an officer starts one and builds it step by step. */
export default function RotationPlans() {
  const { t } = useTranslation();
  const { valueEnum, refusal } = useCodes();
  const user = useUser();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const returnFocus = useReturnFocus();
  const plans = useQuery({ queryKey: ['rotation-plans', 'list'], queryFn: () => api.get<Page<RotationPlan>>('/rotation-plans', { pageSize: 100 }) });
  return (
    <PageContainer
      title={t('menu.rotationPlans')}
      extra={
        user.role === 'COUNTY_OFFICER' && (
          <ModalForm<{ year: number; title?: string }>
            name="new-plan"
            title={t('rotation.newPlan')}
            trigger={
              <Button type="primary" ref={returnFocus.ref}>
                {t('rotation.newPlan')}
              </Button>
            }
            initialValues={{ year: new Date().getFullYear() + 1 }}
            modalProps={{ destroyOnHidden: true, afterClose: returnFocus.afterClose }}
            onFinish={async (values) => {
              try {
                const plan = await api.post<Schemas['RotationPlanResponse']>('/rotation-plans', {
                  countyId: user.countyId,
                  year: values.year,
                  title: values.title || undefined,
                });
                void navigate(`/rotation-plans/${plan.id}`);
                return true;
              } catch (error) {
                void message.error(refusal(error));
                return false;
              }
            }}
          >
            <ProFormDigit
              name="year"
              label={t('field.year')}
              min={2000}
              max={2100}
              fieldProps={{ precision: 0 }}
              rules={[{ required: true, message: t('form.required') }]}
            />
            <ProFormText name="title" label={t('field.planTitle')} fieldProps={{ maxLength: 100 }} />
          </ModalForm>
        )
      }
    >
      <ProTable<RotationPlan>
        rowKey="id"
        search={false}
        options={false}
        loading={plans.isLoading}
        dataSource={plans.data?.items ?? []}
        pagination={{ pageSize: 20 }}
        columns={[
          {
            title: t('field.planTitle'),
            dataIndex: 'title',
            render: (_dom, plan) => <Link to={`/rotation-plans/${plan.id}`}>{plan.title || `${plan.countyName} ${plan.year}`}</Link>,
          },
          { title: t('field.county'), dataIndex: 'countyName' },
          { title: t('field.year'), dataIndex: 'year' },
          { title: t('field.status'), dataIndex: 'status', valueEnum: valueEnum('rotationPlanStatuses') },
          { title: t('field.assignments'), dataIndex: 'assignmentCount' },
          { title: t('field.createdAt'), dataIndex: 'createdAt', render: (_dom, plan) => tableTime(plan.createdAt) },
        ]}
      />
    </PageContainer>
  );
}
