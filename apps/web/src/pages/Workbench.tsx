import { PageContainer, ProCard, StatisticCard } from '@ant-design/pro-components';
import { Button, Empty, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCodes } from '../codes';
import { StaffRequestDrawer, TrainingDecisionDrawer, TransferDrawer } from '../components/DecisionDrawers';
import { tableDate, tableTime } from '../format';
import { useUser } from '../session';
import { SEVERITY_COLOURS } from '../colours';
import { useWorkbench, type StaffRequest, type TrainingRecord, type Transfer } from '../workbench';

/** 工作台: what waits for the signed-in user, with counts; each item opens in a drawer to decide. */
export default function Workbench() {
  const { t } = useTranslation();
  const { label } = useCodes();
  const user = useUser();
  const waiting = useWorkbench();
  const [training, setTraining] = useState<TrainingRecord | null>(null);
  const [request, setRequest] = useState<StaffRequest | null>(null);
  const [transfer, setTransfer] = useState<Transfer | null>(null);

  const stats = [
    waiting.training.enabled && { key: 'training', title: t('workbench.training'), value: waiting.training.count },
    waiting.staffRequests.enabled && { key: 'staffRequests', title: t('workbench.staffRequests'), value: waiting.staffRequests.count },
    waiting.rotationPlans.enabled && { key: 'rotationPlans', title: t('workbench.rotationPlans'), value: waiting.rotationPlans.count },
    waiting.transfers.enabled && {
      key: 'transfers',
      title: user.role === 'PROVINCE_ADMIN' ? t('workbench.blockedTransfers') : t('workbench.transfers'),
      value: waiting.transfers.count,
    },
    waiting.flags.enabled && { key: 'flags', title: t('workbench.flags'), value: waiting.flags.count },
  ].filter((stat): stat is { key: string; title: string; value: number } => !!stat);

  return (
    <PageContainer title={t('menu.workbench')} subTitle={t('workbench.subtitle')}>
      {stats.length > 0 && (
        <StatisticCard.Group direction="row" style={{ marginBottom: 16 }}>
          {stats.map((stat) => (
            <StatisticCard key={stat.key} statistic={{ title: stat.title, value: stat.value }} data-testid={`count-${stat.key}`} />
          ))}
        </StatisticCard.Group>
      )}
      {stats.length === 0 && (
        <ProCard>
          <Empty description={t('workbench.nothingForRole')}>
            {(user.role === 'TEACHER' || user.role === 'PRINCIPAL') && <Link to="/my/training">{t('menu.myTraining')}</Link>}
          </Empty>
        </ProCard>
      )}
      <ProCard direction="column" ghost gutter={[0, 16]}>
        {waiting.training.enabled && (
          <ProCard title={t('workbench.training')} headerBordered>
            <Table<TrainingRecord>
              rowKey="id"
              size="small"
              loading={waiting.training.loading}
              dataSource={waiting.training.items}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              columns={[
                { title: t('field.teacher'), dataIndex: 'teacherName' },
                { title: t('field.title'), dataIndex: 'title' },
                { title: t('field.category'), dataIndex: 'category', render: (value: string) => label('trainingCategories', value) },
                { title: t('field.hours'), dataIndex: 'hours' },
                { title: t('field.submittedAt'), dataIndex: 'submittedAt', render: (value: string) => tableTime(value) },
                {
                  title: t('field.actions'),
                  key: 'actions',
                  render: (_value, record) => (
                    <Button
                      size="small"
                      onClick={() => setTraining(record)}
                      aria-label={t('workbench.decideTraining', { title: record.title, name: record.teacherName })}
                    >
                      {t('decision.decide')}
                    </Button>
                  ),
                },
              ]}
            />
          </ProCard>
        )}
        {waiting.staffRequests.enabled && (
          <ProCard title={t('workbench.staffRequests')} headerBordered>
            <Table<StaffRequest>
              rowKey="id"
              size="small"
              loading={waiting.staffRequests.loading}
              dataSource={waiting.staffRequests.items}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              columns={[
                { title: t('field.school'), dataIndex: 'schoolName' },
                { title: t('field.subject'), dataIndex: 'subject', render: (value: string) => label('subjects', value) },
                { title: t('field.headcount'), dataIndex: 'headcount' },
                { title: t('field.neededFrom'), dataIndex: 'neededFrom', render: (value: string) => tableDate(value) },
                {
                  title: t('field.actions'),
                  key: 'actions',
                  render: (_value, record) => (
                    <Button size="small" onClick={() => setRequest(record)} aria-label={t('workbench.decideRequest', { school: record.schoolName })}>
                      {t('decision.decide')}
                    </Button>
                  ),
                },
              ]}
            />
          </ProCard>
        )}
        {waiting.rotationPlans.enabled && (
          <ProCard title={t('workbench.rotationPlans')} headerBordered>
            <Table
              rowKey="id"
              size="small"
              loading={waiting.rotationPlans.loading}
              dataSource={waiting.rotationPlans.items}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              columns={[
                {
                  title: t('field.planTitle'),
                  dataIndex: 'title',
                  render: (value: string, plan) => <Link to={`/rotation-plans/${plan.id}`}>{value || `${plan.year}`}</Link>,
                },
                { title: t('field.year'), dataIndex: 'year' },
                { title: t('field.assignments'), dataIndex: 'assignmentCount' },
                { title: t('field.submittedAt'), dataIndex: 'submittedAt', render: (value: string) => tableTime(value) },
              ]}
            />
          </ProCard>
        )}
        {waiting.transfers.enabled && (
          <ProCard title={user.role === 'PROVINCE_ADMIN' ? t('workbench.blockedTransfers') : t('workbench.transfers')} headerBordered>
            <Table<Transfer>
              rowKey="id"
              size="small"
              loading={waiting.transfers.loading}
              dataSource={waiting.transfers.items}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              columns={[
                { title: t('field.teacher'), dataIndex: 'teacherName' },
                { title: t('field.fromSchool'), dataIndex: 'fromSchoolName' },
                { title: t('field.toSchool'), dataIndex: 'toSchoolName' },
                { title: t('field.effectiveDate'), dataIndex: 'effectiveDate', render: (value: string) => tableDate(value) },
                {
                  title: t('field.actions'),
                  key: 'actions',
                  render: (_value, record) => (
                    <Button size="small" onClick={() => setTransfer(record)} aria-label={t('workbench.openTransfer', { name: record.teacherName })}>
                      {t('decision.open')}
                    </Button>
                  ),
                },
              ]}
            />
          </ProCard>
        )}
        {waiting.flags.enabled && (
          <ProCard title={t('workbench.flags')} headerBordered extra={<Link to="/shortages">{t('workbench.allFlags')}</Link>}>
            <Table
              rowKey="id"
              size="small"
              loading={waiting.flags.loading}
              dataSource={waiting.flags.items}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              columns={[
                { title: t('field.school'), dataIndex: 'schoolName' },
                { title: t('field.subject'), dataIndex: 'subject', render: (value: string) => label('subjects', value) },
                { title: t('field.kind'), dataIndex: 'kind', render: (value: string) => label('shortageKinds', value) },
                {
                  title: t('field.severity'),
                  dataIndex: 'severity',
                  render: (value: string) => <Tag color={SEVERITY_COLOURS[value]}>{label('shortageSeverities', value)}</Tag>,
                },
                { title: t('field.openedAt'), dataIndex: 'openedAt', render: (value: string) => tableDate(value) },
              ]}
            />
          </ProCard>
        )}
      </ProCard>
      <TrainingDecisionDrawer record={training} onClose={() => setTraining(null)} />
      <StaffRequestDrawer request={request} onClose={() => setRequest(null)} />
      <TransferDrawer transfer={transfer} onClose={() => setTransfer(null)} />
    </PageContainer>
  );
}
