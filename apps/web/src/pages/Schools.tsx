import { PageContainer, ProTable } from '@ant-design/pro-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, type Page, type Schemas } from '../api/client';
import { useCodes } from '../codes';
import { useUser } from '../session';

type School = Schemas['SchoolResponse'];

/** 学校: the county's schools, searched by name or code and filtered by location, weak and stage; each opens its detail. */
export default function Schools() {
  const { t } = useTranslation();
  const { valueEnum } = useCodes();
  const user = useUser();
  return (
    <PageContainer title={t('menu.schools')}>
      <ProTable<School, { q?: string; location?: string; stage?: string; weak?: string }>
        rowKey="id"
        options={false}
        form={{ name: 'school-search' }}
        request={async (params) => {
          const page = await api.get<Page<School>>('/schools', {
            countyId: user.countyId,
            q: params.q,
            location: params.location,
            stage: params.stage,
            weak: params.weak,
            page: params.current,
            pageSize: params.pageSize,
          });
          return { data: page.items, total: page.total, success: true };
        }}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t('school.search'), dataIndex: 'q', hideInTable: true },
          { title: t('field.code'), dataIndex: 'code', search: false },
          { title: t('field.name'), dataIndex: 'name', search: false, render: (_dom, row) => <Link to={`/schools/${row.id}`}>{row.name}</Link> },
          { title: t('field.stage'), dataIndex: 'stage', valueEnum: valueEnum('stages') },
          { title: t('field.location'), dataIndex: 'location', valueEnum: valueEnum('locations') },
          { title: t('school.weak'), dataIndex: 'weak', valueEnum: { true: { text: t('eligibility.yes') }, false: { text: t('eligibility.no') } } },
          { title: t('school.headcount'), dataIndex: ['headcount', 'onQuota'], search: false },
        ]}
      />
    </PageContainer>
  );
}
