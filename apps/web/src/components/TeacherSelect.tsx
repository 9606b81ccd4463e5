import { useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { useState } from 'react';
import { api, type Page, type Schemas } from '../api/client';
import { useCodes } from '../codes';

/** A teacher in the user's reach, found by part of the name or the start of the staff number. */
export function TeacherSelect(props: SelectProps<string>) {
  const { label } = useCodes();
  const [search, setSearch] = useState('');
  const teachers = useQuery({
    queryKey: ['teachers', 'pick', search],
    queryFn: () => api.get<Page<Schemas['TeacherResponse']>>('/teachers', { q: search.trim() || undefined, pageSize: 20 }),
  });
  return (
    <Select<string>
      showSearch
      filterOption={false}
      onSearch={setSearch}
      loading={teachers.isFetching}
      options={(teachers.data?.items ?? []).map((teacher) => ({
        value: teacher.id,
        label: `${teacher.name}（${teacher.staffNo}）${label('subjects', teacher.subject)}`,
      }))}
      {...props}
    />
  );
}
