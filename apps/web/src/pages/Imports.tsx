import { UploadOutlined } from '@ant-design/icons';
import { PageContainer, ProCard } from '@ant-design/pro-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Form, Select, Space, Steps, Table, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, download, type Schemas } from '../api/client';
import { useCodes } from '../codes';
import { tableTime } from '../format';
import { useUser } from '../session';

type Kind = Schemas['ImportKind'];
type Import = Schemas['RegistryImportResponse'];
type RowError = Schemas['RegistryImportErrorResponse'];

/** Every kind a county's data comes in and goes out as, in the order they depend on each other; the registry is all of them in one workbook. */
const KINDS: Kind[] = ['schools', 'classifications', 'enrolment', 'teachers', 'postings', 'training-records', 'registry'];

const checking = (status: Import['status'] | undefined) => status === 'QUEUED' || status === 'RUNNING';

/** 导入导出: a county's templates and exports per kind, and a file brought in: read and checked first, its problems row by row, then written. */
export default function Imports() {
  const { t } = useTranslation();
  const { label, refusal } = useCodes();
  const user = useUser();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const importId = params.get('id');
  const [form] = Form.useForm<{ kind: Kind; file: UploadFile[] }>();
  const [commitError, setCommitError] = useState<string | null>(null);
  const kindLabel = (kind: Kind) => t(`imports.kinds.${kind}`);
  const failed = () => message.error(t('error.generic'));

  const current = useQuery({
    queryKey: ['import', importId],
    queryFn: () => api.get<Import>(`/imports/${importId}`),
    enabled: !!importId,
    refetchInterval: (query) => (checking(query.state.data?.status) ? 1000 : false),
  });
  const send = useMutation({
    mutationFn: ({ kind, file }: { kind: Kind; file: File }) =>
      api.upload<Schemas['RegistryImportAcceptedResponse']>(`/counties/${user.countyId}/imports`, file, { kind }),
    onSuccess: ({ importId: id }) => {
      setCommitError(null);
      setParams({ id });
    },
    onError: (error) => void message.error(refusal(error)),
  });
  const commit = useMutation({
    mutationFn: () => api.post<Import>(`/imports/${importId}/commit`),
    onSuccess: (done) => {
      setCommitError(null);
      queryClient.setQueryData(['import', importId], done);
      void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'import' });
      void message.success(t('imports.committed'));
    },
    onError: (error) => setCommitError(refusal(error)),
  });

  const item = current.data;
  const hasErrors = !!item && item.errorCount > 0;
  const step = !item ? 0 : checking(item.status) ? 1 : item.status === 'COMMITTED' ? 3 : item.status === 'READY' && !hasErrors ? 2 : 1;
  const stepStatus = item && (item.status === 'FAILED' || (item.status === 'READY' && hasErrors)) ? 'error' : 'process';

  return (
    <PageContainer title={t('menu.imports')}>
      <ProCard title={t('imports.templates')} headerBordered style={{ marginBottom: 16 }}>
        <Table<{ kind: Kind }>
          rowKey="kind"
          size="small"
          pagination={false}
          dataSource={KINDS.map((kind) => ({ kind }))}
          columns={[
            { title: t('field.kind'), dataIndex: 'kind', render: (kind: Kind) => kindLabel(kind) },
            {
              title: t('field.actions'),
              key: 'actions',
              render: (_value, { kind }) => (
                <Space>
                  <Button
                    size="small"
                    aria-label={`${t('imports.template')}：${kindLabel(kind)}`}
                    onClick={() => void download(`/imports/templates/${kind}`, {}, `template-${kind}.xlsx`).catch(failed)}
                  >
                    {t('imports.template')}
                  </Button>
                  <Button
                    size="small"
                    aria-label={`${t('imports.export')}：${kindLabel(kind)}`}
                    onClick={() => void download(`/counties/${user.countyId}/exports/${kind}`, {}, `${user.countyId}-${kind}.xlsx`).catch(failed)}
                  >
                    {t('imports.export')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </ProCard>
      <ProCard title={t('imports.upload')} headerBordered style={{ marginBottom: 16 }}>
        <Form
          form={form}
          name="import-upload"
          layout="inline"
          onFinish={({ kind, file }) => {
            const picked = file[0]?.originFileObj;
            if (picked) send.mutate({ kind, file: picked });
          }}
        >
          {/* Checked by a validator rather than `required`: a required item marks its select's frame aria-required, which a frame may not hold. */}
          <Form.Item
            name="kind"
            label={t('imports.kind')}
            rules={[{ validator: (_rule, value) => (value ? Promise.resolve() : Promise.reject(new Error(t('form.required')))) }]}
          >
            <Select<Kind> style={{ width: 220 }} options={KINDS.map((kind) => ({ value: kind, label: kindLabel(kind) }))} />
          </Form.Item>
          <Form.Item
            name="file"
            label={t('imports.file')}
            valuePropName="fileList"
            getValueFromEvent={(event: { fileList: UploadFile[] }) => event.fileList.slice(-1)}
            rules={[{ required: true, message: t('form.required') }]}
          >
            <Upload accept=".xlsx,.csv" maxCount={1} beforeUpload={() => false}>
              <Button icon={<UploadOutlined />}>{t('imports.pick')}</Button>
            </Upload>
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={send.isPending}>
              {t('imports.send')}
            </Button>
          </Form.Item>
        </Form>
      </ProCard>
      {importId && (
        <ProCard title={t('imports.preview')} headerBordered loading={current.isLoading}>
          {item && (
            <>
              <Steps
                size="small"
                current={step}
                status={step === 3 ? 'finish' : stepStatus}
                style={{ marginBottom: 16 }}
                items={[
                  { title: t('imports.steps.upload') },
                  {
                    title: t('imports.steps.check'),
                    description: checking(item.status) ? t('imports.reading', { rows: item.rows }) : undefined,
                  },
                  { title: t('imports.steps.commit') },
                ]}
              />
              <Descriptions column={3} size="small" style={{ marginBottom: 16 }}>
                <Descriptions.Item label={t('imports.file')}>{item.fileName ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('imports.kind')}>{kindLabel(item.kind)}</Descriptions.Item>
                <Descriptions.Item label={t('field.status')}>
                  <span data-testid="import-status">{t(`imports.statuses.${item.status}`)}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('imports.rows')}>{item.rows}</Descriptions.Item>
                <Descriptions.Item label={t('imports.errorCount')}>
                  <span data-testid="import-error-count">{item.errorCount}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('imports.checkedAt')}>{tableTime(item.finishedAt)}</Descriptions.Item>
                {item.counts && (
                  <Descriptions.Item label={t('imports.counts')}>
                    {t('imports.countsText', { created: item.counts.created, updated: item.counts.updated, unchanged: item.counts.unchanged })}
                  </Descriptions.Item>
                )}
              </Descriptions>
              {commitError && <Alert type="error" showIcon message={commitError} style={{ marginBottom: 16 }} data-testid="commit-error" />}
              <Space style={{ marginBottom: 16 }}>
                <Button type="primary" disabled={item.status !== 'READY'} loading={commit.isPending} onClick={() => commit.mutate()}>
                  {t('imports.commit')}
                </Button>
                {hasErrors && (
                  <Button onClick={() => void download(`/imports/${item.id}/error-report`, {}, `import-errors-${item.kind}.xlsx`).catch(failed)}>
                    {t('imports.errorReport')}
                  </Button>
                )}
              </Space>
              {hasErrors && (
                <>
                  {item.errorCount > item.errors.length && (
                    <Alert
                      type="info"
                      message={t('imports.firstErrors', { shown: item.errors.length, count: item.errorCount })}
                      style={{ marginBottom: 16 }}
                    />
                  )}
                  <Table<RowError>
                    rowKey={(row) => `${row.sheet}-${row.row}-${row.column ?? ''}-${row.code}-${row.message}`}
                    size="small"
                    pagination={{ pageSize: 20, hideOnSinglePage: true }}
                    dataSource={item.errors}
                    columns={[
                      { title: t('imports.sheet'), dataIndex: 'sheet', width: 140 },
                      { title: t('imports.row'), dataIndex: 'row', width: 80 },
                      // The column by its heading in the template (the field name when a problem names no column of the sheet).
                      { title: t('imports.column'), dataIndex: 'heading', width: 140, render: (_value, row) => row.heading ?? row.column ?? '—' },
                      { title: t('imports.code'), dataIndex: 'code', width: 320, render: (code: string) => `${label('errors', code)}（${code}）` },
                      { title: t('imports.message'), dataIndex: 'message' },
                    ]}
                  />
                </>
              )}
            </>
          )}
        </ProCard>
      )}
    </PageContainer>
  );
}
