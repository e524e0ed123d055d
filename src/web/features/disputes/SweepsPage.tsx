// 矛盾纠纷大排查: the sweeps of the caller's towns (newest first) with how many grids answered and how many are missing;
// 发起排查 for the town's organisers (a title, the due date, what to look for).
import { useRef, useState } from 'react';
import { Alert, App, Button, DatePicker, Empty, Form, Input, Modal, Progress, Space, Table, Tag, Typography } from 'antd';
import type { ButtonProps, TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { useApi } from '../../lib/useApi.ts';
import { errorText } from '../../lib/api.ts';
import { createSweep, listSweeps, newIdempotencyKey, type SweepSummary } from './api.ts';
import { timeText } from './parts.tsx';
import './locales.ts';
import './disputes.css';

export function SweepsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const sweeps = useApi((signal) => listSweeps(signal), []);
  const [creating, setCreating] = useState(false);

  const columns: TableColumnsType<SweepSummary> = [
    {
      title: t('disputes.sweeps.col.title'), dataIndex: 'title',
      render: (v: string, s) => (
        <Space orientation="vertical" size={0}>
          <Typography.Link strong onClick={() => navigate(`/disputes/sweeps/${s.id}`)} data-testid="sweep-link">{v}</Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{s.townName}{s.note ? ` · ${s.note}` : ''}</Typography.Text>
        </Space>
      ),
    },
    { title: t('disputes.sweeps.col.due'), dataIndex: 'dueOn', width: 140, render: (v: string, s) => <Space>{v}{s.overdue ? <Tag color="red">{t('disputes.sweeps.overdue')}</Tag> : null}</Space> },
    {
      title: t('disputes.sweeps.col.progress'), key: 'progress', width: 260,
      render: (_: unknown, s) => (
        <div>
          <Progress percent={s.gridCount ? Math.round((s.answered / s.gridCount) * 100) : 0} size="small" status={s.answered === s.gridCount ? 'success' : s.overdue ? 'exception' : 'active'} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('disputes.sweeps.answered', { answered: s.answered, total: s.gridCount })}</Typography.Text>
        </div>
      ),
    },
    { title: t('disputes.sweeps.col.missing'), key: 'missing', width: 90, align: 'right', render: (_: unknown, s) => <span data-testid="sweep-missing">{s.gridCount - s.answered}</span> },
    { title: t('disputes.sweeps.disputes'), dataIndex: 'found', width: 80, align: 'right' },
    { title: t('disputes.sweeps.col.created'), key: 'created', width: 170, render: (_: unknown, s) => <span>{timeText(s.createdAt)}{s.createdByName ? ` · ${s.createdByName}` : ''}</span> },
  ];

  return (
    <div className="zz-page" data-testid="sweeps-page">
      <PageHeader title={t('disputes.sweeps.title')} subtitle={t('disputes.sweeps.subtitle')}
        extra={sweeps.data?.policies.includes('create') ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="sweep-create">{t('disputes.sweeps.create')}</Button> : null} />
      {sweeps.error ? <ErrorState error={sweeps.error} onRetry={sweeps.reload} /> : (
        <Table<SweepSummary> rowKey="id" size="middle" columns={columns} dataSource={sweeps.data?.items ?? []} loading={sweeps.loading} pagination={false} data-testid="sweep-table"
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('disputes.sweeps.empty')} /> }} />
      )}
      <NewSweepDialog open={creating} onClose={() => setCreating(false)} onDone={(id) => { setCreating(false); navigate(`/disputes/sweeps/${id}`); }} />
    </div>
  );
}

function NewSweepDialog({ open, onClose, onDone }: { open: boolean; onClose(): void; onDone(id: string): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState<Dayjs>(dayjs().add(7, 'day'));
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const key = useRef(newIdempotencyKey());
  const save = async () => {
    if (!title.trim()) { setError(t('disputes.form.required', { field: t('disputes.sweeps.form.name') })); return; }
    setSaving(true);
    try {
      const s = await createSweep({ title: title.trim(), dueOn: dueOn.format('YYYY-MM-DD'), note: note.trim() || null }, key.current);
      message.success(t('disputes.actions.done'));
      key.current = newIdempotencyKey();
      onDone(s.id);
    } catch (e) {
      setError(errorText(e, i18n.language));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open={open} onCancel={onClose} destroyOnHidden title={t('disputes.sweeps.form.title')} onOk={() => void save()} confirmLoading={saving}
      okText={t('disputes.actions.ok')} cancelText={t('disputes.actions.cancel')} okButtonProps={{ 'data-testid': 'sweep-save' } as ButtonProps}>
      <Form layout="vertical" component="div">
        <Form.Item label={t('disputes.sweeps.form.name')} required><Input value={title} maxLength={100} placeholder={t('disputes.sweeps.form.namePh')} onChange={(e) => setTitle(e.target.value)} data-testid="sweep-title" /></Form.Item>
        <Form.Item label={t('disputes.sweeps.form.dueOn')} required><DatePicker value={dueOn} onChange={(v) => v && setDueOn(v)} disabledDate={(d) => d.isBefore(dayjs(), 'day')} /></Form.Item>
        <Form.Item label={t('disputes.sweeps.form.note')}><Input.TextArea rows={3} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} /></Form.Item>
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Form>
    </Modal>
  );
}
