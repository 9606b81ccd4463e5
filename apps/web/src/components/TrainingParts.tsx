import { Descriptions, Progress, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../api/client';
import { useCodes } from '../codes';
import { BAD, GOOD, PENDING } from '../colours';
import { proseDate, tableDate } from '../format';

type Summary = Schemas['TrainingSummaryResponse'];
type TrainingRecord = Schemas['TrainingRecordResponse'];

const STATUS_COLOURS: Record<string, string> = { APPROVED: GOOD, SUBMITTED: PENDING, REJECTED: BAD };

/** A teacher's training hours this cycle: approved hours against the requirement, with what is pending and remaining. */
export function TrainingProgress({ summary: s }: { summary: Summary }) {
  const { t, i18n } = useTranslation();
  const { label } = useCodes();
  const percent = s.requiredHours > 0 ? Math.min(100, Math.round((s.approvedHours / s.requiredHours) * 100)) : 0;
  return (
    <>
      <Progress percent={percent} aria-label={t('training.progress')} />
      <Descriptions column={3} size="small" style={{ marginTop: 12 }}>
        <Descriptions.Item
          label={t('training.cycle')}
        >{`${proseDate(s.cycle.start, i18n.language)} – ${proseDate(s.cycle.end, i18n.language)}`}</Descriptions.Item>
        <Descriptions.Item label={t('training.required')}>{s.requiredHours}</Descriptions.Item>
        <Descriptions.Item label={t('training.approved')}>
          <span data-testid="approved-hours">{s.approvedHours}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('training.pending')}>{s.pendingHours}</Descriptions.Item>
        <Descriptions.Item label={t('training.remaining')}>{s.remainingHours}</Descriptions.Item>
        <Descriptions.Item label={t('training.status')}>{label('trainingStatuses', s.status)}</Descriptions.Item>
      </Descriptions>
    </>
  );
}

/** A teacher's training records of the cycle, each with its status and, when rejected, the reason. */
export function TrainingRecordsTable({ records, loading }: { records: TrainingRecord[]; loading: boolean }) {
  const { t } = useTranslation();
  const { label } = useCodes();
  return (
    <Table<TrainingRecord>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={records}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        { title: t('field.title'), dataIndex: 'title' },
        { title: t('field.category'), dataIndex: 'category', render: (value: string) => label('trainingCategories', value) },
        { title: t('field.hours'), dataIndex: 'hours' },
        { title: t('field.startDate'), dataIndex: 'startDate', render: (value: string) => tableDate(value) },
        { title: t('field.endDate'), dataIndex: 'endDate', render: (value: string) => tableDate(value) },
        {
          title: t('field.status'),
          dataIndex: 'status',
          render: (value: string) => <Tag color={STATUS_COLOURS[value]}>{label('trainingRecordStatuses', value)}</Tag>,
        },
        { title: t('field.reason'), dataIndex: 'reason', render: (value: string | null) => value ?? '' },
      ]}
    />
  );
}
