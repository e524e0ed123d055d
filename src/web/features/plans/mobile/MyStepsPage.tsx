// 应急处置任务 (/m/incidents): on the phone, the steps of the active incidents given to the caller's post — title, due
// time (late ones in red), the checklist to tick as the work is done (the last tick completes the step and hands its
// work order in), and the step's work order, which opens in the phone's case page.
import { useState } from 'react';
import { Button, Checkbox, DotLoading, ErrorBlock, ProgressBar, Tag, Toast } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { errorText } from '../../../lib/api.ts';
import { Card, MobilePage } from '../../cases/public.ts';
import { checkStep, newKey, type IncidentDetail, type IncidentStep } from '../incidents/api.ts';
import { useMySteps } from './useMySteps.ts';
import './locales.ts';
import './incidents-mobile.css';

const LEVEL_COLORS: Record<string, string> = { IV: '#1f5fa8', III: '#d4a106', II: '#e8700a', I: '#cf1322' };
const time = (iso: string | null) => (iso ? dayjs(iso).format('MM-DD HH:mm') : '—');

export function MyStepsPage() {
  const { t, i18n } = useTranslation();
  const list = useMySteps();
  return (
    <MobilePage title={t('mincident.title')} back="/m" testId="my-steps-page">
      {list.loading && !list.items.length ? (
        <div style={{ textAlign: 'center', padding: 32 }}><DotLoading /></div>
      ) : list.error ? (
        <ErrorBlock status="default" title={t('mincident.failed')} description={errorText(list.error, i18n.language)} />
      ) : list.items.length === 0 ? (
        <ErrorBlock status="empty" title={t('mincident.empty')} description={t('mincident.emptyHint')} />
      ) : list.items.map(({ incident, mine }) => (
        <IncidentBlock key={incident.id} incident={incident} mine={mine} onChanged={list.reload} />
      ))}
    </MobilePage>
  );
}

function IncidentBlock({ incident: i, mine, onChanged }: { incident: IncidentDetail; mine: IncidentStep[]; onChanged(): void }) {
  const { t } = useTranslation();
  const done = i.steps.filter((s) => s.state === 'done').length;
  return (
    <div className="mi-incident" data-testid="my-incident" data-incident-id={i.id}>
      <div className="mi-hero" style={{ background: LEVEL_COLORS[i.level] }}>
        <div className="mi-hero-line">
          <span className="mi-level">{t(`mincident.levels.${i.level}`)}</span>
          {i.drill ? <span className="mi-level">{t('mincident.drill')}</span> : null}
        </div>
        <h2>{i.title}</h2>
        <ProgressBar percent={i.steps.length ? (done / i.steps.length) * 100 : 0} style={{ '--fill-color': '#fff', '--track-color': 'rgba(255,255,255,.3)' }} />
        <small>{t('mincident.progress', { done, total: i.steps.length })}</small>
      </div>
      {mine.map((s) => <StepBlock key={s.key} incident={i} step={s} onChanged={onChanged} />)}
    </div>
  );
}

function StepBlock({ incident, step: s, onChanged }: { incident: IncidentDetail; step: IncidentStep; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const mayCheck = s.policies.includes('check') && s.state === 'open';
  const tick = async (item: number, checked: boolean) => {
    setBusy(true);
    try {
      const res = await checkStep(incident.id, s.key, item, checked, newKey());
      if (res.completed) Toast.show({ icon: 'success', content: t(res.step.workOrder.status === 'handled' ? 'mincident.completed' : 'mincident.completedOnly') });
    } catch (e) {
      Toast.show({ icon: 'fail', content: errorText(e, i18n.language) });
    } finally {
      setBusy(false);
      onChanged();
    }
  };
  return (
    <Card
      testId="my-step"
      title={<span className="mi-step-title">{s.title}</span>}
      extra={(
        <span className="mi-tags">
          <Tag color={s.state === 'done' ? 'success' : s.state === 'left' ? 'default' : 'primary'} data-testid="my-step-state" data-state={s.state}>{t(`mincident.state.${s.state}`)}</Tag>
          {s.late ? <Tag color="danger">{t('mincident.late')}</Tag> : null}
        </span>
      )}
    >
      <div className={`mi-due${s.late ? ' mi-late' : ''}`}>{s.completedAt ? t('mincident.doneAt', { time: time(s.completedAt) }) : t('mincident.due', { time: time(s.dueAt) })}</div>
      {s.checklist.length ? (
        <div className="mi-checks">
          {s.checklist.map((c, n) => (
            <Checkbox key={n} checked={!!c.checkedAt} disabled={!mayCheck || busy} onChange={(v) => void tick(n, v)} data-testid="my-step-check">
              {c.text}
            </Checkbox>
          ))}
        </div>
      ) : <div className="mc-hint">{t('mincident.noChecklist')}</div>}
      <Button size="small" fill="outline" color="primary" style={{ marginTop: 10 }} onClick={() => navigate(`/m/cases/${s.workOrder.id}`)} data-testid="my-step-order">
        {t('mincident.order', { number: s.workOrder.number })}
      </Button>
    </Card>
  );
}
