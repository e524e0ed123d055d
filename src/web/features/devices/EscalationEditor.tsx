// 逐级升级: the steps of an escalation policy (who each step notifies, minutes after the previous step) and the repeat
// interval after the last; and the policy in one line for the profile cards.
import { Button, Checkbox, InputNumber, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ESCALATION_LIMITS, ESCALATION_ROLES, type EscalationRole } from '../../../shared/alarms.ts';
import type { Escalation } from './api.ts';

/** 网格员、关爱岗位 → 5 分钟后 社区工作人员 → …，之后每 5 分钟重复. */
export function escalationText(t: TFunction, e: Escalation): string {
  const steps = e.steps.map((s, i) => {
    const who = s.notify.map((r) => t(`devices.roles.${r}`)).join('、');
    return i === 0 ? who : `${t('devices.duration.min', { n: s.afterMin })} → ${who}`;
  });
  return `${steps.join(' → ')}；${t('devices.rules.escalation.repeatText', { n: e.repeatEveryMin })}`;
}

export function EscalationEditor({ value, onChange, disabled }: { value: Escalation; onChange(e: Escalation): void; disabled: boolean }) {
  const { t } = useTranslation();
  const setStep = (i: number, patch: Partial<Escalation['steps'][number]>) =>
    onChange({ ...value, steps: value.steps.map((s, j) => (j === i ? { ...s, ...patch } : s)) });
  return (
    <div data-testid="escalation-editor">
      <Typography.Paragraph type="secondary">{t('devices.rules.escalation.subtitle')}</Typography.Paragraph>
      {value.steps.map((s, i) => (
        <div className="zz-esc-step" key={i} data-testid="escalation-step">
          <strong style={{ width: 56 }}>{t('devices.rules.escalation.step', { n: i + 1 })}</strong>
          {i === 0 ? <Typography.Text type="secondary" style={{ width: 190 }}>{t('devices.rules.escalation.first')}</Typography.Text> : (
            <Space size={4} style={{ width: 190 }}>
              <span>{t('devices.rules.escalation.afterMin')}</span>
              <InputNumber min={1} max={ESCALATION_LIMITS.maxMin} value={s.afterMin} disabled={disabled} style={{ width: 70 }} onChange={(v) => setStep(i, { afterMin: Number(v ?? 1) })} data-testid="escalation-after" />
            </Space>
          )}
          <span>{t('devices.rules.escalation.notify')}</span>
          <Checkbox.Group
            value={s.notify} disabled={disabled} onChange={(v) => setStep(i, { notify: v as EscalationRole[] })}
            options={ESCALATION_ROLES.map((r) => ({ value: r, label: t(`devices.roles.${r}`) }))}
          />
          {!s.notify.length ? <Typography.Text type="danger">{t('devices.rules.escalation.needRole')}</Typography.Text> : null}
          {i > 0 && !disabled ? <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => onChange({ ...value, steps: value.steps.filter((_, j) => j !== i) })}>{t('devices.rules.escalation.removeStep')}</Button> : null}
        </div>
      ))}
      <Space style={{ marginTop: 12 }} wrap>
        {!disabled && value.steps.length < ESCALATION_LIMITS.steps ? (
          <Button size="small" icon={<PlusOutlined />} data-testid="escalation-add"
            onClick={() => onChange({ ...value, steps: [...value.steps, { notify: ['dutyOfficer'], afterMin: 5 }] })}>{t('devices.rules.escalation.addStep')}</Button>
        ) : null}
        <span>{t('devices.rules.escalation.repeat')}</span>
        <InputNumber min={1} max={ESCALATION_LIMITS.maxMin} value={value.repeatEveryMin} disabled={disabled} style={{ width: 80 }} onChange={(v) => onChange({ ...value, repeatEveryMin: Number(v ?? 1) })} data-testid="escalation-repeat" />
      </Space>
    </div>
  );
}
