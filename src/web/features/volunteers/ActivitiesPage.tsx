// 志愿活动与微讲堂: the community's activities and talks (filter by kind, status, upcoming), 发布活动 (a 微讲堂 names its
// speaker); one activity: its sign-ups with check-in/out and hours (points by the rules at check-out), signing a
// registry person up, the check-in QR code to show or print, 结束 / 取消.
import { useRef, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, DatePicker, Descriptions, Empty, Form, Input, InputNumber, Modal, QRCode, Segmented, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import type { ButtonProps, TableColumnsType } from 'antd';
import { ArrowLeftOutlined, PlusOutlined, QrcodeOutlined, UserAddOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ACTIVITY_KINDS, ACTIVITY_STATUSES, type ActivityKind, type ActivityStatus } from '../../../shared/volunteers.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { useApi } from '../../lib/useApi.ts';
import { errorText } from '../../lib/api.ts';
import { newIdempotencyKey, PersonPicker, useCommunity, type PersonHit } from '../points/public.ts';
import { timeText } from '../../lib/time-text.ts';
import { actOnActivity, checkIn, checkOut, createActivity, fetchActivity, listActivities, listTeams, signUp, type Activity, type Signup } from './api.ts';
import { TeamDot } from './TeamsPage.tsx';
import './locales.ts';

const STATUS_COLOURS: Record<ActivityStatus, string> = { open: 'blue', done: 'green', cancelled: 'default' };

function ActivityStatusTag({ status }: { status: ActivityStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOURS[status]} data-testid="activity-status">{t(`volunteers.activities.statuses.${status}`)}</Tag>;
}

const span = (a: { startsAt: string; endsAt: string }) => `${timeText(a.startsAt)} – ${timeText(a.endsAt).slice(11)}`;

export function ActivitiesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { community, picker } = useCommunity();
  const [kind, setKind] = useState<ActivityKind | 'all'>('all');
  const [status, setStatus] = useState<ActivityStatus | undefined>(undefined);
  const [upcoming, setUpcoming] = useState(false);
  const [creating, setCreating] = useState(false);
  const list = useApi(community ? (signal) => listActivities({ orgUnitId: community.id, kind: kind === 'all' ? undefined : kind, status, upcoming }, signal) : null,
    [community?.id, kind, status, upcoming]);
  const columns: TableColumnsType<Activity> = [
    {
      title: t('volunteers.activities.col.title'), dataIndex: 'title',
      render: (v: string, a) => (
        <Space orientation="vertical" size={0}>
          <Typography.Link strong onClick={() => navigate(`/volunteers/activities/${a.id}`)} data-testid="activity-link">{v}</Typography.Link>
          {a.speaker ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('volunteers.activities.speaker', { name: a.speaker })}</Typography.Text> : null}
        </Space>
      ),
    },
    { title: t('volunteers.activities.col.kind'), dataIndex: 'kind', width: 90, render: (v: ActivityKind) => <Tag bordered={false} color={v === 'lecture' ? 'purple' : 'cyan'}>{t(`volunteers.activities.kinds.${v}`)}</Tag> },
    { title: t('volunteers.activities.col.team'), key: 'team', width: 110, render: (_: unknown, a) => (a.teamColour && a.teamName ? <span><TeamDot colour={a.teamColour} />{a.teamName}</span> : '—') },
    { title: t('volunteers.activities.col.time'), key: 'time', width: 200, render: (_: unknown, a) => span(a) },
    { title: t('volunteers.activities.col.place'), dataIndex: 'place', width: 180 },
    { title: t('volunteers.activities.col.signups'), key: 's', width: 80, align: 'right', render: (_: unknown, a) => (a.capacity ? t('volunteers.activities.capacity', { signups: a.signups, capacity: a.capacity }) : a.signups) },
    { title: t('volunteers.activities.col.checkedIn'), dataIndex: 'checkedIn', width: 70, align: 'right' },
    { title: t('volunteers.activities.col.hours'), dataIndex: 'hours', width: 70, align: 'right' },
    { title: t('volunteers.activities.col.status'), dataIndex: 'status', width: 90, render: (v: ActivityStatus) => <ActivityStatusTag status={v} /> },
  ];
  return (
    <div className="zz-page" data-testid="activities-page">
      <PageHeader title={t('volunteers.activities.title')} subtitle={t('volunteers.activities.subtitle')} extra={
        <Space wrap>
          {picker}
          {list.data?.policies.includes('create') ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="activity-create">{t('volunteers.activities.create')}</Button> : null}
        </Space>
      } />
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented<ActivityKind | 'all'> value={kind} onChange={setKind}
          options={[{ value: 'all', label: t('volunteers.activities.filter.kind') }, ...ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`volunteers.activities.kinds.${k}`) }))]} />
        <Select<ActivityStatus> allowClear style={{ width: 130 }} placeholder={t('volunteers.activities.filter.status')} value={status} onChange={setStatus}
          options={ACTIVITY_STATUSES.map((s) => ({ value: s, label: t(`volunteers.activities.statuses.${s}`) }))} />
        <Checkbox checked={upcoming} onChange={(e) => setUpcoming(e.target.checked)}>{t('volunteers.activities.filter.upcoming')}</Checkbox>
      </Space>
      {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : (
        <Table<Activity> rowKey="id" size="middle" columns={columns} dataSource={list.data?.items ?? []} loading={list.loading} pagination={{ pageSize: 30, hideOnSinglePage: true }} data-testid="activities-table"
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('volunteers.activities.empty')} /> }} />
      )}
      {creating && community ? <NewActivityDialog orgUnitId={community.id} onClose={() => setCreating(false)} onDone={(id) => { setCreating(false); navigate(`/volunteers/activities/${id}`); }} /> : null}
    </div>
  );
}

function NewActivityDialog({ orgUnitId, onClose, onDone }: { orgUnitId: string; onClose(): void; onDone(id: string): void }) {
  const { t, i18n } = useTranslation();
  const teams = useApi((signal) => listTeams(orgUnitId, signal), [orgUnitId]);
  const [kind, setKind] = useState<ActivityKind>('activity');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [speaker, setSpeaker] = useState('');
  const [place, setPlace] = useState('');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [capacity, setCapacity] = useState<number | null>(null);
  const [teamId, setTeamId] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const key = useRef(newIdempotencyKey());
  const save = async () => {
    const f = (k: string) => t('volunteers.required', { field: t(`volunteers.activities.form.${k}`) });
    if (!title.trim()) return setError(f('name'));
    if (kind === 'lecture' && !speaker.trim()) return setError(t('volunteers.activities.form.speakerNeeded'));
    if (!place.trim()) return setError(f('place'));
    if (!range?.[0] || !range[1]) return setError(t('volunteers.activities.form.timeNeeded'));
    setSaving(true);
    try {
      const a = await createActivity({
        orgUnitId, kind, title: title.trim(), body: body.trim() || null, speaker: kind === 'lecture' ? speaker.trim() : null, place: place.trim(),
        startsAt: range[0].toISOString(), endsAt: range[1].toISOString(), capacity, teamId: teamId ?? null,
      }, key.current);
      onDone(a.id);
    } catch (e) {
      setError(errorText(e, i18n.language));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open onCancel={onClose} title={t('volunteers.activities.form.title')} onOk={() => void save()} confirmLoading={saving} okText={t('volunteers.ok')} cancelText={t('volunteers.cancel')}
      okButtonProps={{ 'data-testid': 'activity-ok' } as ButtonProps} destroyOnHidden width={620}>
      <Form layout="vertical" component="div">
        <Form.Item label={t('volunteers.activities.form.kind')} required>
          <Segmented<ActivityKind> value={kind} onChange={setKind} options={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`volunteers.activities.kinds.${k}`) }))} data-testid="activity-kind" />
        </Form.Item>
        <Form.Item label={t('volunteers.activities.form.name')} required><Input value={title} maxLength={60} placeholder={t('volunteers.activities.form.namePh')} onChange={(e) => setTitle(e.target.value)} data-testid="activity-title" /></Form.Item>
        {kind === 'lecture' ? (
          <Form.Item label={t('volunteers.activities.form.speaker')} required><Input value={speaker} maxLength={50} placeholder={t('volunteers.activities.form.speakerPh')} onChange={(e) => setSpeaker(e.target.value)} data-testid="activity-speaker" /></Form.Item>
        ) : null}
        <Form.Item label={t('volunteers.activities.form.place')} required><Input value={place} maxLength={100} placeholder={t('volunteers.activities.form.placePh')} onChange={(e) => setPlace(e.target.value)} data-testid="activity-place" /></Form.Item>
        <Form.Item label={t('volunteers.activities.form.time')} required>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm', minuteStep: 15 }} format="YYYY-MM-DD HH:mm" value={range} onChange={(v) => setRange(v)} data-testid="activity-time" />
        </Form.Item>
        <Space size={16} wrap>
          <Form.Item label={t('volunteers.activities.form.capacity')}><InputNumber min={1} max={10000} precision={0} value={capacity} placeholder={t('volunteers.activities.form.capacityPh')} onChange={setCapacity} style={{ width: 140 }} data-testid="activity-capacity" /></Form.Item>
          <Form.Item label={t('volunteers.activities.form.team')}>
            <Select allowClear style={{ width: 180 }} value={teamId} onChange={setTeamId} placeholder={t('volunteers.activities.noTeam')}
              options={(teams.data?.items ?? []).map((x) => ({ value: x.id, label: <span><TeamDot colour={x.colour} />{x.name}</span> }))} />
          </Form.Item>
        </Space>
        <Form.Item label={t('volunteers.activities.form.body')}><Input.TextArea rows={3} maxLength={2000} value={body} onChange={(e) => setBody(e.target.value)} /></Form.Item>
        {error ? <Alert type="error" showIcon title={error} data-testid="activity-error" /> : null}
      </Form>
    </Modal>
  );
}

export function ActivityPage() {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const activity = useApi((signal) => fetchActivity(id, signal), [id]);
  const [person, setPerson] = useState<PersonHit | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [qr, setQr] = useState(false);
  const a = activity.data;
  const run = async (what: string, fn: () => Promise<string>) => {
    setBusy(what);
    try { message.success(await fn()); activity.reload(); }
    catch (e) { message.error(errorText(e, i18n.language)); }
    finally { setBusy(null); }
  };
  const pointsPart = (p: number | null) => (p ? t('volunteers.activities.detail.pointsPart', { points: p }) : '');
  const columns: TableColumnsType<Signup> = [
    { title: t('volunteers.activities.scol.name'), dataIndex: 'name', render: (v: string) => <span data-testid="signup-name">{v}</span> },
    { title: t('volunteers.activities.scol.signedUpAt'), dataIndex: 'signedUpAt', width: 150, render: (v: string) => timeText(v) },
    { title: t('volunteers.activities.scol.checkedInAt'), dataIndex: 'checkedInAt', width: 150, render: (v: string | null) => timeText(v) || '—' },
    { title: t('volunteers.activities.scol.checkedOutAt'), dataIndex: 'checkedOutAt', width: 150, render: (v: string | null) => timeText(v) || '—' },
    { title: t('volunteers.activities.scol.hours'), dataIndex: 'hours', width: 100, align: 'right', render: (v: number | null) => <span data-testid="signup-hours">{v ?? '—'}</span> },
    { title: t('volunteers.activities.scol.points'), dataIndex: 'pointsAwarded', width: 70, align: 'right', render: (v: number | null) => (v ? `+${v}` : '—') },
    {
      title: t('volunteers.activities.scol.actions'), key: 'a', width: 110,
      render: (_: unknown, s) => (!s.residentId ? null : !s.checkedInAt && a?.policies.includes('checkIn') ? (
        <Button size="small" loading={busy === `in:${s.residentId}`} data-testid="signup-checkin"
          onClick={() => void run(`in:${s.residentId}`, async () => { await checkIn(id, s.residentId!); return t('volunteers.activities.detail.checkInOk'); })}>{t('volunteers.activities.detail.checkIn')}</Button>
      ) : s.checkedInAt && !s.checkedOutAt && a?.policies.includes('checkOut') ? (
        <Button size="small" type="primary" loading={busy === `out:${s.residentId}`} data-testid="signup-checkout"
          onClick={() => void run(`out:${s.residentId}`, async () => { const r = await checkOut(id, s.residentId!); return t('volunteers.activities.detail.checkOutOk', { hours: r.hours ?? 0, points: pointsPart(r.pointsAwarded) }); })}>{t('volunteers.activities.detail.checkOut')}</Button>
      ) : null),
    },
  ];
  const checkinUrl = a?.checkinUrl ? new URL(a.checkinUrl, window.location.origin).toString() : null;
  return (
    <div className="zz-page" data-testid="activity-page">
      <PageHeader title={a ? <Space>{a.title}<ActivityStatusTag status={a.status} /></Space> : t('volunteers.activities.title')}
        subtitle={a ? t(`volunteers.activities.kinds.${a.kind}`) : undefined} extra={
          <Space wrap>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/volunteers/activities')}>{t('volunteers.activities.back')}</Button>
            {checkinUrl ? <Button icon={<QrcodeOutlined />} onClick={() => setQr(true)} data-testid="activity-qr">{t('volunteers.activities.detail.qr')}</Button> : null}
            {a?.policies.includes('done') ? <Button type="primary" loading={busy === 'done'} data-testid="activity-done"
              onClick={() => void run('done', async () => { await actOnActivity(id, 'done', a.version); return t('volunteers.activities.detail.doneOk'); })}>{t('volunteers.activities.detail.markDone')}</Button> : null}
            {a?.policies.includes('cancel') ? <Button danger onClick={() => modal.confirm({
              title: t('volunteers.activities.detail.cancelAct'), content: t('volunteers.activities.detail.cancelConfirm'), okText: t('volunteers.ok'), cancelText: t('volunteers.cancel'),
              onOk: () => run('cancel', async () => { await actOnActivity(id, 'cancel', a.version); return t('volunteers.activities.detail.cancelledOk'); }),
            })}>{t('volunteers.activities.detail.cancelAct')}</Button> : null}
          </Space>
        } />
      {activity.error ? <ErrorState error={activity.error} onRetry={activity.reload} /> : !a ? <Spin /> : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card size="small">
            <Descriptions size="small" column={2} items={[
              { key: 'time', label: t('volunteers.activities.detail.time'), children: span(a) },
              { key: 'place', label: t('volunteers.activities.detail.place'), children: a.place },
              { key: 'team', label: t('volunteers.activities.detail.team'), children: a.teamColour && a.teamName ? <span><TeamDot colour={a.teamColour} />{a.teamName}</span> : t('volunteers.activities.noTeam') },
              { key: 'cap', label: t('volunteers.activities.detail.capacity'), children: a.capacity ? t('volunteers.activities.capacity', { signups: a.signups, capacity: a.capacity }) : t('volunteers.activities.detail.unlimited') },
              ...(a.speaker ? [{ key: 'speaker', label: t('volunteers.activities.detail.speaker'), children: a.speaker }] : []),
              { key: 'org', label: t('volunteers.activities.detail.org'), children: a.orgUnitName },
              ...(a.body ? [{ key: 'body', label: t('volunteers.activities.detail.body'), children: a.body, span: 2 }] : []),
            ]} />
          </Card>
          <Card size="small" title={t('volunteers.activities.detail.signups')}
            extra={<Typography.Text type="secondary" data-testid="activity-totals">{t('volunteers.activities.detail.totals', { signups: a.signups, checkedIn: a.checkedIn, hours: a.hours })}</Typography.Text>}>
            {a.policies.includes('manage') && a.status === 'open' ? (
              <Space.Compact style={{ width: '100%', marginBottom: 12 }}>
                <div style={{ flex: 1 }}><PersonPicker value={person} onChange={setPerson} placeholder={t('volunteers.teams.personPh')} testId="signup-picker" /></div>
                <Button icon={<UserAddOutlined />} disabled={!person || (!!a.capacity && a.signups >= a.capacity)} loading={busy === 'signup'} data-testid="signup-add"
                  onClick={() => void run('signup', async () => { await signUp(id, person!.id); setPerson(null); return t('volunteers.activities.detail.signUpOk'); })}>
                  {a.capacity && a.signups >= a.capacity ? t('volunteers.activities.detail.full') : t('volunteers.activities.detail.signUp')}
                </Button>
              </Space.Compact>
            ) : null}
            <Table<Signup> rowKey={(s) => s.residentId ?? `${s.name}-${s.signedUpAt}`} size="small" columns={columns} dataSource={a.signupList} pagination={false} data-testid="signup-table"
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('volunteers.activities.detail.noSignups')} /> }} />
          </Card>
        </Space>
      )}
      <Modal open={qr} onCancel={() => setQr(false)} footer={null} title={a?.title} destroyOnHidden>
        {checkinUrl ? (
          <Space orientation="vertical" align="center" style={{ width: '100%' }} data-testid="activity-qr-code">
            <QRCode value={checkinUrl} size={240} />
            <Typography.Text type="secondary">{t('volunteers.activities.detail.qrHint')}</Typography.Text>
          </Space>
        ) : null}
      </Modal>
    </div>
  );
}
