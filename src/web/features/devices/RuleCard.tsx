// One rule in the editor: its name, switch, alarm type and level, the Matter of its care order picked by name (none for
// offline rules: they make a maintenance task), an optional time window, and the fields of its kind.
import { Button, Card, Checkbox, Input, InputNumber, Select, Space, Switch, Tag, TimePicker, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ALARM_LEVELS, RULE_KINDS, RULE_LIMITS, type RuleKind } from '../../../shared/devices.ts';
import type { Rule } from './api.ts';
import { DurationInput } from './DurationInput.tsx';
import { ruleSummary } from './parts.tsx';

export interface MatterOption { value: string; label: string }

const KEYS = ['door', 'heartRate', 'smoke', 'gas', 'water', 'fire', 'fall', 'sos', 'motion', 'temperature'] as const;

/** A new rule of a kind, with numbers a town would start from. */
export function newRule(kind: RuleKind, taken: readonly string[]): Rule {
  let n = 1;
  while (taken.includes(`${kind}-${n}`)) n += 1;
  const base = { id: `${kind}-${n}`, name: '', enabled: true, level: 'red' as const };
  switch (kind) {
    case 'threshold': return { ...base, kind, alarmType: 'heartRateLow', key: 'heartRate', op: '<', value: 45, forSec: 120 };
    case 'inactivity': return { ...base, kind, alarmType: 'inactivity', key: 'door', afterSec: 24 * 3600 };
    case 'repeat': return { ...base, kind, alarmType: 'smoke', key: 'smoke', count: 3, withinSec: 60 };
    case 'offline': return { ...base, kind, alarmType: 'offline', level: 'yellow', afterSec: 3600 };
  }
}

export function RuleCard({ rule: r, onChange, onRemove, matters, disabled, index }: {
  rule: Rule; onChange(r: Rule): void; onRemove(): void; matters: MatterOption[]; disabled: boolean; index: number;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<Rule>) => onChange({ ...r, ...patch } as Rule);
  const keyOptions = [...new Set<string>([...KEYS, ...('key' in r && r.key ? [r.key] : [])])].map((k) => ({ value: k, label: t(`devices.keys.${k}`, { defaultValue: k }) }));
  const field = (label: string, node: React.ReactNode, width?: number) => (
    <div className="ant-form-item" style={{ width }}><div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)', marginBottom: 4 }}>{label}</div>{node}</div>
  );
  const time = (v: string | undefined) => (v ? dayjs(v, 'HH:mm') : null);

  return (
    <Card
      size="small" className="zz-rule-card" data-testid="rule-card" data-id={r.id}
      title={<Space><Tag color="blue">{t(`devices.rules.kinds.${r.kind}`)}</Tag><span>{r.name || t('devices.rules.field.name')}</span><Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>{ruleSummary(t, r)}</Typography.Text></Space>}
      extra={(
        <Space>
          <Switch size="small" checked={r.enabled} disabled={disabled} onChange={(enabled) => set({ enabled })} data-testid={`rule-${index}-enabled`} />
          {!disabled ? <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={onRemove} data-testid={`rule-${index}-remove`}>{t('devices.rules.remove')}</Button> : null}
        </Space>
      )}
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t(`devices.rules.kindHints.${r.kind}`)}</Typography.Paragraph>
      <div className="zz-rule-fields">
        {field(t('devices.rules.field.name'), <Input value={r.name} maxLength={RULE_LIMITS.name} disabled={disabled} onChange={(e) => set({ name: e.target.value })} data-testid={`rule-${index}-name`} />, 200)}
        {field(t('devices.rules.field.alarmType'), (
          <Select value={r.alarmType} disabled={disabled} onChange={(alarmType: string) => set({ alarmType })} data-testid={`rule-${index}-type`} style={{ width: 160 }}
            options={[...new Set<string>([...ALARM_TYPES, r.alarmType])].map((a) => ({ value: a, label: t(`alarms.types.${a}`, { defaultValue: a }) }))} />
        ))}
        {field(t('devices.rules.field.level'), (
          <Select value={r.level} disabled={disabled} onChange={(level) => set({ level })} style={{ width: 90 }} data-testid={`rule-${index}-level`}
            options={ALARM_LEVELS.map((l) => ({ value: l, label: t(`devices.levels.${l}`) }))} />
        ))}
        {r.kind === 'offline' ? field(t('devices.rules.field.matter'), <Typography.Text type="secondary">{t('devices.rules.field.offlineMatter')}</Typography.Text>) : field(t('devices.rules.field.matter'), (
          <Select
            showSearch={{ optionFilterProp: 'title' }} allowClear value={r.matterCode} disabled={disabled} style={{ width: 260 }} placeholder={t('devices.rules.field.matterHint')}
            options={(r.matterCode && !matters.some((m) => m.value === r.matterCode) ? [...matters, { value: r.matterCode, label: r.matterCode }] : matters)
              .map((m) => ({ value: m.value, title: m.label, label: <span>{m.label} <span translate="no" className="zz-code">{m.value}</span></span> }))}
            onChange={(matterCode?: string) => set({ matterCode })} data-testid={`rule-${index}-matter`}
          />
        ))}
      </div>
      <div className="zz-rule-fields">
        {r.kind === 'threshold' ? (
          <>
            {field(t('devices.rules.field.key'), <Select value={r.key} disabled={disabled} style={{ width: 120 }} options={keyOptions} onChange={(key: string) => set({ key })} data-testid={`rule-${index}-key`} />)}
            {field(t('devices.rules.field.op'), <Select value={r.op} disabled={disabled} style={{ width: 100 }} onChange={(op) => set({ op })} options={(['<', '<=', '>', '>=', '=='] as const).map((o) => ({ value: o, label: t(`devices.rules.ops.${o}`) }))} />)}
            {field(t('devices.rules.field.value'), <InputNumber value={r.value} disabled={disabled} onChange={(v) => set({ value: Number(v ?? 0) })} data-testid={`rule-${index}-value`} />)}
            {field(t('devices.rules.field.forSec'), <DurationInput value={r.forSec} disabled={disabled} onChange={(v) => set({ forSec: v ?? 0 })} testId={`rule-${index}-forSec`} />)}
          </>
        ) : null}
        {r.kind === 'inactivity' ? (
          <>
            {field(t('devices.rules.field.key'), <Select allowClear value={r.key} disabled={disabled} style={{ width: 120 }} placeholder={t('devices.rules.field.keyAny')} options={keyOptions} onChange={(key?: string) => set({ key })} data-testid={`rule-${index}-key`} />)}
            {field(t('devices.rules.field.afterSec'), <DurationInput value={r.afterSec} disabled={disabled} onChange={(v) => set({ afterSec: v ?? 0 })} testId={`rule-${index}-afterSec`} />)}
          </>
        ) : null}
        {r.kind === 'repeat' ? (
          <>
            {field(t('devices.rules.field.key'), <Select value={r.key} disabled={disabled} style={{ width: 120 }} options={keyOptions} onChange={(key: string) => set({ key })} data-testid={`rule-${index}-key`} />)}
            {field(t('devices.rules.field.count'), <InputNumber min={1} max={RULE_LIMITS.maxCount} value={r.count} disabled={disabled} onChange={(v) => set({ count: Number(v ?? 1) })} data-testid={`rule-${index}-count`} />)}
            {field(t('devices.rules.field.withinSec'), <DurationInput value={r.withinSec} disabled={disabled} onChange={(v) => set({ withinSec: v ?? 0 })} testId={`rule-${index}-withinSec`} />)}
          </>
        ) : null}
        {r.kind === 'offline' ? field(t('devices.rules.field.afterSec'), <DurationInput value={r.afterSec} disabled={disabled} onChange={(v) => set({ afterSec: v ?? 0 })} testId={`rule-${index}-afterSec`} />) : null}
        {field(t('devices.rules.field.window'), (
          <Space>
            <Checkbox checked={!!r.window} disabled={disabled} onChange={(e) => set({ window: e.target.checked ? { from: '22:00', to: '06:00' } : undefined })} data-testid={`rule-${index}-window`}>
              {r.window ? '' : t('devices.rules.field.windowAll')}
            </Checkbox>
            {r.window ? (
              <>
                <TimePicker format="HH:mm" allowClear={false} value={time(r.window.from)} disabled={disabled} onChange={(v) => v && set({ window: { ...r.window!, from: v.format('HH:mm') } })} />
                <span>—</span>
                <TimePicker format="HH:mm" allowClear={false} value={time(r.window.to)} disabled={disabled} onChange={(v) => v && set({ window: { ...r.window!, to: v.format('HH:mm') } })} />
              </>
            ) : null}
          </Space>
        ))}
      </div>
    </Card>
  );
}

/** The alarm types the editor offers (named in the alarms' texts); a profile's own type outside this list stays as it is. */
export const ALARM_TYPES = ['inactivity', 'heartRateLow', 'heartRateHigh', 'sos', 'fall', 'smoke', 'gas', 'water', 'fire', 'intrusion', 'offline'] as const;
export const isKind = (k: string): k is RuleKind => (RULE_KINDS as readonly string[]).includes(k);
