// One meeting for staff: its agenda, open / close / cancel, the sign-in QR code to print or show on a screen (on-site
// meetings), attendance with sign-ins recorded for a registry person, the motions with their rules and results, votes
// recorded on site or assisted, the minutes editor and the residents' online comments.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Input, List, Modal, Popconfirm, QRCode, Row, Space, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, ExpandOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PARTICIPATION_LIMITS } from '../../../shared/participation.ts';
import { errorText } from '../../lib/api.ts';
import { useApi } from '../../lib/useApi.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { FullPageSpin } from '../../ui/FullPageSpin.tsx';
import { fetchCheckin, fetchMeeting, meetingAction, recordAttendance, saveMinutes, type MeetingDetail, type ResidentHit } from './api.ts';
import { FieldsDialog, LevelTag, MeetingStatusTag, PersonPicker, ProposalStatusTag, timeText } from './parts.tsx';
import { MotionCard, MotionDialog } from './MotionParts.tsx';
import './locales.ts';
import './participation.css';

export function MeetingPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [tick, setTick] = useState(0);
  const m = useApi((signal) => fetchMeeting(id, signal), [id, tick]);
  const [cancelling, setCancelling] = useState(false);
  const [addingMotion, setAddingMotion] = useState(false);
  const reload = () => setTick((n) => n + 1);

  if (m.error) return <div className="zz-page"><ErrorState error={m.error} onRetry={reload} /></div>;
  const d = m.data;
  if (!d) return <FullPageSpin />;
  const act = async (action: 'open' | 'close') => {
    try { await meetingAction(d.id, action); reload(); } catch (e) { void message.error(errorText(e, i18n.language)); }
  };
  const M = 'participation.meetings';

  return (
    <div className="zz-page" data-testid="meeting-page">
      <PageHeader
        title={<Space><Button type="text" icon={<ArrowLeftOutlined />} aria-label={t(`${M}.back`)} onClick={() => navigate('/participation/meetings')} />{d.title}<MeetingStatusTag value={d.status} /></Space>}
        subtitle={<Space size={4}><LevelTag value={d.councilLevel} />{d.councilName} · {t(`participation.meetingKinds.${d.kind}`)}</Space>}
        extra={(
          <Space>
            {d.policies.includes('open') ? (
              <Popconfirm title={t(`${M}.openConfirm`)} okText={t('participation.ok')} cancelText={t('participation.cancel')} onConfirm={() => void act('open')}>
                <Button type="primary" data-testid="meeting-open">{t(`${M}.actions.open`)}</Button>
              </Popconfirm>
            ) : null}
            {d.policies.includes('close') ? (
              <Popconfirm title={t(`${M}.closeConfirm`)} okText={t('participation.ok')} cancelText={t('participation.cancel')} onConfirm={() => void act('close')}>
                <Button data-testid="meeting-close">{t(`${M}.actions.close`)}</Button>
              </Popconfirm>
            ) : null}
            {d.policies.includes('cancel') ? <Button danger onClick={() => setCancelling(true)} data-testid="meeting-cancel">{t(`${M}.actions.cancel`)}</Button> : null}
          </Space>
        )}
      />
      <Row gutter={16}>
        <Col span={16}>
          <Card size="small" title={t(`${M}.agenda`)} style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={3} style={{ marginBottom: 8 }}>
              <Descriptions.Item label={t(`${M}.time`)}>{timeText(d.startsAt)} – {dayjs(d.endsAt).format('HH:mm')}</Descriptions.Item>
              <Descriptions.Item label={t(`${M}.place`)}>{d.place ?? t('participation.none')}</Descriptions.Item>
              <Descriptions.Item label={t(`${M}.host`)}>{d.hostName ?? t('participation.none')}</Descriptions.Item>
            </Descriptions>
            {d.agenda.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(`${M}.noAgenda`)} /> : (
              <List size="small" dataSource={d.agenda} data-testid="meeting-agenda-list" renderItem={(a, i) => (
                <List.Item extra={<Space><Typography.Text type="secondary">{t('participation.proposals.supports', { count: a.supportCount })}</Typography.Text><ProposalStatusTag value={a.status} /></Space>}>
                  <Typography.Link onClick={() => navigate(`/participation/councils?proposal=${a.proposalId}`)}>{i + 1}. {a.title}</Typography.Link>
                </List.Item>
              )} />
            )}
          </Card>
          <Card size="small" title={t(`${M}.motions`)} style={{ marginBottom: 16 }} data-testid="meeting-motions"
            extra={d.policies.includes('addMotion') ? <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setAddingMotion(true)} data-testid="motion-add">{t(`${M}.addMotion`)}</Button> : null}>
            {d.motions.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(`${M}.noMotions`)} />
              : d.motions.map((x) => <MotionCard key={x.id} meeting={d} motion={x} onChanged={reload} />)}
          </Card>
          <MinutesCard meeting={d} onSaved={reload} />
          <Card size="small" title={t(`${M}.comments`)} style={{ marginBottom: 16 }}>
            {d.comments.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(`${M}.noComments`)} /> : (
              <List size="small" dataSource={d.comments} renderItem={(c) => (
                <List.Item><Space orientation="vertical" size={0}><Typography.Text type="secondary" style={{ fontSize: 12 }}>{c.authorName} · {timeText(c.at)}</Typography.Text><span>{c.body}</span></Space></List.Item>
              )} />
            )}
          </Card>
        </Col>
        <Col span={8}>
          {d.kind === 'onSite' && d.policies.includes('checkin') ? <CheckinCard meeting={d} /> : null}
          <AttendanceCard meeting={d} onChanged={reload} />
        </Col>
      </Row>
      <FieldsDialog open={cancelling} title={t(`${M}.cancelTitle`)} testId="meeting-cancel-dialog"
        fields={[{ name: 'reason', label: t('participation.reason'), kind: 'textarea', required: true, max: PARTICIPATION_LIMITS.reason, placeholder: t(`${M}.cancelReasonPh`) }]}
        send={(v) => meetingAction(d.id, 'cancel', v.reason)} onClose={() => setCancelling(false)} onDone={() => { setCancelling(false); reload(); }} />
      <MotionDialog meeting={d} open={addingMotion} onClose={() => setAddingMotion(false)}
        onDone={() => { setAddingMotion(false); void message.success(t(`${M}.motion.created`)); reload(); }} />
    </div>
  );
}

/** The sign-in QR code: the meeting's sign-in address with its token, to print or show full screen. */
function CheckinCard({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const c = useApi((signal) => fetchCheckin(meeting.id, signal), [meeting.id]);
  const [shown, setShown] = useState(false);
  const M = 'participation.meetings';
  const url = c.data ? `${window.location.origin}${c.data.path}` : '';
  return (
    <Card size="small" title={t(`${M}.checkin`)} style={{ marginBottom: 16 }} data-testid="meeting-checkin"
      extra={url ? (
        <Space size={4}>
          <Button size="small" icon={<ExpandOutlined />} onClick={() => setShown(true)} data-testid="checkin-show">{t(`${M}.show`)}</Button>
          <Button size="small" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="checkin-print">{t(`${M}.print`)}</Button>
        </Space>
      ) : null}>
      {c.error ? <ErrorState error={c.error} onRetry={c.reload} /> : (
        <Space orientation="vertical" align="center" style={{ width: '100%' }} className="zz-qr-print">
          <Typography.Title level={5} className="zz-qr-print-title" style={{ margin: 0 }}>{meeting.title}</Typography.Title>
          {url ? <QRCode value={url} size={200} data-testid="checkin-qr" /> : <QRCode value="-" status="loading" size={200} />}
          <Typography.Text type="secondary" style={{ textAlign: 'center', display: 'block' }}>{t(`${M}.checkinHint`)}</Typography.Text>
          {meeting.status !== 'open' ? <Alert type="info" showIcon title={t(`${M}.checkinClosed`)} /> : null}
        </Space>
      )}
      <Modal open={shown} onCancel={() => setShown(false)} footer={null} width="80vw" centered title={t(`${M}.showTitle`, { title: meeting.title })}>
        <div style={{ display: 'flex', justifyContent: 'center', padding: 24 }}>{url ? <QRCode value={url} size={480} /> : null}</div>
      </Modal>
    </Card>
  );
}

function AttendanceCard({ meeting, onChanged }: { meeting: MeetingDetail; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [person, setPerson] = useState<ResidentHit | null>(null);
  const [saving, setSaving] = useState(false);
  const M = 'participation.meetings';
  const record = async () => {
    if (!person) return;
    setSaving(true);
    try {
      const r = await recordAttendance(meeting.id, person.id);
      void message.success(t(r.created ? `${M}.attendanceRecorded` : `${M}.attendanceAgain`, { name: person.name }));
      setPerson(null);
      onChanged();
    } catch (e) {
      void message.error(errorText(e, i18n.language));
    } finally {
      setSaving(false);
    }
  };
  const people = meeting.attendance.people ?? [];
  return (
    <Card size="small" title={<Space>{t(`${M}.attendance`)}<Tag color="blue" data-testid="attendance-count">{t(`${M}.attendanceCount`, { count: meeting.attendance.count })}</Tag></Space>} style={{ marginBottom: 16 }}
      data-testid="meeting-attendance">
      {meeting.policies.includes('recordAttendance') ? (
        <Space.Compact style={{ width: '100%', marginBottom: 12 }}>
          <div style={{ flex: 1, minWidth: 0 }}><PersonPicker value={person} onChange={setPerson} placeholder={t(`${M}.voterPh`)} testId="attendance-person" /></div>
          <Button type="primary" disabled={!person} loading={saving} onClick={() => void record()} data-testid="attendance-record">{t(`${M}.recordAttendance`)}</Button>
        </Space.Compact>
      ) : null}
      <Table size="small" pagination={people.length > 20 ? { pageSize: 20, size: 'small' } : false} rowKey={(p) => `${p.residentId ?? p.name}-${p.at}`} dataSource={people}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(`${M}.noAttendance`)} /> }} data-testid="attendance-table"
        columns={[
          { title: t(`${M}.colName`), dataIndex: 'name' },
          { title: t(`${M}.colChannel`), dataIndex: 'channel', width: 90, render: (c: string) => t(`participation.attendanceChannels.${c}`) },
          { title: t(`${M}.colAt`), dataIndex: 'at', width: 70, render: (v: string) => dayjs(v).format('HH:mm') },
        ]} />
    </Card>
  );
}

function MinutesCard({ meeting, onSaved }: { meeting: MeetingDetail; onSaved(): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [text, setText] = useState(meeting.minutes ?? '');
  const [saving, setSaving] = useState(false);
  useEffect(() => { setText(meeting.minutes ?? ''); }, [meeting.minutes]);
  const M = 'participation.meetings';
  const editable = meeting.policies.includes('minutes');
  const save = async () => {
    setSaving(true);
    try { await saveMinutes(meeting.id, text.trim()); void message.success(t(`${M}.minutesSaved`)); onSaved(); } catch (e) { void message.error(errorText(e, i18n.language)); } finally { setSaving(false); }
  };
  if (!editable && !meeting.minutes) return null;
  return (
    <Card size="small" title={t(`${M}.minutes`)} style={{ marginBottom: 16 }} data-testid="meeting-minutes"
      extra={meeting.minutesAt ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(`${M}.minutesAt`, { time: timeText(meeting.minutesAt) })}</Typography.Text> : null}>
      {editable ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Input.TextArea rows={8} value={text} onChange={(e) => setText(e.target.value)} maxLength={PARTICIPATION_LIMITS.minutes} placeholder={t(`${M}.minutesPh`)} data-testid="minutes-input" />
          <Button type="primary" disabled={!text.trim() || text === (meeting.minutes ?? '')} loading={saving} onClick={() => void save()} data-testid="minutes-save">{t(`${M}.saveMinutes`)}</Button>
        </Space>
      ) : <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{meeting.minutes}</Typography.Paragraph>}
    </Card>
  );
}
