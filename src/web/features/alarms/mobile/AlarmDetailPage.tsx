// 告警详情 (/m/alarms/:id) on the grid worker's phone: what happened, to whom (masked) and where, the device, a call to
// the person or the household, 响应告警 (stops the escalation) and 已到场 (answers it if nobody has, then opens the care
// order, where the handling is recorded), and each round of notifications. Live: a change of its care order reloads it.
import { useEffect, useRef, useState } from 'react';
import { Button, DotLoading, ErrorBlock, Steps, Tag, Toast } from 'antd-mobile';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { errorText } from '../../../lib/api.ts';
import { useApi } from '../../../lib/useApi.ts';
import { Card, MobilePage, formatTime } from '../../cases/public.ts';
import { acknowledgeAlarm, fetchAlarm, subscribeCaseEvents, type AlarmDetail } from './api.ts';
import { alarmWhat, alarmWho } from './alarm-text.ts';
import { CallPanel } from './CallPanel.tsx';
import './locales.ts';
import './alarms-mobile.css';

const LEVEL_COLOR = { red: '#c0392b', orange: '#e67e22', yellow: '#f1c40f' } as const;
const STATUS_COLOR = { active: 'danger', acknowledged: 'warning', cleared: 'default' } as const;

/** What raised the alarm, in words: the reading, how long, how many times, the last activity. */
function detailLines(d: Record<string, unknown>, t: TFunction, lang: string): string[] {
  const lines: string[] = [];
  if (typeof d.value === 'number') lines.push(t('malarm.detail.value', { value: d.value }));
  if (typeof d.forSec === 'number' && d.forSec > 0) lines.push(t('malarm.detail.forMin', { min: Math.round(d.forSec / 60) }));
  if (typeof d.count === 'number') lines.push(t('malarm.detail.count', { count: d.count }));
  if (typeof d.lastEventAt === 'string') lines.push(t('malarm.detail.lastEvent', { time: formatTime(d.lastEventAt, lang) }));
  return lines;
}

export function AlarmDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const alarm = useApi((signal) => fetchAlarm(id, signal), [id]);
  const caseId = alarm.data?.careOrder?.id ?? null;
  const reload = useRef(alarm.reload);
  reload.current = alarm.reload;
  useEffect(() => subscribeCaseEvents((e) => {
    if (e.action.startsWith('alarm_') && (e.caseId === caseId || !caseId)) reload.current();
  }), [caseId]);

  return (
    <MobilePage title={t('malarm.title.detail')} back="/m/alarms" testId="alarm-detail-page"
      footer={alarm.data ? <Actions alarm={alarm.data} onChange={alarm.reload} /> : undefined}>
      {alarm.loading && !alarm.data ? (
        <div style={{ textAlign: 'center', padding: 32 }}><DotLoading /></div>
      ) : alarm.error && !alarm.data ? (
        <ErrorBlock status="default" title={t('malarm.detail.notFound')} description={errorText(alarm.error, i18n.language)} />
      ) : alarm.data ? <Body alarm={alarm.data} /> : null}
    </MobilePage>
  );
}

function Body({ alarm: a }: { alarm: AlarmDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const who = alarmWho(a, t);
  const lines = detailLines(a.details, t, lang);
  return (
    <>
      <section className={`ma-hero${a.status === 'active' ? '' : ' ma-hero-calm'}`} data-testid="alarm-hero" data-status={a.status}>
        <div className="ma-hero-line">
          <Tag color={LEVEL_COLOR[a.level]} fill="solid" style={{ border: '1px solid #fff' }}>{t(`malarm.levels.${a.level}`)}</Tag>
          <span>{t(`malarm.categories.${a.category}`)}</span>
          <Tag color={STATUS_COLOR[a.status]} fill="solid" data-testid="alarm-status">{t(`malarm.status.${a.status}`)}</Tag>
        </div>
        <h2 data-testid="alarm-what">{alarmWhat(a, t)}</h2>
        <div className="ma-hero-line">{formatTime(a.raisedAt, lang)}{lines.length ? ` · ${lines.join(' · ')}` : ''}</div>
      </section>

      <Card>
        <div className="ma-rows">
          <div className="ma-row"><span>{t('malarm.detail.who')}</span>
            <span data-testid="alarm-who">{t(`malarm.bindings.${a.binding.kind}`)} · {who}</span></div>
          <div className="ma-row"><span>{t('malarm.detail.where')}</span><span data-testid="alarm-where">{a.address ?? '—'}</span></div>
          <div className="ma-row"><span>{t('malarm.detail.grid')}</span><span>{a.gridName}</span></div>
          {a.matterName ? <div className="ma-row"><span>{t('malarm.detail.matter')}</span><span>{a.matterName}</span></div> : null}
          <div className="ma-row"><span>{t('malarm.detail.device')}</span>
            <span>{a.device.name}
              <span className="mc-hint" style={{ display: 'block' }}>
                {t(`malarm.deviceTypes.${a.device.type}`)} · {a.deviceState.lastSeenAt ? t('malarm.detail.lastSeen', { time: formatTime(a.deviceState.lastSeenAt, lang) }) : t('malarm.detail.never')}
                {a.deviceState.battery !== null ? ` · ${t('malarm.detail.battery', { value: a.deviceState.battery })}` : ''}
              </span>
            </span></div>
        </div>
      </Card>

      {a.binding.kind !== 'place' ? (
        <Card title={t('malarm.detail.call')} testId="alarm-call-card"><CallPanel alarm={a} who={who} /></Card>
      ) : null}

      <Card title={a.category === 'maintenance' ? t('malarm.detail.task') : t('malarm.detail.careOrder')}>
        <div className="ma-rows">
          {a.careOrder ? (
            <>
              <div className="ma-row"><span>{t('malarm.detail.caseNumber')}</span><span translate="no" data-testid="alarm-case-number">{a.careOrder.number}</span></div>
              <div className="ma-row"><span>{t('malarm.detail.caseStatus')}</span><span data-testid="alarm-case-status">{t(`mcase.status.${a.careOrder.status}`)}</span></div>
            </>
          ) : a.category !== 'maintenance' ? <div className="mc-hint">{t('malarm.detail.noCareOrder')}</div> : null}
          {a.acknowledgedAt ? <div className="mc-hint">{t('malarm.detail.acknowledgedBy', { name: a.acknowledgedByName ?? '—', time: formatTime(a.acknowledgedAt, lang) })}</div> : null}
          {a.clearedAt ? <div className="mc-hint">{t('malarm.detail.clearedBy', { name: a.clearedByName ?? '—', time: formatTime(a.clearedAt, lang) })}</div> : null}
          {a.status === 'active' && a.nextEscalationAt ? <div className="mc-error">{t('malarm.detail.nextStep', { time: formatTime(a.nextEscalationAt, lang) })}</div> : null}
        </div>
      </Card>

      {a.notifications.length > 0 ? (
        <Card title={t('malarm.detail.escalation')} testId="alarm-notifications">
          <Steps direction="vertical" current={a.notifications.length - 1}>
            {a.notifications.map((n) => (
              <Steps.Step key={`${n.step}-${n.role}`} status="finish"
                title={`${t('malarm.detail.step', { step: n.step + 1 })} · ${t(`malarm.roles.${n.role}`)}`}
                description={`${formatTime(n.at, lang)}${n.recipients.length ? ` · ${n.recipients.map((r) => r.name).join('、')}` : ''}`} />
            ))}
          </Steps>
        </Card>
      ) : null}
    </>
  );
}

function Actions({ alarm: a, onChange }: { alarm: AlarmDetail; onChange(): void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [busy, setBusy] = useState<'ack' | 'arrive' | null>(null);
  const canAck = a.policies.includes('acknowledge');
  const target = a.careOrder ? `/m/cases/${a.careOrder.id}` : a.taskId ? `/m/tasks/${a.taskId}` : null;

  const acknowledge = async (): Promise<boolean> => {
    try {
      await acknowledgeAlarm(a.id, a.version);
      Toast.show({ icon: 'success', content: t('malarm.detail.acknowledged') });
      return true;
    } catch (e) {
      Toast.show({ icon: 'fail', content: errorText(e, i18n.language) });
      onChange();
      return false;
    }
  };

  const onAck = async () => {
    setBusy('ack');
    if (await acknowledge()) onChange();
    setBusy(null);
  };
  // 已到场: whoever arrives has answered it; the handling itself is recorded on the care order
  const onArrive = async () => {
    setBusy('arrive');
    const ok = canAck ? await acknowledge() : true;
    setBusy(null);
    if (ok && target) navigate(target);
    else if (ok) onChange();
  };

  if (!canAck && !target) return null;
  return (
    <>
      {canAck ? (
        <Button color="danger" loading={busy === 'ack'} disabled={busy !== null} onClick={() => void onAck()} data-testid="alarm-acknowledge">
          {t('malarm.detail.acknowledge')}
        </Button>
      ) : null}
      {target ? (
        <Button color="primary" loading={busy === 'arrive'} disabled={busy !== null} onClick={() => void onArrive()} data-testid="alarm-arrived">
          {a.status === 'active' ? t('malarm.detail.arrived') : a.careOrder ? t('malarm.detail.openCareOrder') : t('malarm.detail.openTask')}
        </Button>
      ) : null}
    </>
  );
}
