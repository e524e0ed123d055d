// The steps of an incident, in order: title, role, due time and state (late ones marked), the work order's number (a
// click opens it in the case drawer) with its deadline light, and the checklist to tick — ticking the last item
// completes the step and hands its work order in (the server does both in one transaction).
import { useState } from 'react';
import { App, Button, Checkbox, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/api.ts';
import { StatusTag } from '../../cases/desktop/public.ts';
import { checkStep, newKey, type IncidentDetail, type IncidentStep } from './api.ts';
import { StepStateTag, timeText } from './parts.tsx';
import './locales.ts';
import './incidents.css';

const LIGHTS: Record<string, string> = { green: '#2e9e5b', yellow: '#e0a100', red: '#d4380d' };

export function StepList({ incident, onOpenOrder, onChanged }: { incident: IncidentDetail; onOpenOrder(caseId: string): void; onChanged(): void }) {
  return (
    <div data-testid="incident-steps">
      {incident.steps.map((s, n) => <StepCard key={s.key} n={n + 1} incident={incident} step={s} onOpenOrder={onOpenOrder} onChanged={onChanged} />)}
    </div>
  );
}

function StepCard({ n, incident, step: s, onOpenOrder, onChanged }: { n: number; incident: IncidentDetail; step: IncidentStep; onOpenOrder(caseId: string): void; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<number | null>(null);
  const mayCheck = s.policies.includes('check') && incident.status === 'active' && s.state === 'open';

  const tick = async (item: number, checked: boolean) => {
    setBusy(item);
    try {
      const res = await checkStep(incident.id, s.key, item, checked, newKey());
      if (res.completed) message.success(t(res.step.workOrder.status === 'handled' ? 'incidents.steps.completedToast' : 'incidents.steps.completedOnly', { title: s.title }));
      onChanged();
    } catch (e) {
      message.error(errorText(e, i18n.language));
      onChanged();
    } finally {
      setBusy(null);
    }
  };

  const cls = `zz-inc-step zz-inc-step-${s.state}${s.late ? ' zz-inc-step-late' : ''}`;
  return (
    <div className={cls} data-testid="incident-step" data-step-key={s.key} data-state={s.state}>
      <div className="zz-inc-step-head">
        <Typography.Text type="secondary">{n}.</Typography.Text>
        <span className="zz-inc-step-title">{s.title}</span>
        <StepStateTag state={s.state} late={s.late} />
      </div>
      <div className="zz-inc-step-meta">
        <span>{s.workOrder.assigneeName ? t('incidents.steps.roleWith', { role: s.roleName, name: s.workOrder.assigneeName }) : t('incidents.steps.role', { role: s.roleName })}</span>
        <span>{t('incidents.steps.dueAt', { time: timeText(s.dueAt) })}</span>
        {s.completedAt ? <span>{t('incidents.steps.completedAt', { time: timeText(s.completedAt) })}</span> : null}
        <span>
          {t('incidents.steps.workOrder')}
          {s.workOrder.light ? <span className="zz-inc-light" style={{ background: LIGHTS[s.workOrder.light] }} data-testid="step-light" data-light={s.workOrder.light} /> : null}
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpenOrder(s.workOrder.id)} data-testid="step-order">
            <span className="zz-code" translate="no">{s.workOrder.number}</span>
          </Button>{' '}
          <StatusTag status={s.workOrder.status} />
        </span>
      </div>
      {s.checklist.length === 0 ? <Typography.Text type="secondary">{t('incidents.steps.noChecklist')}</Typography.Text> : (
        <div data-testid="step-checklist">
          {s.checklist.map((c, i) => (
            <div className="zz-inc-check" key={i}>
              <Checkbox
                checked={!!c.checkedAt} disabled={!mayCheck || busy !== null} data-testid="step-check" data-checked={c.checkedAt ? 'true' : 'false'}
                onChange={(e) => void tick(i, e.target.checked)}
              >{c.text}</Checkbox>
              {c.checkedAt ? <span className="zz-inc-check-by">{t('incidents.steps.checkedBy', { name: c.checkedByName ?? '', time: timeText(c.checkedAt, false) })}</span> : null}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
