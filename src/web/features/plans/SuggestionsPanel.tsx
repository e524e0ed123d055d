// 预案启动建议: open matches of plans' `suggest` triggers (an alarm, a case or a platform alert matched a plan), each
// with 启动 (the activate dialog, the level proposed and the trigger passed along: one incident per plan and trigger)
// and 忽略 (with a reason). Mounted on the plan list, and for one alarm in the alarm drawer (`alarmId`). Shows nothing
// when nothing waits, or when the reader may not read suggestions. Refreshed every 15 s.
import { useEffect, useState } from 'react';
import { App, Button, Card, Empty, Form, Input, Modal, Space, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { BulbOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PLAN_LIMITS } from '../../../shared/plans.ts';
import { errorText } from '../../lib/api.ts';
import { useApi } from '../../lib/useApi.ts';
import { dismissSuggestion, fetchPlan, listSuggestions, type Incident, type PlanDetail, type PlanSuggestion } from './api.ts';
import { ActivateDialog } from './ActivateDialog.tsx';
import { HazardTag, LevelTag, timeText } from './parts.tsx';
import './locales.ts';
import './plans.css';

export interface SuggestionsPanelProps {
  /** only the suggestions an alarm raised (the alarm drawer) */
  alarmId?: string;
  /** only the suggestions of one trigger kind and ref (a case, a platform alert) */
  trigger?: { kind: 'alarm' | 'case' | 'alert'; id: string };
  /** nothing at all when nothing waits (else an empty card) */
  compact?: boolean;
  onActivated?(incident: Incident): void;
}

export function SuggestionsPanel({ alarmId, trigger, compact, onActivated }: SuggestionsPanelProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const want = trigger ?? (alarmId ? { kind: 'alarm' as const, id: alarmId } : null);
  const list = useApi((signal) => listSuggestions(want, signal), [want?.kind, want?.id]);
  const [starting, setStarting] = useState<{ s: PlanSuggestion; plan: PlanDetail } | null>(null);
  const [dismissing, setDismissing] = useState<PlanSuggestion | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const reload = list.reload;
  useEffect(() => { const id = window.setInterval(reload, 15_000); return () => window.clearInterval(id); }, [reload]);

  const items = (list.data?.items ?? []).filter((s) => s.status === 'open');
  if (list.error || !list.data) return null; // the reader may not read suggestions, or they are on their way
  if (!items.length && compact) return null;

  const start = (s: PlanSuggestion) => { void fetchPlan(s.plan.id).then((plan) => setStarting({ s, plan }), (e: unknown) => message.error(errorText(e, i18n.language))); };
  const sourceText = (s: PlanSuggestion) => `${t(`plans.suggestions.from.${s.trigger.kind}`)}${s.trigger.title ? ` · ${s.trigger.title}` : ''}${s.trigger.alarmLevel ? `（${t(`plans.alarmLevels.${s.trigger.alarmLevel}`)}）` : ''}`;
  const dismiss = async () => {
    if (!dismissing || !reason.trim()) return;
    setBusy(true);
    try {
      await dismissSuggestion(dismissing.id, reason.trim());
      message.success(t('plans.suggestions.dismissed'));
      setDismissing(null); reload();
    } catch (e) { message.error(errorText(e, i18n.language)); } finally { setBusy(false); }
  };

  return (
    <Card
      size="small" className="zz-plan-suggestions" data-testid="plan-suggestions"
      title={<Space><BulbOutlined style={{ color: '#cf1322' }} />{t('plans.suggestions.title')}{items.length ? <Typography.Text type="danger">{t('plans.suggestions.count', { count: items.length })}</Typography.Text> : null}</Space>}
    >
      {!items.length ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plans.suggestions.empty')} /> : items.map((s) => (
        <div key={s.id} className="zz-plan-suggestion" data-testid="plan-suggestion" data-id={s.id} data-trigger={s.trigger.key}>
          <HazardTag hazard={s.plan.hazard} />
          <div className="zz-plan-grow">
            <Typography.Text strong>{s.plan.name}</Typography.Text>
            <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{sourceText(s)} · {t('plans.suggestions.at', { time: timeText(s.matchedAt) })}</Typography.Text></div>
          </div>
          <div className="zz-plan-suggestion-act">
          <span>{t('plans.suggestions.suggestLevel', { level: '' })}<LevelTag level={s.level} long /></span>
          <Space size={4}>
            {s.policies.includes('activate') ? <Button type="primary" danger size="small" icon={<ThunderboltOutlined />} onClick={() => start(s)} data-testid="suggestion-start">{t('plans.suggestions.start')}</Button> : null}
            {s.policies.includes('dismiss') ? <Button size="small" onClick={() => { setReason(''); setDismissing(s); }} data-testid="suggestion-dismiss">{t('plans.suggestions.dismiss')}</Button> : null}
          </Space>
          </div>
        </div>
      ))}
      <ActivateDialog
        open={!!starting}
        plan={starting ? { id: starting.plan.id, name: starting.plan.name, levels: starting.plan.body.levels, steps: starting.plan.body.steps } : null}
        level={starting?.s.level}
        trigger={starting ? { kind: starting.s.trigger.kind, id: starting.s.trigger.id, label: sourceText(starting.s) } : null}
        reason={starting ? t('plans.suggestions.reasonFromTrigger', { plan: starting.plan.name, source: sourceText(starting.s) }) : undefined}
        onClose={() => { setStarting(null); reload(); }}
        onActivated={onActivated}
      />
      <Modal
        open={!!dismissing} onCancel={() => setDismissing(null)} destroyOnHidden data-testid="suggestion-dismiss-dialog"
        title={dismissing ? t('plans.suggestions.dismissTitle', { name: dismissing.plan.name }) : ''}
        okText={t('plans.suggestions.dismissOk')} cancelText={t('plans.activateDialog.cancel')}
        okButtonProps={{ disabled: !reason.trim(), loading: busy, 'data-testid': 'suggestion-dismiss-ok' } as ButtonProps} onOk={() => void dismiss()}
      >
        <Form layout="vertical"><Form.Item label={t('plans.suggestions.dismissReason')} required>
          <Input.TextArea rows={3} maxLength={PLAN_LIMITS.reason} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('plans.suggestions.dismissHint')} data-testid="suggestion-dismiss-reason" />
        </Form.Item></Form>
      </Modal>
    </Card>
  );
}
