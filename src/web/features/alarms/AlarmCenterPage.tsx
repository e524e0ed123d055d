// 告警中心: the alarms of the caller's territory by status (未确认 / 已确认 / 已消警), unanswered ones in red, live over
// the case stream with a tone on a new alarm or an escalation (开启声音 first: browsers need a click), 确认 and 消警
// with a note, the alarm's detail and its care order (关爱工单) in the case drawer.
import { useState } from 'react';
import { App, Button, Checkbox, Select, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { ALARM_CATEGORIES, ALARM_STATUSES, type AlarmCategory, type AlarmStatus } from '../../../shared/alarms.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { CaseDrawer } from '../cases/desktop/public.ts';
import type { AlarmSummary } from './api.ts';
import { useLiveAlarms } from './useLiveAlarms.ts';
import { AlarmTable } from './AlarmTable.tsx';
import { AlarmDrawer } from './AlarmDrawer.tsx';
import { ClearAlarmModal } from './ClearAlarmModal.tsx';
import { SoundSwitch } from './parts.tsx';
import './locales.ts';
import './alarms.css';

export function AlarmCenterPage() {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const [status, setStatus] = useState<AlarmStatus>('active');
  const [category, setCategory] = useState<AlarmCategory | undefined>();
  const [mine, setMine] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const [caseId, setCaseId] = useState<string | null>(null);
  const [clearing, setClearing] = useState<AlarmSummary | null>(null);
  const list = useLiveAlarms({ status, category, mine }, {
    sound: true,
    onAlarmChange: (e) => {
      if (e.action === 'alarm_raised' || e.action === 'alarm_escalated') {
        notification.error({ key: `alarm-${e.caseId}`, message: e.action === 'alarm_raised' ? t('alarms.live.newAlarm', { number: e.number }) : t('alarms.live.escalated', { number: e.number }), placement: 'bottomRight', duration: 8 });
      }
    },
  });

  return (
    <div className="zz-page" data-testid="alarm-center">
      <PageHeader title={t('alarms.title')} subtitle={t('alarms.subtitle')} extra={<SoundSwitch />} />
      <Tabs
        activeKey={status} onChange={(k) => setStatus(k as AlarmStatus)} data-testid="alarm-tabs"
        items={ALARM_STATUSES.map((s) => ({ key: s, label: <span data-testid={`alarm-tab-${s}`}>{t(`alarms.tabs.${s}`)}</span> }))}
      />
      <div className="zz-alarm-toolbar">
        <Select
          allowClear style={{ width: 160 }} placeholder={t('alarms.filter.allCategories')} value={category} data-testid="alarm-category"
          options={ALARM_CATEGORIES.map((c) => ({ value: c, label: t(`alarms.category.${c}`) }))} onChange={(v?: AlarmCategory) => setCategory(v)}
        />
        <Checkbox checked={mine} onChange={(e) => setMine(e.target.checked)} data-testid="alarm-mine">{t('alarms.filter.mine')}</Checkbox>
      </div>
      {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : (
        <AlarmTable
          items={list.items} loading={list.loading} emptyText={t(`alarms.empty.${status}`)}
          onOpen={(a) => setOpenId(a.id)} onOpenOrder={setCaseId} onClear={setClearing} onChanged={list.reload}
        />
      )}
      {list.nextCursor ? <Button block style={{ marginTop: 8 }} onClick={list.loadMore} data-testid="alarm-more">{t('alarms.more')}</Button> : null}
      <AlarmDrawer alarmId={openId} onClose={() => setOpenId(null)} onOpenOrder={setCaseId} onClear={setClearing} onChanged={list.reload} />
      <ClearAlarmModal alarm={clearing} onClose={() => setClearing(null)} onDone={() => { setClearing(null); list.reload(); }} />
      {caseId ? <CaseDrawer caseId={caseId} onClose={() => setCaseId(null)} onChanged={list.reload} /> : null}
    </div>
  );
}
