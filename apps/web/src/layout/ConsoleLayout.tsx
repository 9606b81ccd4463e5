import {
  AlertOutlined,
  AuditOutlined,
  BankOutlined,
  BellOutlined,
  BookOutlined,
  CloudUploadOutlined,
  ClusterOutlined,
  ControlOutlined,
  DashboardOutlined,
  FileDoneOutlined,
  FundOutlined,
  HomeOutlined,
  IdcardOutlined,
  KeyOutlined,
  LogoutOutlined,
  PieChartOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  SolutionOutlined,
  SwapOutlined,
  TeamOutlined,
  UserAddOutlined,
  UsergroupAddOutlined,
} from '@ant-design/icons';
import { ProLayout, type MenuDataItem } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Dropdown, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { api } from '../api/client';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useSession, useUser, type Role } from '../session';
import { useWorkbench } from '../workbench';

interface Entry {
  path: string;
  key: string;
  icon: React.ReactNode;
  roles: Role[];
  count?: number;
}

/** The console's frame: a menu that follows the role (with what waits in each place), the bell, the language and the account. */
export function ConsoleLayout() {
  const { t } = useTranslation();
  const user = useUser();
  const { signOut } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const waiting = useWorkbench();
  const unread = useQuery({
    queryKey: ['notifications', 'unread'],
    queryFn: () => api.get<{ unread: number; total: number }>('/notifications', { unread: true, pageSize: 1 }),
    refetchInterval: 60_000,
  });
  const unreadCount = unread.data?.unread ?? unread.data?.total ?? 0;
  const workbenchCount = waiting.training.count + waiting.staffRequests.count + waiting.rotationPlans.count + waiting.transfers.count;

  const entries: Entry[] = [
    {
      path: '/',
      key: 'workbench',
      icon: <DashboardOutlined />,
      roles: ['PROVINCE_ADMIN', 'CITY_OFFICER', 'COUNTY_OFFICER', 'PRINCIPAL', 'TEACHER'],
      count: workbenchCount,
    },
    { path: '/overview', key: 'overviewProvince', icon: <FundOutlined />, roles: ['PROVINCE_ADMIN'] },
    { path: '/overview', key: 'overviewCity', icon: <FundOutlined />, roles: ['CITY_OFFICER'] },
    { path: '/schools', key: 'schools', icon: <BankOutlined />, roles: ['PROVINCE_ADMIN', 'CITY_OFFICER', 'COUNTY_OFFICER'] },
    { path: '/quota', key: 'quota', icon: <PieChartOutlined />, roles: ['PROVINCE_ADMIN', 'CITY_OFFICER', 'COUNTY_OFFICER'] },
    { path: '/my/school', key: 'mySchool', icon: <HomeOutlined />, roles: ['PRINCIPAL'] },
    { path: '/teachers', key: 'teachers', icon: <TeamOutlined />, roles: ['CITY_OFFICER', 'COUNTY_OFFICER', 'PRINCIPAL'] },
    {
      path: '/training',
      key: 'training',
      icon: <BookOutlined />,
      roles: ['COUNTY_OFFICER', 'PRINCIPAL', 'CITY_OFFICER', 'PROVINCE_ADMIN'],
      count: waiting.training.count,
    },
    { path: '/eligibility', key: 'eligibility', icon: <SafetyCertificateOutlined />, roles: ['COUNTY_OFFICER'] },
    {
      path: '/staff-requests',
      key: 'staffRequests',
      icon: <UserAddOutlined />,
      roles: ['COUNTY_OFFICER', 'PRINCIPAL', 'CITY_OFFICER'],
      count: waiting.staffRequests.count,
    },
    {
      path: '/rotation-plans',
      key: 'rotationPlans',
      icon: <SolutionOutlined />,
      roles: ['COUNTY_OFFICER', 'CITY_OFFICER', 'PROVINCE_ADMIN'],
      count: waiting.rotationPlans.count,
    },
    { path: '/rotation-candidates', key: 'rotationCandidates', icon: <UsergroupAddOutlined />, roles: ['COUNTY_OFFICER'] },
    {
      path: '/transfers',
      key: 'transfers',
      icon: <SwapOutlined />,
      roles: ['COUNTY_OFFICER', 'CITY_OFFICER', 'PROVINCE_ADMIN'],
      count: waiting.transfers.count,
    },
    {
      path: '/shortages',
      key: 'shortages',
      icon: <AlertOutlined />,
      roles: ['COUNTY_OFFICER', 'PRINCIPAL', 'CITY_OFFICER', 'PROVINCE_ADMIN'],
      count: waiting.flags.count,
    },
    { path: '/imports', key: 'imports', icon: <CloudUploadOutlined />, roles: ['COUNTY_OFFICER'] },
    { path: '/accounts', key: 'accounts', icon: <IdcardOutlined />, roles: ['PROVINCE_ADMIN', 'COUNTY_OFFICER'] },
    { path: '/policy', key: 'policy', icon: <ControlOutlined />, roles: ['PROVINCE_ADMIN', 'CITY_OFFICER', 'COUNTY_OFFICER'] },
    { path: '/queue-dashboard', key: 'queues', icon: <ClusterOutlined />, roles: ['PROVINCE_ADMIN'] },
    { path: '/my/training', key: 'myTraining', icon: <ReadOutlined />, roles: ['PRINCIPAL', 'TEACHER'] },
    { path: '/my/eligibility', key: 'myEligibility', icon: <FileDoneOutlined />, roles: ['PRINCIPAL', 'TEACHER'] },
    {
      path: '/notifications',
      key: 'notifications',
      icon: <BellOutlined />,
      roles: ['PROVINCE_ADMIN', 'CITY_OFFICER', 'COUNTY_OFFICER', 'PRINCIPAL', 'TEACHER'],
      count: unreadCount,
    },
  ];
  const menu: MenuDataItem[] = entries
    .filter((entry) => entry.roles.includes(user.role))
    .map((entry) => ({
      path: entry.path,
      icon: entry.icon,
      name: entry.count ? `${t(`menu.${entry.key}`)} (${entry.count})` : t(`menu.${entry.key}`),
    }));

  return (
    <ProLayout
      title={t('app.title')}
      logo={<AuditOutlined aria-hidden style={{ fontSize: 24, color: '#fff' }} />}
      layout="mix"
      fixSiderbar
      navTheme="light"
      token={{ header: { colorBgHeader: '#0958d9', colorHeaderTitle: '#fff', colorTextRightActionsItem: '#fff' } }}
      location={{ pathname: location.pathname }}
      route={{ path: '/', routes: menu }}
      menuItemRender={(item, dom) => <Link to={item.path ?? '/'}>{dom}</Link>}
      onMenuHeaderClick={() => void navigate('/')}
      actionsRender={() => [
        <LanguageSwitch key="language" />,
        <Link key="bell" to="/notifications" aria-label={t('app.unreadNotifications', { count: unreadCount })} data-testid="bell">
          <Badge count={unreadCount} size="small" overflowCount={99}>
            <BellOutlined style={{ fontSize: 18, color: '#fff' }} />
          </Badge>
        </Link>,
      ]}
      avatarProps={{
        title: user.username,
        size: 'small',
        render: (_props, dom) => (
          <Dropdown
            menu={{
              items: [
                { key: 'password', icon: <KeyOutlined />, label: t('menu.password'), onClick: () => void navigate('/password') },
                {
                  key: 'signout',
                  icon: <LogoutOutlined />,
                  label: t('app.signOut'),
                  onClick: () => {
                    signOut();
                    void navigate('/login');
                  },
                },
              ],
            }}
          >
            <Button type="text" style={{ color: '#fff' }} aria-label={t('app.account', { name: user.username })}>
              <Space>{dom}</Space>
            </Button>
          </Dropdown>
        ),
      }}
    >
      <Outlet />
    </ProLayout>
  );
}
