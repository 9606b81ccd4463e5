import { PageContainer, ProCard, ProForm, ProFormText } from '@ant-design/pro-components';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, ApiError } from '../api/client';
import { useCodes } from '../codes';
import { useSession } from '../session';

/** Change one's own password; every earlier token ends, so the user signs in again with the new one. */
export default function Password() {
  const { t } = useTranslation();
  const { refusal } = useCodes();
  const { message } = App.useApp();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const [form] = ProForm.useForm();
  return (
    <PageContainer title={t('menu.password')}>
      <ProCard style={{ maxWidth: 560 }}>
        <ProForm<{ currentPassword: string; newPassword: string; confirm: string }>
          form={form}
          name="password"
          submitter={{ searchConfig: { submitText: t('password.submit') }, resetButtonProps: false }}
          onFinish={async (values) => {
            try {
              await api.post('/auth/password', { currentPassword: values.currentPassword, newPassword: values.newPassword });
              void message.success(t('password.changed'));
              signOut();
              void navigate('/login');
              return true;
            } catch (error) {
              if (error instanceof ApiError && error.code === 'WRONG_CURRENT_PASSWORD') {
                form.setFields([{ name: 'currentPassword', errors: [t('password.wrongCurrent')] }]);
              } else if (error instanceof ApiError && error.code === 'VALIDATION_FAILED') {
                form.setFields(Object.entries(error.fields).map(([name, errors]) => ({ name, errors })));
              } else void message.error(refusal(error));
              return false;
            }
          }}
        >
          <ProFormText.Password
            name="currentPassword"
            label={t('password.current')}
            rules={[{ required: true, message: t('password.required') }]}
            fieldProps={{ autoComplete: 'current-password' }}
          />
          <ProFormText.Password
            name="newPassword"
            label={t('password.new')}
            rules={[
              { required: true, message: t('password.required') },
              { min: 10, message: t('password.tooShort') },
            ]}
            fieldProps={{ autoComplete: 'new-password' }}
          />
          <ProFormText.Password
            name="confirm"
            label={t('password.confirm')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('password.required') },
              ({ getFieldValue }) => ({
                validator: (_rule, value) =>
                  value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch'))),
              }),
            ]}
            fieldProps={{ autoComplete: 'new-password' }}
          />
        </ProForm>
      </ProCard>
    </PageContainer>
  );
}
