import { ModalForm, ProFormDatePicker, ProFormSelect, ProFormTextArea, type ProFormInstance } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, type Page, type Schemas } from '../api/client';
import { useCodes } from '../codes';
import { isoDay } from '../format';
import { useUser } from '../session';
import type { Transfer } from '../workbench';
import { showFieldErrors } from './fieldErrors';

type Teacher = Schemas['TeacherResponse'];
type Destination = Schemas['TransferDestinationResponse'];
type County = Schemas['CountyResponse'];

interface TransferValues {
  teacherId: string;
  toCountyId: string;
  toSchoolId: string;
  effectiveDate: string;
  reason: string;
}

/** Which field a rule's refusal is about, to show it there as well as above the form. */
const FIELD_OF_CODE: Record<string, keyof TransferValues> = {
  TRANSFER_SAME_SCHOOL: 'toSchoolId',
  SUBEI_POACHING_BLOCKED: 'toSchoolId',
  POSTING_BEFORE_HIRE: 'effectiveDate',
  TRANSFER_NOT_AT_SCHOOL: 'effectiveDate',
  POSTING_OVERLAP: 'effectiveDate',
};

/** A refusal as people read it: what the rule means (the code's label) and, for the anti-poaching rule, why it applies. */
interface Refusal {
  code: string;
  label: string;
  reason: string | null;
}

/**
 * 新建调动: a county officer transfers a teacher of the county (found by name or staff number) to another school, from a
 * date, saying why. A refusal of a rule is shown above the form with the rule's label and next to its field; one the
 * anti-poaching rule refuses is kept as blocked, and the list shows it.
 */
export function NewTransfer({ onDone }: { onDone: () => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const { label, refusal: describe } = useCodes();
  const user = useUser();
  const { message } = App.useApp();
  const form = useRef<ProFormInstance<TransferValues>>(undefined);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const en = i18n.language === 'en';
  const [toCountyId, setToCountyId] = useState(user.countyId);
  const counties = useQuery({ queryKey: ['counties'], queryFn: () => api.get<County[]>('/counties'), staleTime: Infinity });
  const destinations = useQuery({
    queryKey: ['transfer-destinations', toCountyId],
    queryFn: () => api.get<Destination[]>('/transfers/destinations', { countyId: toCountyId }),
    enabled: !!toCountyId,
  });
  // The officer's own county first, then the others by code.
  const countyOptions = [...(counties.data ?? [])]
    .sort((a, b) => Number(b.id === user.countyId) - Number(a.id === user.countyId) || a.code.localeCompare(b.code))
    .map((county) => ({ value: county.id, label: county.id === user.countyId ? `${county.name}（${t('transfers.inCounty')}）` : county.name }));

  const submit = async (values: TransferValues): Promise<boolean> => {
    setRefusal(null);
    try {
      const transfer = await api.post<Transfer>('/transfers', {
        teacherId: values.teacherId,
        toSchoolId: values.toSchoolId,
        effectiveDate: isoDay(values.effectiveDate),
        reason: values.reason,
      });
      void message.success(transfer.status === 'PENDING' ? t('transfers.createdPending') : t('transfers.created'));
      await onDone();
      return true;
    } catch (error) {
      if (form.current && showFieldErrors(form.current, error)) return false;
      if (error instanceof ApiError && error.status !== 400) {
        const why = error.details.reason as { zh?: string; en?: string } | undefined;
        const poaching = error.code === 'SUBEI_POACHING_BLOCKED';
        const refused: Refusal = {
          code: error.code,
          label: poaching ? t('transfers.poachingRefused') : t('transfers.refused', { label: label('errors', error.code) }),
          reason: (en ? why?.en : why?.zh) ?? null,
        };
        setRefusal(refused);
        const field = FIELD_OF_CODE[error.code];
        if (field) form.current?.setFields([{ name: field, errors: [refused.reason ?? label('errors', error.code)] }]);
        // A blocked attempt is kept: the list shows it.
        if (error.code === 'SUBEI_POACHING_BLOCKED') await onDone();
        return false;
      }
      void message.error(describe(error));
      return false;
    }
  };

  return (
    <ModalForm<TransferValues>
      name="new-transfer"
      formRef={form}
      title={t('transfers.new')}
      trigger={<Button type="primary">{t('transfers.new')}</Button>}
      initialValues={{ toCountyId: user.countyId }}
      modalProps={{
        destroyOnHidden: true,
        afterClose: () => {
          setRefusal(null);
          setToCountyId(user.countyId);
        },
      }}
      onFinish={submit}
    >
      {refusal && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          data-testid="transfer-refusal"
          message={refusal.label}
          description={
            refusal.reason || refusal.code === 'SUBEI_POACHING_BLOCKED' ? (
              <>
                {refusal.reason && <div>{refusal.reason}</div>}
                {refusal.code === 'SUBEI_POACHING_BLOCKED' && <div>{t('transfers.blockedKept')}</div>}
              </>
            ) : undefined
          }
        />
      )}
      <ProFormSelect
        name="teacherId"
        label={t('field.teacher')}
        showSearch
        debounceTime={300}
        placeholder={t('transfers.teacherHint')}
        rules={[{ required: true, message: t('form.required') }]}
        fieldProps={{ filterOption: false }}
        request={async ({ keyWords }: { keyWords?: string }) => {
          const page = await api.get<Page<Teacher>>('/teachers', { countyId: user.countyId, q: keyWords || undefined, pageSize: 30 });
          return page.items.map((teacher) => ({
            value: teacher.id,
            label: `${teacher.name}（${teacher.staffNo}）${teacher.currentPostings.map((posting) => posting.schoolName).join('、')}`,
          }));
        }}
      />
      <ProFormSelect
        name="toCountyId"
        label={t('transfers.destinationCounty')}
        showSearch
        rules={[{ required: true, message: t('form.required') }]}
        fieldProps={{
          loading: counties.isLoading,
          optionFilterProp: 'label',
          onChange: (value: string) => {
            setToCountyId(value);
            form.current?.setFieldValue('toSchoolId', undefined);
          },
        }}
        options={countyOptions}
      />
      <ProFormSelect
        name="toSchoolId"
        label={t('transfers.destination')}
        showSearch
        rules={[{ required: true, message: t('form.required') }]}
        fieldProps={{ loading: destinations.isLoading, optionFilterProp: 'label' }}
        options={(destinations.data ?? []).map((school) => ({ value: school.id, label: `${school.name}（${school.code}）` }))}
      />
      <ProFormDatePicker name="effectiveDate" label={t('field.effectiveDate')} rules={[{ required: true, message: t('form.required') }]} />
      <ProFormTextArea
        name="reason"
        label={t('field.reason')}
        fieldProps={{ maxLength: 1000 }}
        rules={[{ required: true, whitespace: true, message: t('form.required') }]}
      />
    </ModalForm>
  );
}
