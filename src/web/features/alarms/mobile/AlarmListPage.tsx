// 紧急告警 (/m/alarms): the alarms notified to the grid worker, to answer and answered, live; a tap opens the alarm.
import { DotLoading, ErrorBlock, Tabs, Tag } from 'antd-mobile';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/api.ts';
import { MobilePage, formatTime } from '../../cases/public.ts';
import type { AlarmSummary } from './api.ts';
import { alarmWhat, alarmWho } from './alarm-text.ts';
import { useMyAlarms } from './useMyAlarms.ts';
import './locales.ts';
import './alarms-mobile.css';

const TABS = ['active', 'acknowledged'] as const;

export function AlarmListPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'acknowledged' ? 'acknowledged' : 'active';
  const list = useMyAlarms(tab, 50);
  const items = list.data?.items ?? [];
  return (
    <MobilePage title={t('malarm.title.list')} back="/m" testId="alarm-list-page">
      <Tabs activeKey={tab} onChange={(k) => setParams(k === 'active' ? {} : { tab: k }, { replace: true })}>
        {TABS.map((k) => <Tabs.Tab key={k} title={t(`malarm.list.${k}`)} />)}
      </Tabs>
      {list.loading && !list.data ? (
        <div style={{ textAlign: 'center', padding: 32 }}><DotLoading /></div>
      ) : list.error && !list.data ? (
        <ErrorBlock status="default" title={t('malarm.detail.failed')} description={errorText(list.error, i18n.language)} />
      ) : items.length === 0 ? (
        <ErrorBlock status="empty" title={t('malarm.list.empty')} description={t('malarm.list.emptyHint')} />
      ) : items.map((a) => <AlarmItem key={a.id} alarm={a} lang={i18n.language} />)}
    </MobilePage>
  );
}

function AlarmItem({ alarm: a, lang }: { alarm: AlarmSummary; lang: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <button type="button" className={`ma-item ma-item-${a.status}`} onClick={() => navigate(`/m/alarms/${a.id}`)}
      data-testid="alarm-item" data-alarm-id={a.id} data-status={a.status}>
      <span className="ma-item-head">
        <strong>{alarmWhat(a, t)}</strong>
        <Tag color={a.status === 'active' ? 'danger' : 'warning'} fill="outline">{t(`malarm.status.${a.status}`)}</Tag>
      </span>
      <span className="ma-item-line">{alarmWho(a, t)} · {a.address ?? a.gridName}</span>
      <span className="mc-hint">{formatTime(a.raisedAt, lang)}{a.careOrder ? ` · ${a.careOrder.number}` : ''}</span>
    </button>
  );
}
