import { ModalForm, PageContainer, ProCard, ProFormDateRangePicker, ProFormDigit, ProFormSelect, ProFormText } from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, ApiError, type Schemas } from '../api/client';
import { useCodes } from '../codes';
import { showFieldErrors } from '../components/fieldErrors';
import { useReturnFocus } from '../components/KeyboardFocus';
import { TrainingProgress, TrainingRecordsTable } from '../components/TrainingParts';
import { isoDay } from '../format';
import { useUser } from '../session';

type Summary = Schemas['TrainingSummaryResponse'];
type Records = Schemas['TeacherTrainingRecordsResponse'];

/** 我的学时: progress toward the cycle's requirement, the records, and a form to record training. */
export default function MyTraining() {
  const { t } = useTranslation();
  const { options } = useCodes();
  const user = useUser();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm();
  const returnFocus = useReturnFocus();
  const teacherId = user.teacherId;
  const summary = useQuery({
    queryKey: ['my', 'summary'],
    queryFn: () => api.get<Summary>(`/teachers/${teacherId}/training-summary`),
    enabled: !!teacherId,
  });
  const records = useQuery({
    queryKey: ['my', 'records'],
    queryFn: () => api.get<Records>(`/teachers/${teacherId}/training-records`),
    enabled: !!teacherId,
  });
  if (!teacherId) return <Empty description={t('my.noTeacherRecord')} />;
  const s = summary.data;

  return (
    <PageContainer
      title={t('menu.myTraining')}
      extra={
        <ModalForm<{ title: string; provider: string; category: string; hours: number; period: [string, string] }>
          form={form}
          name="training-record"
          title={t('training.submitTitle')}
          trigger={
            <Button type="primary" ref={returnFocus.ref}>
              {t('training.submit')}
            </Button>
          }
          modalProps={{ destroyOnHidden: true, afterClose: returnFocus.afterClose }}
          onFinish={async (values) => {
            try {
              await api.post(`/teachers/${teacherId}/training-records`, {
                title: values.title,
                provider: values.provider,
                category: values.category,
                hours: values.hours,
                startDate: isoDay(values.period[0]),
                endDate: isoDay(values.period[1]),
              });
              void message.success(t('training.submitted'));
              await queryClient.invalidateQueries({ queryKey: ['my'] });
              return true;
            } catch (error) {
              if (showFieldErrors(form, error)) {
                // The API names startDate/endDate; the form shows both in one range field.
                const fields = (error as ApiError).fields;
                const period = [...(fields.startDate ?? []), ...(fields.endDate ?? [])];
                if (period.length) form.setFields([{ name: 'period', errors: period }]);
              } else void message.error(error instanceof ApiError ? error.message : t('error.generic'));
              return false;
            }
          }}
        >
          <ProFormText name="title" label={t('field.title')} rules={[{ required: true, message: t('form.required') }]} />
          <ProFormText name="provider" label={t('field.provider')} rules={[{ required: true, message: t('form.required') }]} />
          <ProFormSelect
            name="category"
            label={t('field.category')}
            options={options('trainingCategories')}
            rules={[{ required: true, message: t('form.required') }]}
          />
          <ProFormDigit
            name="hours"
            label={t('field.hours')}
            min={0}
            fieldProps={{ step: 0.5 }}
            rules={[{ required: true, message: t('form.required') }]}
          />
          <ProFormDateRangePicker name="period" label={t('field.period')} rules={[{ required: true, message: t('form.required') }]} />
        </ModalForm>
      }
    >
      <ProCard title={t('training.progress')} headerBordered loading={summary.isLoading} style={{ marginBottom: 16 }}>
        {s && <TrainingProgress summary={s} />}
      </ProCard>
      <ProCard title={t('training.records')} headerBordered>
        <TrainingRecordsTable records={records.data?.items ?? []} loading={records.isLoading} />
      </ProCard>
    </PageContainer>
  );
}
