// 宣传任务: the publicity campaigns of the reader's territory with done / total per campaign (their tasks in the
// reader's scope); 推送宣传任务 (when the API's policies allow) sends one to chosen grids — a community chosen is all
// its grids — with its content, images uploaded through POST /api/files, and start and due days.
import { useEffect, useMemo, useState } from 'react';
import { App, Button, DatePicker, Empty, Form, Image, Input, Progress, Space, Table, Tooltip, TreeSelect, Typography, Upload, type UploadFile } from 'antd';
import { PlusOutlined, SendOutlined } from '@ant-design/icons';
import type { TableColumnsType as ColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../app/auth.tsx';
import { errorText } from '../../../lib/api.ts';
import { useApi } from '../../../lib/useApi.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { ErrorState } from '../../../ui/ErrorState.tsx';
import { TASK_LIMITS } from '../../../../shared/tasks.ts';
import { uploadPhoto } from '../../cases/api.ts';
import { fetchFeatures } from '../../org/api.ts';
import { fetchCampaigns, pushCampaign, type Campaign } from '../oversight-api.ts';
import { gridsOf } from './parts.tsx';
import { FormModal, useModalForm } from './modal-form.tsx';
import './locales.ts';
import './tasks.css';

const PAGE_SIZE = 20;

export function CampaignsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const scopeId = me.scopeOrgUnit?.id ?? '';
  const [page, setPage] = useState(1);
  const [pushOpen, setPushOpen] = useState(false);
  const list = useApi((signal) => fetchCampaigns({ orgUnitId: scopeId || undefined, page, pageSize: PAGE_SIZE }, signal), [scopeId, page]);
  const units = useApi(scopeId && list.data?.policies.includes('create') ? (signal) => fetchFeatures(scopeId, signal) : null, [scopeId, list.data?.policies.includes('create')]);
  const grids = useMemo(() => gridsOf(units.data), [units.data]);

  const columns: ColumnsType<Campaign> = [
    { title: t('oversight.campaigns.name'), dataIndex: 'title', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
    { title: t('oversight.campaigns.dates'), key: 'dates', width: 210, render: (_, c) => t('oversight.period.range', { from: c.startsOn, to: c.dueOn }) },
    {
      title: t('oversight.campaigns.grids'), dataIndex: 'grids', width: 110,
      render: (g: Campaign['grids']) => <Tooltip title={g.map((x) => x.name).join('、')}><span>{t('oversight.campaigns.gridCount', { count: g.length })}</span></Tooltip>,
    },
    {
      title: t('oversight.campaigns.progress'), key: 'progress', width: 240,
      render: (_, c) => (
        <Space data-testid="campaign-progress">
          <Progress percent={c.total ? Math.round((c.done / c.total) * 100) : 0} size="small" style={{ width: 110, margin: 0 }} showInfo={false} status={c.total > 0 && c.done === c.total ? 'success' : 'normal'} />
          <span>{t('oversight.campaigns.doneOfTotal', { done: c.done, total: c.total })}</span>
          {c.overdue > 0 ? <span className="zz-tasks-overdue">{t('oversight.status.overdue')} {c.overdue}</span> : null}
        </Space>
      ),
    },
    { title: t('oversight.campaigns.createdBy'), dataIndex: 'createdBy', width: 100 },
  ];

  return (
    <div className="zz-page" data-testid="campaigns-page">
      <PageHeader
        title={t('oversight.campaigns.title')} subtitle={t('oversight.campaigns.subtitle')}
        extra={list.data?.policies.includes('create') ? <Button type="primary" icon={<SendOutlined />} onClick={() => setPushOpen(true)} data-testid="campaign-push">{t('oversight.campaigns.push')}</Button> : null}
      />
      {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : (
        <Table<Campaign>
          rowKey="id" size="small" columns={columns} dataSource={list.data?.items ?? []} loading={list.loading} data-testid="campaign-table"
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('oversight.campaigns.empty')} /> }}
          expandable={{ expandedRowRender: (c) => <CampaignBody campaign={c} /> }}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, showSizeChanger: false, onChange: setPage, hideOnSinglePage: true }}
        />
      )}
      <PushCampaignModal open={pushOpen} grids={grids} onClose={() => setPushOpen(false)} onDone={() => { setPushOpen(false); setPage(1); list.reload(); }} />
    </div>
  );
}

function CampaignBody({ campaign: c }: { campaign: Campaign }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="campaign-body">
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{c.content}</Typography.Paragraph>
      {c.material.length > 0 ? (
        <Image.PreviewGroup>
          <Space wrap>{c.material.map((m) => <Image key={m.hash} src={m.thumbUrl} preview={{ src: m.url }} width={88} height={88} style={{ objectFit: 'cover', borderRadius: 4 }} />)}</Space>
        </Image.PreviewGroup>
      ) : null}
      <Typography.Text type="secondary">{t('oversight.campaigns.grids')}：{c.grids.map((g) => g.name).join('、')}</Typography.Text>
    </Space>
  );
}

interface Values { title?: string; content?: string; gridIds?: string[]; dates?: [Dayjs, Dayjs] }

function PushCampaignModal({ open, grids, onClose, onDone }: {
  open: boolean; grids: ReturnType<typeof gridsOf>; onClose(): void; onDone(): void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const m = useModalForm<Values>(open);
  const [files, setFiles] = useState<UploadFile[]>([]);
  useEffect(() => { if (open) setFiles([]); }, [open]);

  // communities as branches, their grids as leaves: checking a community checks all its grids
  const tree = useMemo(() => {
    const byCommunity = new Map<string, { title: string; value: string; children: { title: string; value: string }[] }>();
    const loose: { title: string; value: string }[] = [];
    for (const g of grids) {
      if (!g.communityId) { loose.push({ title: g.name, value: g.id }); continue; }
      const c = byCommunity.get(g.communityId) ?? { title: g.communityName ?? '', value: `community:${g.communityId}`, children: [] };
      c.children.push({ title: g.name, value: g.id });
      byCommunity.set(g.communityId, c);
    }
    return [...byCommunity.values(), ...loose];
  }, [grids]);

  const submit = async () => {
    if (files.some((f) => f.status === 'uploading')) {
      await m.form.validateFields();
      m.setError(new Error(t('oversight.campaigns.waitUpload')));
      return;
    }
    const material = files.flatMap((f) => (f.status === 'done' && typeof f.response?.hash === 'string' ? [f.response.hash as string] : []));
    await m.submit(async (v) => {
      const gridIds = (v.gridIds ?? []).filter((id) => !id.startsWith('community:'));
      const c = await pushCampaign({
        title: v.title!.trim(), content: v.content!.trim(), material, gridIds,
        startsOn: v.dates![0].format('YYYY-MM-DD'), dueOn: v.dates![1].format('YYYY-MM-DD'),
      }, m.key);
      message.success(t('oversight.campaigns.pushed', { count: c.grids.length }));
      onDone();
    });
  };

  return (
    <FormModal
      m={m} title={t('oversight.campaigns.pushTitle')} okText={t('oversight.campaigns.push')} width={640} testId="campaign" hint={t('oversight.campaigns.pushHint')}
      initialValues={{ dates: [dayjs(), dayjs().add(7, 'day')] }} onClose={onClose} onOk={() => void submit()}
    >
      <Form.Item name="title" label={t('oversight.campaigns.name')} rules={[{ required: true, whitespace: true, message: t('oversight.common.required', { field: t('oversight.campaigns.name') }) }]}>
        <Input maxLength={TASK_LIMITS.title} placeholder={t('oversight.campaigns.nameHint')} data-testid="campaign-title" />
      </Form.Item>
      <Form.Item name="content" label={t('oversight.campaigns.content')} rules={[{ required: true, whitespace: true, message: t('oversight.common.required', { field: t('oversight.campaigns.content') }) }]}>
        <Input.TextArea rows={4} maxLength={TASK_LIMITS.text} showCount placeholder={t('oversight.campaigns.contentHint')} data-testid="campaign-content" />
      </Form.Item>
      <Form.Item label={t('oversight.campaigns.material')}>
        <Upload
          accept="image/*" listType="picture-card" multiple fileList={files} maxCount={TASK_LIMITS.photos} data-testid="campaign-material"
          onChange={({ fileList }) => setFiles(fileList)}
          customRequest={({ file, onSuccess, onError }) => {
            uploadPhoto(file as Blob).then((res) => onSuccess?.(res), (e: unknown) => onError?.(new Error(errorText(e, i18n.language))));
          }}
        >
          {files.length < TASK_LIMITS.photos ? <div><PlusOutlined /><div style={{ marginTop: 6 }}>{t('oversight.campaigns.upload')}</div></div> : null}
        </Upload>
      </Form.Item>
      <Form.Item
        name="gridIds" label={t('oversight.campaigns.grids')} extra={t('oversight.campaigns.gridsHint')}
        rules={[{ required: true, type: 'array', min: 1, message: t('oversight.common.choose', { field: t('oversight.campaigns.grids') }) }]}
      >
        <TreeSelect
          treeData={tree} treeCheckable showCheckedStrategy={TreeSelect.SHOW_CHILD} treeDefaultExpandAll={tree.length <= 3} maxTagCount={6}
          showSearch={{ treeNodeFilterProp: 'title' }} data-testid="campaign-grids" style={{ width: '100%' }}
        />
      </Form.Item>
      <Form.Item
        name="dates" label={t('oversight.campaigns.dates')}
        rules={[{ required: true, message: t('oversight.common.choose', { field: t('oversight.campaigns.dates') }) }]}
      >
        <DatePicker.RangePicker style={{ width: '100%' }} allowClear={false} disabledDate={(d) => d.isBefore(dayjs(), 'day')} data-testid="campaign-dates" />
      </Form.Item>
    </FormModal>
  );
}
