import { ModalForm, PageContainer, ProFormDependency, ProFormSelect, ProFormText, ProTable, type ActionType } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Form, Popconfirm, Space, Tag } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, type Page, type Schemas } from '../api/client';
import { BAD, GOOD } from '../colours';
import { useCodes } from '../codes';
import { showFieldErrors } from '../components/fieldErrors';
import { tableTime } from '../format';
import { useUser, type Role } from '../session';

type Account = Schemas['AccountResponse'];
type City = Schemas['CityResponse'];
type County = Schemas['CountyResponse'];
type Teacher = Schemas['TeacherResponse'];
type School = Schemas['SchoolResponse'];

interface NewAccount {
  username: string;
  password: string;
  role: Role;
  cityId?: string;
  countyId?: string;
  schoolId?: string;
  teacherId?: string;
}

/** The roles of the accounts each role creates, resets and disables (as the API allows them). */
const MANAGED: Partial<Record<Role, Role[]>> = {
  PROVINCE_ADMIN: ['PROVINCE_ADMIN', 'CITY_OFFICER', 'COUNTY_OFFICER', 'PRINCIPAL', 'TEACHER'],
  COUNTY_OFFICER: ['PRINCIPAL', 'TEACHER'],
};

const LEADER_POSTS = ['PRINCIPAL', 'VICE_PRINCIPAL'];

/**
 * 账号管理: the accounts of the administrator's province or the officer's county, searched by username and filtered by
 * role; a new account with the scope its role needs, a password reset, and disabling or enabling one (confirmed first).
 */
export default function Accounts() {
  const { t } = useTranslation();
  const { options, valueEnum } = useCodes();
  const user = useUser();
  const { message } = App.useApp();
  const actions = useRef<ActionType>(null);
  const [createForm] = Form.useForm<NewAccount>();
  const [passwordForm] = Form.useForm<{ newPassword: string }>();
  const [resetting, setResetting] = useState<Account | null>(null);
  const managed = MANAGED[user.role] ?? [];
  const admin = user.role === 'PROVINCE_ADMIN';

  const cities = useQuery({ queryKey: ['cities'], queryFn: () => api.get<City[]>('/cities'), staleTime: Infinity });
  const counties = useQuery({ queryKey: ['counties'], queryFn: () => api.get<County[]>('/counties'), staleTime: Infinity });
  const cityName = (id?: string) => cities.data?.find((city) => city.id === id)?.name ?? id ?? '';
  const countyName = (id?: string) => counties.data?.find((county) => county.id === id)?.name ?? id ?? '';
  const countyOptions = (counties.data ?? []).map((county) => ({ value: county.id, label: `${cityName(county.cityId)} ${county.name}` }));

  const failed = (error: unknown) => void message.error(error instanceof ApiError ? error.message : t('error.generic'));
  const change = async (account: Account, action: 'disable' | 'enable') => {
    try {
      await api.post(`/users/${account.id}/${action}`);
      void message.success(t(action === 'disable' ? 'accounts.disabled' : 'accounts.enabled', { name: account.username }));
      void actions.current?.reload();
    } catch (error) {
      failed(error);
    }
  };

  const scope = (account: Account) => {
    switch (account.role) {
      case 'CITY_OFFICER':
        return cityName(account.cityId);
      case 'COUNTY_OFFICER':
        return `${cityName(account.cityId)} ${countyName(account.countyId)}`;
      case 'PRINCIPAL':
        return `${countyName(account.countyId)} ${account.schoolName ?? ''} · ${account.teacherName ?? ''}`;
      case 'TEACHER':
        return `${countyName(account.countyId)} · ${account.teacherName ?? ''}`;
      default:
        return t('accounts.province');
    }
  };

  return (
    <PageContainer
      title={t('menu.accounts')}
      extra={
        managed.length > 0 && (
          <ModalForm<NewAccount>
            form={createForm}
            name="account-create"
            title={t('accounts.new')}
            trigger={<Button type="primary">{t('accounts.new')}</Button>}
            modalProps={{ destroyOnHidden: true }}
            initialValues={{ role: managed[managed.length - 1], countyId: admin ? undefined : user.countyId }}
            onFinish={async (values) => {
              const role = values.role;
              try {
                await api.post('/users', {
                  username: values.username,
                  password: values.password,
                  role,
                  cityId: role === 'CITY_OFFICER' ? values.cityId : undefined,
                  countyId: role === 'CITY_OFFICER' || role === 'PROVINCE_ADMIN' ? undefined : admin ? values.countyId : user.countyId,
                  schoolId: role === 'PRINCIPAL' ? values.schoolId : undefined,
                  teacherId: role === 'PRINCIPAL' || role === 'TEACHER' ? values.teacherId : undefined,
                });
                void message.success(t('accounts.created', { name: values.username }));
                void actions.current?.reload();
                return true;
              } catch (error) {
                if (!showFieldErrors(createForm, error)) failed(error);
                return false;
              }
            }}
          >
            <ProFormSelect
              name="role"
              label={t('accounts.role')}
              options={options('roles').filter((option) => managed.includes(option.value as Role))}
              rules={[{ required: true, message: t('form.required') }]}
              fieldProps={{ onChange: () => createForm.setFieldsValue({ cityId: undefined, schoolId: undefined, teacherId: undefined }) }}
            />
            <ProFormText name="username" label={t('accounts.username')} rules={[{ required: true, message: t('form.required') }]} />
            <ProFormText.Password
              name="password"
              label={t('accounts.password')}
              extra={t('accounts.passwordRule')}
              fieldProps={{ autoComplete: 'new-password' }}
              rules={[{ required: true, message: t('form.required') }]}
            />
            <ProFormDependency name={['role', 'countyId', 'schoolId']}>
              {({ role, countyId, schoolId }: Partial<NewAccount>) => (
                <>
                  {role === 'CITY_OFFICER' && (
                    <ProFormSelect
                      name="cityId"
                      label={t('accounts.city')}
                      options={(cities.data ?? []).map((city) => ({ value: city.id, label: city.name }))}
                      rules={[{ required: true, message: t('form.required') }]}
                      showSearch
                    />
                  )}
                  {admin && (role === 'COUNTY_OFFICER' || role === 'PRINCIPAL' || role === 'TEACHER') && (
                    <ProFormSelect
                      name="countyId"
                      label={t('field.county')}
                      options={countyOptions}
                      rules={[{ required: true, message: t('form.required') }]}
                      fieldProps={{ onChange: () => createForm.setFieldsValue({ schoolId: undefined, teacherId: undefined }) }}
                      showSearch
                    />
                  )}
                  {role === 'PRINCIPAL' && countyId && (
                    <ProFormSelect
                      name="schoolId"
                      label={t('field.school')}
                      params={{ countyId }}
                      request={async () => {
                        const page = await api.get<Page<School>>('/schools', { countyId, pageSize: 200 });
                        return page.items.map((school) => ({ value: school.id, label: `${school.name}（${school.code}）` }));
                      }}
                      rules={[{ required: true, message: t('form.required') }]}
                      fieldProps={{ onChange: () => createForm.setFieldsValue({ teacherId: undefined }) }}
                      showSearch
                    />
                  )}
                  {((role === 'PRINCIPAL' && schoolId) || (role === 'TEACHER' && countyId)) && (
                    <ProFormSelect
                      name="teacherId"
                      label={t('accounts.teacherRecord')}
                      extra={role === 'PRINCIPAL' ? t('accounts.principalRecord') : t('accounts.teacherSearch')}
                      params={{ role, countyId, schoolId }}
                      debounceTime={300}
                      request={async ({ keyWords }: { keyWords?: string }) => {
                        const page = await api.get<Page<Teacher>>('/teachers', {
                          countyId,
                          schoolId: role === 'PRINCIPAL' ? schoolId : undefined,
                          q: keyWords,
                          pageSize: 50,
                        });
                        return page.items
                          .filter((teacher) => role !== 'PRINCIPAL' || LEADER_POSTS.includes(teacher.post))
                          .map((teacher) => ({
                            value: teacher.id,
                            label: `${teacher.name}（${teacher.staffNo}）${teacher.currentPostings[0] ? ` · ${teacher.currentPostings[0].schoolName}` : ''}`,
                          }));
                      }}
                      rules={[{ required: true, message: t('form.required') }]}
                      showSearch
                    />
                  )}
                </>
              )}
            </ProFormDependency>
          </ModalForm>
        )
      }
    >
      <ProTable<Account, { q?: string; role?: Role }>
        rowKey="id"
        options={false}
        actionRef={actions}
        form={{ name: 'account-search' }}
        search={{ labelWidth: 'auto' }}
        request={async (params) => {
          const page = await api.get<Page<Account>>('/users', {
            q: params.q,
            role: params.role,
            page: params.current,
            pageSize: params.pageSize,
          });
          return { data: page.items, total: page.total, success: true };
        }}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t('accounts.search'), dataIndex: 'q', hideInTable: true },
          { title: t('accounts.username'), dataIndex: 'username', search: false },
          { title: t('accounts.role'), dataIndex: 'role', valueEnum: valueEnum('roles') },
          { title: t('accounts.scope'), key: 'scope', search: false, render: (_dom, row) => scope(row) },
          {
            title: t('field.status'),
            dataIndex: 'active',
            search: false,
            render: (_dom, row) => (row.active ? <Tag color={GOOD}>{t('accounts.active')}</Tag> : <Tag color={BAD}>{t('accounts.inactive')}</Tag>),
          },
          { title: t('accounts.lastLogin'), dataIndex: 'lastLoginAt', search: false, render: (_dom, row) => tableTime(row.lastLoginAt) },
          {
            title: t('field.actions'),
            valueType: 'option',
            render: (_dom, row) =>
              row.id === user.id || !managed.includes(row.role) ? null : (
                <Space key="actions">
                  <Button size="small" onClick={() => setResetting(row)} aria-label={t('accounts.resetFor', { name: row.username })}>
                    {t('accounts.reset')}
                  </Button>
                  {row.active ? (
                    <Popconfirm
                      title={t('accounts.disableConfirm', { name: row.username })}
                      okText={t('accounts.disable')}
                      cancelText={t('accounts.cancel')}
                      onConfirm={() => void change(row, 'disable')}
                    >
                      <Button size="small" danger aria-label={t('accounts.disableFor', { name: row.username })}>
                        {t('accounts.disable')}
                      </Button>
                    </Popconfirm>
                  ) : (
                    <Popconfirm
                      title={t('accounts.enableConfirm', { name: row.username })}
                      okText={t('accounts.enable')}
                      cancelText={t('accounts.cancel')}
                      onConfirm={() => void change(row, 'enable')}
                    >
                      <Button size="small" aria-label={t('accounts.enableFor', { name: row.username })}>
                        {t('accounts.enable')}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
          },
        ]}
      />
      <ModalForm<{ newPassword: string }>
        form={passwordForm}
        name="account-password"
        title={t('accounts.resetTitle', { name: resetting?.username ?? '' })}
        open={!!resetting}
        modalProps={{ destroyOnHidden: true, onCancel: () => setResetting(null) }}
        onFinish={async ({ newPassword }) => {
          if (!resetting) return true;
          try {
            await api.post(`/users/${resetting.id}/password`, { newPassword });
            void message.success(t('accounts.passwordReset', { name: resetting.username }));
            setResetting(null);
            return true;
          } catch (error) {
            if (!showFieldErrors(passwordForm, error)) failed(error);
            return false;
          }
        }}
      >
        <ProFormText.Password
          name="newPassword"
          label={t('password.new')}
          extra={t('accounts.passwordRule')}
          fieldProps={{ autoComplete: 'new-password' }}
          rules={[{ required: true, message: t('form.required') }]}
        />
      </ModalForm>
    </PageContainer>
  );
}
