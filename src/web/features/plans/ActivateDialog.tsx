// 启动预案: the level (among the plan's), the reason, and the drill switch; from a trigger suggestion the level comes
// proposed and the trigger goes along (one incident per plan and trigger). One Idempotency-Key per opening, so a retry
// after a lost answer returns the incident the first press started. On success the caller is told (the incident page
// opens by default).
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Radio, Space, Switch, Typography } from 'antd';
import { EnvironmentOutlined } from '@ant-design/icons';
import type { ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PLAN_LIMITS, type PlanLevel } from '../../../shared/plans.ts';
import { errorText } from '../../lib/api.ts';
import { activatePlan, newIdempotencyKey, type Incident, type TriggerRefKind } from './api.ts';
import { LEVEL_COLOURS, ResourcePointModal } from './parts.tsx';
import './locales.ts';

export interface ActivateDialogProps {
  open: boolean;
  plan: { id: string; name: string; levels: PlanLevel[]; steps?: { fromLevel: PlanLevel }[] } | null;
  /** the level proposed (a suggestion's); the plan's lowest without */
  level?: PlanLevel;
  drill?: boolean;
  trigger?: { kind: TriggerRefKind; id: string; label?: string } | null;
  /** the reason written in advance (e.g. from the trigger) */
  reason?: string;
  onClose(): void;
  /** after the incident started; without it the incident page opens */
  onActivated?(incident: Incident): void;
}

const ORDER: PlanLevel[] = ['IV', 'III', 'II', 'I'];

export function ActivateDialog({ open, plan, level, drill: drillAtFirst, trigger, reason: reasonAtFirst, onClose, onActivated }: ActivateDialogProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [chosen, setChosen] = useState<PlanLevel | undefined>(level);
  const [reason, setReason] = useState('');
  const [drill, setDrill] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [touched, setTouched] = useState(false);
  const [place, setPlace] = useState<{ lng: number; lat: number } | null>(null);
  const [picking, setPicking] = useState(false);
  // one key per opening: pressing twice, or again after a lost answer, starts one incident
  const key = useMemo(() => newIdempotencyKey(), [open, plan?.id]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (!open) return;
    setChosen(level && plan?.levels.includes(level) ? level : plan?.levels[0]);
    setReason(reasonAtFirst ?? ''); setDrill(!!drillAtFirst); setError(null); setTouched(false); setBusy(false); setPlace(null);
  }, [open, plan?.id, level, drillAtFirst, reasonAtFirst]); // eslint-disable-line react-hooks/exhaustive-deps

  const stepCount = plan?.steps && chosen ? plan.steps.filter((s) => ORDER.indexOf(s.fromLevel) <= ORDER.indexOf(chosen)).length : null;
  const reasonMissing = !reason.trim();

  const submit = async () => {
    setTouched(true);
    if (!plan || !chosen || reasonMissing) return;
    setBusy(true); setError(null);
    try {
      const incident = await activatePlan(plan.id, {
        level: chosen, reason: reason.trim(), ...(drill ? { drill: true } : {}), ...(trigger ? { trigger: { kind: trigger.kind, id: trigger.id } } : {}), ...(place ? { location: place } : {}),
      }, key);
      message.success(t('plans.activateDialog.done', { number: incident.number }));
      onClose();
      if (onActivated) onActivated(incident); else navigate(`/incidents/${incident.id}`);
    } catch (e) {
      setError(errorText(e, i18n.language));
    } finally { setBusy(false); }
  };

  if (!plan) return null;
  return (
    <Modal
      open={open} onCancel={onClose} destroyOnHidden width={560} data-testid="activate-dialog"
      title={drill ? t('plans.activateDialog.drillTitle', { name: plan.name }) : t('plans.activateDialog.title', { name: plan.name })}
      okText={drill ? t('plans.activateDialog.okDrill') : t('plans.activateDialog.ok')} cancelText={t('plans.activateDialog.cancel')}
      okButtonProps={{ danger: !drill, loading: busy, 'data-testid': 'activate-ok' } as ButtonProps} onOk={() => void submit()}
    >
      <Form layout="vertical" requiredMark={false}>
        {trigger ? <Form.Item label={t('plans.activateDialog.trigger')}><Typography.Text data-testid="activate-trigger">{trigger.label ?? t(`plans.suggestions.from.${trigger.kind}`)}</Typography.Text></Form.Item> : null}
        <Form.Item label={t('plans.activateDialog.level')} extra={stepCount !== null ? t('plans.activateDialog.steps', { count: stepCount }) : undefined}>
          <Radio.Group value={chosen} onChange={(e) => setChosen(e.target.value as PlanLevel)} optionType="button" buttonStyle="solid" data-testid="activate-level">
            {plan.levels.map((l) => (
              <Radio.Button key={l} value={l} data-level={l} style={chosen === l ? { background: levelBg(l), borderColor: levelBg(l) } : undefined}>{t(`plans.levelNames.${l}`)}</Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item label={t('plans.activateDialog.reason')} required validateStatus={touched && reasonMissing ? 'error' : undefined} help={touched && reasonMissing ? t('plans.activateDialog.reasonRequired') : undefined}>
          <Input.TextArea rows={3} maxLength={PLAN_LIMITS.reason} showCount value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('plans.activateDialog.reasonHint')} data-testid="activate-reason" />
        </Form.Item>
        <Form.Item label={t('plans.activateDialog.place')} extra={t(trigger ? 'plans.activateDialog.placeFromTrigger' : 'plans.activateDialog.placeHint')}>
          <Space>
            <Button icon={<EnvironmentOutlined />} type={place ? 'default' : 'dashed'} onClick={() => setPicking(true)} data-testid="activate-place">
              {place ? t('plans.editor.resource.picked') : t('plans.editor.resource.pick')}
            </Button>
            {place ? <Typography.Text type="secondary" className="zz-code" style={{ fontSize: 12 }}>{place.lng.toFixed(6)}, {place.lat.toFixed(6)}</Typography.Text> : null}
            {place ? <Button type="link" size="small" onClick={() => setPlace(null)}>{t('plans.editor.resource.clear')}</Button> : null}
          </Space>
        </Form.Item>
        <Form.Item label={t('plans.activateDialog.drill')} extra={t('plans.activateDialog.drillHint')}>
          <Space><Switch checked={drill} onChange={setDrill} data-testid="activate-drill" /></Space>
        </Form.Item>
      </Form>
      {!drill ? <Alert type="warning" showIcon title={t('plans.activateDialog.warnReal')} style={{ marginBottom: error ? 8 : 0 }} /> : null}
      {error ? <Alert type="error" showIcon title={error} data-testid="activate-error" /> : null}
      <ResourcePointModal open={picking} name={t('plans.activateDialog.place')} value={place} onClose={() => setPicking(false)}
        onPick={(at) => setPlace({ lng: Number(at.lng.toFixed(6)), lat: Number(at.lat.toFixed(6)) })} />
    </Modal>
  );
}

const BG: Record<string, string> = { blue: '#1677ff', gold: '#d48806', orange: '#d46b08', red: '#cf1322' };
const levelBg = (l: PlanLevel) => BG[LEVEL_COLOURS[l]];
