// 议事活动: the meetings of the caller's councils (坝坝议事 on site, 云坝会 online), newest first, by status, kind and
// council; 发起议事 sets one up with its agenda picked from the council's open proposals.
import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, DatePicker, Empty, Form, Input, Modal, Radio, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { MEETING_KINDS, MEETING_STATUSES, PARTICIPATION_LIMITS, type MeetingKind, type MeetingStatus } from '../../../shared/participation.ts';
import { errorText } from '../../lib/api.ts';
import { useApi } from '../../lib/useApi.ts';
import { useCursorList } from '../../lib/useCursorList.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { createMeeting, listCouncils, listMeetings, listProposals, newIdempotencyKey, type MeetingFilter, type MeetingSummary } from './api.ts';
import { LevelTag, MeetingStatusTag, timeText } from './parts.tsx';
import './locales.ts';

export function MeetingsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<MeetingFilter>({});
  const [creating, setCreating] = useState(false);
  const councils = useApi((signal) => listCouncils(undefined, signal), []);
  const { items, nextCursor, canCreate, loading, error, more, reload } = useCursorList(listMeetings, filter);
  const set = (patch: Partial<MeetingFilter>) => setFilter((f) => ({ ...f, ...patch }));

  const columns: TableColumnsType<MeetingSummary> = [
    {
      title: t('participation.meetings.col.title'), key: 'title',
      render: (_: unknown, m) => (
        <Space orientation="vertical" size={0}>
          <Typography.Link strong onClick={() => navigate(`/participation/meetings/${m.id}`)} data-testid="meeting-link">{m.title}</Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{[m.place, m.hostName].filter(Boolean).join(' · ')}</Typography.Text>
        </Space>
      ),
    },
    { title: t('participation.meetings.col.council'), key: 'council', width: 260, render: (_: unknown, m) => <Space size={4}><LevelTag value={m.councilLevel} />{m.councilName}</Space> },
    { title: t('participation.meetings.col.kind'), dataIndex: 'kind', width: 100, render: (k: MeetingKind) => t(`participation.meetingKinds.${k}`) },
    { title: t('participation.meetings.col.time'), key: 'time', width: 200, render: (_: unknown, m) => `${timeText(m.startsAt)} – ${dayjs(m.endsAt).format('HH:mm')}` },
    { title: t('participation.meetings.col.agenda'), dataIndex: 'agendaCount', width: 70, align: 'right' },
    { title: t('participation.meetings.col.attendance'), dataIndex: 'attendanceCount', width: 70, align: 'right' },
    { title: t('participation.meetings.col.status'), dataIndex: 'status', width: 100, render: (s: MeetingStatus) => <MeetingStatusTag value={s} /> },
  ];

  return (
    <div className="zz-page" data-testid="meetings-page">
      <PageHeader title={t('participation.meetings.title')} subtitle={t('participation.meetings.subtitle')}
        extra={canCreate ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="meeting-create">{t('participation.meetings.create')}</Button> : null} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Select allowClear style={{ width: 130 }} placeholder={t('participation.meetings.status')} value={filter.status} onChange={(v?: MeetingStatus) => set({ status: v })}
          options={MEETING_STATUSES.map((x) => ({ value: x, label: t(`participation.meetingStatus.${x}`) }))} data-testid="meeting-filter-status" />
        <Select allowClear style={{ width: 130 }} placeholder={t('participation.meetings.kind')} value={filter.kind} onChange={(v?: MeetingKind) => set({ kind: v })}
          options={MEETING_KINDS.map((x) => ({ value: x, label: t(`participation.meetingKinds.${x}`) }))} />
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: 240 }} placeholder={t('participation.meetings.council')} value={filter.councilId}
          onChange={(v?: string) => set({ councilId: v })} options={(councils.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))} />
        <Button onClick={() => setFilter({})}>{t('participation.reset')}</Button>
      </Space>
      {error ? <ErrorState error={error} onRetry={reload} /> : (
        <Table<MeetingSummary>
          rowKey="id" size="middle" columns={columns} dataSource={items} loading={loading} pagination={false}
          onRow={(m) => ({ 'data-testid': 'meeting-row', 'data-id': m.id } as React.HTMLAttributes<HTMLElement>)}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('participation.meetings.empty')} /> }}
          footer={() => <Typography.Text type="secondary">{t('participation.count', { count: items.length })}</Typography.Text>}
        />
      )}
      {nextCursor ? <Button block style={{ marginTop: 8 }} onClick={more}>{t('participation.more')}</Button> : null}
      <NewMeetingDialog open={creating} onClose={() => setCreating(false)} onDone={(id) => { setCreating(false); navigate(`/participation/meetings/${id}`); }} />
    </div>
  );
}

interface Values { councilId: string; kind: MeetingKind; title: string; place?: string; hostName?: string; time: [Dayjs, Dayjs]; proposalIds?: string[] }

function NewMeetingDialog({ open, onClose, onDone }: { open: boolean; onClose(): void; onDone(id: string): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const key = useRef(newIdempotencyKey());
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const councilId = Form.useWatch('councilId', form);
  const councils = useApi(open ? (signal) => listCouncils(undefined, signal) : null, [open]);
  const open_ = useApi(councilId ? (signal) => listProposals({ councilId, status: 'open' }, null, signal) : null, [councilId]);
  useEffect(() => {
    if (!open) return;
    key.current = newIdempotencyKey();
    setError(null);
    form.resetFields();
    const start = dayjs().add(1, 'day').hour(19).minute(0).second(0).millisecond(0);
    form.setFieldsValue({ kind: 'onSite', time: [start, start.add(90, 'minute')] });
  }, [open, form]);
  useEffect(() => { form.setFieldValue('proposalIds', []); }, [councilId, form]);

  const submit = async () => {
    // a field left wrong shows its message under it: nothing to send
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    setError(null);
    try {
      const m = await createMeeting({
        councilId: v.councilId, kind: v.kind, title: v.title.trim(), place: v.place?.trim() || null, hostName: v.hostName?.trim() || null,
        startsAt: v.time[0].toISOString(), endsAt: v.time[1].toISOString(), proposalIds: v.proposalIds ?? [],
      }, key.current);
      void message.success(t('participation.meetings.form.created'));
      onDone(m.id);
    } catch (e) {
      setError(errorText(e, i18n.language));
    } finally {
      setSaving(false);
    }
  };
  const req = (field: string) => [{ required: true, message: t('participation.required', { field }) }];
  return (
    <Modal open={open} title={t('participation.meetings.form.title')} onCancel={onClose} onOk={() => void submit()} confirmLoading={saving} width={620}
      okText={t('participation.ok')} cancelText={t('participation.cancel')} okButtonProps={{ 'data-testid': 'meeting-submit' }} data-testid="meeting-dialog">
      <Form form={form} layout="vertical">
        <Form.Item name="councilId" label={t('participation.meetings.form.council')} rules={req(t('participation.meetings.form.council'))}>
          <Select showSearch={{ optionFilterProp: 'label' }} placeholder={t('participation.meetings.form.councilPh')} loading={councils.loading} data-testid="meeting-council"
            options={(councils.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
        <Form.Item name="kind" label={t('participation.meetings.form.kind')}>
          <Radio.Group options={MEETING_KINDS.map((k) => ({ value: k, label: t(`participation.meetingKinds.${k}`) }))} data-testid="meeting-kind" />
        </Form.Item>
        <Form.Item name="title" label={t('participation.meetings.form.name')} rules={[{ required: true, whitespace: true, message: t('participation.required', { field: t('participation.meetings.form.name') }) }]}>
          <Input maxLength={PARTICIPATION_LIMITS.title} placeholder={t('participation.meetings.form.namePh')} data-testid="meeting-title" />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="place" label={t('participation.meetings.form.place')} style={{ flex: 2 }}><Input maxLength={200} placeholder={t('participation.meetings.form.placePh')} data-testid="meeting-place" /></Form.Item>
          <Form.Item name="hostName" label={t('participation.meetings.form.host')} style={{ flex: 1 }}><Input maxLength={50} data-testid="meeting-host" /></Form.Item>
        </Space.Compact>
        <Form.Item name="time" label={t('participation.meetings.form.time')} rules={req(t('participation.meetings.form.time'))}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="meeting-time" />
        </Form.Item>
        <Form.Item name="proposalIds" label={t('participation.meetings.form.agenda')}>
          <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} placeholder={t('participation.meetings.form.agendaPh')} loading={open_.loading} disabled={!councilId} data-testid="meeting-agenda"
            notFoundContent={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('participation.meetings.form.noOpen')} />}
            options={(open_.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.title}（${t('participation.proposals.supports', { count: p.supportCount })}）` }))} />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={error} data-testid="meeting-error" /> : null}
    </Modal>
  );
}
