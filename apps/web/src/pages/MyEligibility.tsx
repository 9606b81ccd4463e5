import { PageContainer, ProCard } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Alert, Empty, List, Table, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, type Schemas } from '../api/client';
import { useCodes } from '../codes';
import { GOOD, WAITING } from '../colours';
import { proseDate, tableDate } from '../format';
import { useUser } from '../session';

type Eligibility = Schemas['EligibilityResponse'];
type Posting = Schemas['PostingResponse'];

/** 我的资格: each rule with required against actual in words, the qualifying periods on a timeline, the earliest date; and one's postings. */
export default function MyEligibility() {
  const { t, i18n } = useTranslation();
  const { label } = useCodes();
  const user = useUser();
  const en = i18n.language === 'en';
  const teacherId = user.teacherId;
  const eligibility = useQuery({
    queryKey: ['my', 'eligibility'],
    queryFn: () => api.get<Eligibility>(`/teachers/${teacherId}/eligibility`),
    enabled: !!teacherId,
  });
  const postings = useQuery({
    queryKey: ['my', 'postings'],
    queryFn: () => api.get<Posting[]>(`/teachers/${teacherId}/postings`),
    enabled: !!teacherId,
  });
  if (!teacherId) return <Empty description={t('my.noTeacherRecord')} />;
  const e = eligibility.data;
  return (
    <PageContainer title={t('menu.myEligibility')}>
      <ProCard title={t('eligibility.seniorTitle')} headerBordered loading={eligibility.isLoading} style={{ marginBottom: 16 }}>
        {e && (
          <>
            <Alert
              type={e.seniorTitle.eligible ? 'success' : 'info'}
              showIcon
              message={label('eligibilityStatuses', e.seniorTitle.status)}
              description={
                e.seniorTitle.earliestServiceDate
                  ? t('eligibility.earliest', { date: proseDate(e.seniorTitle.earliestServiceDate, i18n.language) })
                  : undefined
              }
              style={{ marginBottom: 12 }}
            />
            <List
              dataSource={e.seniorTitle.rules}
              renderItem={(rule) => (
                <List.Item>
                  <List.Item.Meta
                    title={
                      <>
                        <Tag color={rule.passed ? GOOD : WAITING}>{rule.passed ? t('eligibility.passed') : t('eligibility.notYet')}</Tag>
                        {label('eligibilityRules', rule.code)}
                      </>
                    }
                    description={
                      rule.message
                        ? en
                          ? rule.message.en
                          : rule.message.zh
                        : t('eligibility.requiredActual', { required: rule.required, actual: rule.actual, unit: label('ruleUnits', rule.unit) })
                    }
                  />
                </List.Item>
              )}
            />
            <Typography.Paragraph>
              {t('eligibility.principalPriority', {
                actual: e.principalPriority.actual,
                required: e.principalPriority.required,
                answer: e.principalPriority.priority ? t('eligibility.yes') : t('eligibility.no'),
              })}
            </Typography.Paragraph>
          </>
        )}
      </ProCard>
      <ProCard title={t('eligibility.periods')} headerBordered style={{ marginBottom: 16 }}>
        {e && e.qualifyingPeriods.length > 0 ? (
          <Timeline
            items={e.qualifyingPeriods.map((period) => ({
              children: `${proseDate(period.from, i18n.language)} – ${proseDate(period.to, i18n.language)} · ${period.schoolName ?? ''}（${t('eligibility.days', { days: period.days })}）`,
            }))}
          />
        ) : (
          <Empty description={t('eligibility.noPeriods')} />
        )}
      </ProCard>
      <ProCard title={t('eligibility.postings')} headerBordered>
        <Table<Posting>
          rowKey="id"
          size="small"
          loading={postings.isLoading}
          dataSource={postings.data ?? []}
          pagination={false}
          columns={[
            { title: t('field.school'), dataIndex: 'schoolName' },
            { title: t('field.postingKind'), dataIndex: 'kind', render: (value: string) => label('postingKinds', value) },
            { title: t('field.startDate'), dataIndex: 'startDate', render: (value: string) => tableDate(value) },
            {
              title: t('field.endDate'),
              dataIndex: 'endDate',
              render: (value: string | null) => (value ? tableDate(value) : t('eligibility.ongoing')),
            },
            { title: t('field.fraction'), dataIndex: 'fraction' },
          ]}
        />
      </ProCard>
    </PageContainer>
  );
}
