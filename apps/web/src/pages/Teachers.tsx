import { PageContainer, ProTable } from '@ant-design/pro-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, type Page, type Schemas } from '../api/client';
import { useCodes } from '../codes';
import { tableDate } from '../format';
import { useUser } from '../session';

type Teacher = Schemas['TeacherResponse'];

/** 教师: the county's teachers (a principal: the school's staff), searched by name or staff number and subject; each opens its detail. */
export default function Teachers() {
  const { t } = useTranslation();
  const { label, valueEnum } = useCodes();
  const user = useUser();
  return (
    <PageContainer title={t('menu.teachers')}>
      <ProTable<Teacher, { q?: string; subject?: string }>
        rowKey="id"
        options={false}
        form={{ name: 'teacher-search' }}
        request={async (params) => {
          const page = await api.get<Page<Teacher>>('/teachers', {
            countyId: user.role === 'PRINCIPAL' ? undefined : user.countyId,
            schoolId: user.role === 'PRINCIPAL' ? user.schoolId : undefined,
            q: params.q,
            subject: params.subject,
            page: params.current,
            pageSize: params.pageSize,
          });
          return { data: page.items, total: page.total, success: true };
        }}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t('teacher.search'), dataIndex: 'q', hideInTable: true },
          { title: t('field.staffNo'), dataIndex: 'staffNo', search: false },
          { title: t('field.name'), dataIndex: 'name', search: false, render: (_dom, row) => <Link to={`/teachers/${row.id}`}>{row.name}</Link> },
          { title: t('field.subject'), dataIndex: 'subject', valueEnum: valueEnum('subjects') },
          { title: t('teacher.title'), dataIndex: ['title', 'level'], search: false, render: (_dom, row) => label('titleLevels', row.title.level) },
          { title: t('teacher.backbone'), dataIndex: 'backbone', search: false, render: (_dom, row) => label('backboneLevels', row.backbone) },
          { title: t('teacher.hireDate'), dataIndex: 'hireDate', search: false, render: (_dom, row) => tableDate(row.hireDate) },
        ]}
      />
    </PageContainer>
  );
}
