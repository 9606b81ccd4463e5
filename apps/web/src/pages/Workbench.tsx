import { PageContainer, ProCard, StatisticCard } from '@ant-design/pro-components';
import { Button, Empty, Table, Tag, type TableColumnsType } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCodes } from '../codes';
import { StaffRequestDrawer, TrainingDecisionDrawer, TransferDrawer } from '../components/DecisionDrawers';
import { tableDate, tableTime } from '../format';
import { useUser } from '../session';
import { SEVERITY_COLOURS } from '../colours';
import { useWorkbench, type RotationPlan, type ShortageFlag, type StaffRequest, type TrainingRecord, type Transfer } from '../workbench';

/** One kind of what waits: a titled card with its table, ten a page. */
function WaitingTable<T extends { id: string }>(props: {
  title: string;
  extra?: ReactNode;
  loading: boolean;
  items: T[];
  columns: TableColumnsType<T>;
}) {
  return (
    <ProCard title={props.title} headerBordered extra={props.extra}>
      <Table<T>
        rowKey="id"
        size="small"
        loading={props.loading}
        dataSource={props.items}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={props.columns}
      />
    </ProCard>
  );
}

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
  // The administrator and city officers read their province or city on the overview; with nothing waiting, it is where to go.
  const higher = user.role === 'PROVINCE_ADMIN' || user.role === 'CITY_OFFICER';
  const overview = t(user.role === 'PROVINCE_ADMIN' ? 'menu.overviewProvince' : 'menu.overviewCity');
  const loading = Object.values(waiting).some((kind) => kind.loading);
  const nothingWaiting = higher && !loading && stats.every((stat) => stat.value === 0);

  return (
    <PageContainer title={t('menu.workbench')} subTitle={t('workbench.subtitle')} extra={higher && <Link to="/overview">{overview}</Link>}>
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
      {nothingWaiting && (
        <ProCard style={{ marginBottom: 16 }}>
          <Empty description={t('workbench.nothingWaiting')}>
            <Link to="/overview">{overview}</Link>
          </Empty>
        </ProCard>
      )}
      <ProCard direction="column" ghost gutter={[0, 16]}>
        {waiting.training.enabled && (
          <WaitingTable<TrainingRecord>
            title={t('workbench.training')}
            loading={waiting.training.loading}
            items={waiting.training.items}
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
        )}
        {waiting.staffRequests.enabled && (
          <WaitingTable<StaffRequest>
            title={t('workbench.staffRequests')}
            loading={waiting.staffRequests.loading}
            items={waiting.staffRequests.items}
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
        )}
        {waiting.rotationPlans.enabled && (
          <WaitingTable<RotationPlan>
            title={t('workbench.rotationPlans')}
            loading={waiting.rotationPlans.loading}
            items={waiting.rotationPlans.items}
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
        )}
        {waiting.transfers.enabled && (
          <WaitingTable<Transfer>
            title={user.role === 'PROVINCE_ADMIN' ? t('workbench.blockedTransfers') : t('workbench.transfers')}
            loading={waiting.transfers.loading}
            items={waiting.transfers.items}
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
        )}
        {waiting.flags.enabled && (
          <WaitingTable<ShortageFlag>
            title={t('workbench.flags')}
            extra={<Link to="/shortages">{t('workbench.allFlags')}</Link>}
            loading={waiting.flags.loading}
            items={waiting.flags.items}
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
        )}
      </ProCard>
      <TrainingDecisionDrawer record={training} onClose={() => setTraining(null)} />
      <StaffRequestDrawer request={request} onClose={() => setRequest(null)} />
      <TransferDrawer transfer={transfer} onClose={() => setTransfer(null)} />
    </PageContainer>
  );
}
