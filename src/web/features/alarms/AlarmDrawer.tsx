// One alarm: what raised it, the device and what it is bound to (masked), the care order, and each escalation step
// with whom it notified; 确认 / 消警 / 打开工单 as its policies allow.
import { App, Button, Descriptions, Drawer, Space, Spin, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../lib/useApi.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { fetchAlarm, type AlarmDetail, type AlarmSummary } from './api.ts';
import { acknowledge } from './actions.ts';
import { AlarmStatusTag, alarmTypeText, bindingText, detailsText, LevelTag, noteText } from './parts.tsx';
import { SuggestionsPanel } from '../plans/public.ts';

const time = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm:ss') : '—');

export function AlarmDrawer({ alarmId, onClose, onOpenOrder, onClear, onChanged }: {
  alarmId: string | null; onClose(): void; onOpenOrder(caseId: string): void; onClear(a: AlarmSummary): void; onChanged(): void;
}) {
  const { t } = useTranslation();
  const detail = useApi(alarmId ? (signal) => fetchAlarm(alarmId, signal) : null, [alarmId]);
  const a = detail.data;
  return (
    <Drawer open={!!alarmId} onClose={onClose} width={560} title={a ? alarmTypeText(t, a) : t('alarms.detailTitle')} destroyOnHidden data-testid="alarm-drawer"
      extra={a ? <Actions alarm={a} onOpenOrder={onOpenOrder} onClear={onClear} onChanged={() => { detail.reload(); onChanged(); }} /> : null}
    >
      {detail.error ? <ErrorState error={detail.error} onRetry={detail.reload} /> : !a ? <Spin /> : <><SuggestionsPanel alarmId={a.id} compact /><AlarmFacts alarm={a} /></>}
    </Drawer>
  );
}

function Actions({ alarm: a, onOpenOrder, onClear, onChanged }: { alarm: AlarmDetail; onOpenOrder(id: string): void; onClear(a: AlarmSummary): void; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  return (
    <Space>
      {a.careOrder ? <Button onClick={() => onOpenOrder(a.careOrder!.id)} data-testid="drawer-open-order">{t('alarms.openOrder')}</Button> : null}
      {a.policies.includes('acknowledge') ? <Button type="primary" danger onClick={() => void acknowledge(a, t, i18n.language, message).then(onChanged)} data-testid="drawer-ack">{t('alarms.acknowledge')}</Button> : null}
      {a.policies.includes('clear') ? <Button onClick={() => onClear(a)} data-testid="drawer-clear">{t('alarms.clear')}</Button> : null}
    </Space>
  );
}

export function AlarmFacts({ alarm: a }: { alarm: AlarmDetail }) {
  const { t } = useTranslation();
  const note = noteText(t, a.clearNote);
  const facts = detailsText(t, a.details);
  const items = [
    { key: 'status', label: t('alarms.col.status'), children: <Space><AlarmStatusTag status={a.status} /><LevelTag level={a.level} /><span>{t(`alarms.category.${a.category}`)}</span></Space> },
    { key: 'raisedAt', label: t('alarms.facts.raisedAt'), children: time(a.raisedAt) },
    { key: 'device', label: t('alarms.facts.device'), children: `${a.device.name}（${t(`alarms.deviceTypes.${a.device.type}`)}）` },
    { key: 'binding', label: t('alarms.facts.binding'), children: bindingText(t, a.binding) },
    { key: 'address', label: t('alarms.facts.address'), children: a.address ?? '—' },
    { key: 'grid', label: t('alarms.facts.grid'), children: a.gridName },
    ...(a.matterName ? [{ key: 'matter', label: t('alarms.facts.matter'), children: a.matterName }] : []),
    { key: 'careOrder', label: t('alarms.facts.careOrder'), children: a.careOrder?.number ?? (a.taskId ? t('alarms.task') : t('alarms.noCareOrder')) },
    { key: 'battery', label: t('alarms.facts.battery'), children: a.deviceState.battery === null ? '—' : `${a.deviceState.battery}%` },
    { key: 'lastSeen', label: t('alarms.facts.lastSeen'), children: time(a.deviceState.lastSeenAt) },
    ...(facts ? [{ key: 'details', label: t('alarms.facts.details'), children: <span data-testid="alarm-details">{facts}</span> }] : []),
    ...(a.acknowledgedAt ? [{ key: 'ack', label: t('alarms.facts.acknowledgedBy'), children: t('alarms.by', { name: a.acknowledgedByName ?? '—', time: time(a.acknowledgedAt) }) }] : []),
    ...(a.clearedAt ? [{ key: 'clr', label: t('alarms.facts.clearedBy'), children: a.clearedByName ? t('alarms.by', { name: a.clearedByName, time: time(a.clearedAt) }) : time(a.clearedAt) }] : []),
    ...(note ? [{ key: 'note', label: t('alarms.facts.note'), children: note }] : []),
  ];
  return (
    <>
      <Descriptions size="small" column={1} bordered items={items} data-testid="alarm-facts" />
      <Typography.Title level={5} style={{ marginTop: 16 }}>{t('alarms.facts.notifications')}</Typography.Title>
      <Timeline
        data-testid="alarm-notifications"
        items={a.notifications.map((n, i) => ({
          key: i, color: n.step === 0 ? 'red' : 'orange',
          content: (
            <div>
              <strong>{t('alarms.step', { step: n.step + 1 })}</strong> · {time(n.at)}
              <div>{t('alarms.notified', { role: t(`alarms.roles.${n.role}`), names: n.recipients.map((r) => r.name).join('、') || t('alarms.nobody') })}</div>
            </div>
          ),
        }))}
      />
    </>
  );
}
