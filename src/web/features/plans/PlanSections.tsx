// The editor's sections over one draft PlanBody: basics, levels, triggers, roles, steps, resources, CAP notice texts.
// Keys (of roles, steps, resources) are made here, never typed: a step names its role by the role's name.
import { useState } from 'react';
import { Button, Checkbox, Form, Input, InputNumber, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EnvironmentOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  CAP_CERTAINTIES, CAP_SEVERITIES, CAP_URGENCIES, HAZARDS, PLAN_LEVELS, PLAN_LIMITS, RESOURCE_KINDS, TRIGGER_MODES,
  type PlanBody, type PlanLevel, type PlanResource, type PlanRole, type PlanStep, type PlanTrigger, type TriggerMode,
} from '../../../shared/plans.ts';
import { ALARM_LEVELS, type AlarmLevel } from '../../../shared/devices.ts';
import { plansZh } from './locales.ts';
import { ResourcePointModal } from './parts.tsx';

const L = PLAN_LIMITS;
export interface Option { value: string; label: string }
export interface SectionProps { body: PlanBody; set(patch: Partial<PlanBody>): void; disabled: boolean }

/** the next key of a list: prefix + the lowest number not taken */
export function nextKey(prefix: string, taken: string[]): string {
  for (let i = 1; ; i++) if (!taken.includes(`${prefix}${i}`)) return `${prefix}${i}`;
}
const replaceAt = <T,>(xs: T[], i: number, x: T) => xs.map((y, j) => (j === i ? x : y));
const removeAt = <T,>(xs: T[], i: number) => xs.filter((_, j) => j !== i);
const move = <T,>(xs: T[], i: number, d: -1 | 1) => { const ys = [...xs]; const j = i + d; if (j < 0 || j >= ys.length) return ys; const x = ys[i]!; ys[i] = ys[j]!; ys[j] = x; return ys; };
const orNull = (s: string) => (s.trim() ? s : null);

export function BasicsSection({ body, set, disabled, matters, townName }: SectionProps & { matters: Option[]; townName: string | null }) {
  const { t } = useTranslation();
  return (
    <Form layout="vertical" disabled={disabled} requiredMark={false}>
      <div className="zz-plan-grid" style={{ gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))' }}>
        <Form.Item label={t('plans.editor.basics.name')} required>
          <Input value={body.name} maxLength={L.name} onChange={(e) => set({ name: e.target.value })} data-testid="plan-name" />
        </Form.Item>
        <Form.Item label={t('plans.editor.basics.hazard')} required>
          <Select value={body.hazard} onChange={(hazard) => set({ hazard })} options={HAZARDS.map((h) => ({ value: h, label: t(`plans.hazards.${h}`) }))} data-testid="plan-hazard" />
        </Form.Item>
        <Form.Item label={t('plans.editor.basics.matter')} required extra={t('plans.editor.basics.matterHint')}>
          <Select showSearch={{ optionFilterProp: 'label' }} value={body.matterCode || undefined} onChange={(matterCode: string) => set({ matterCode })} options={matters} data-testid="plan-matter" />
        </Form.Item>
        {townName ? <Form.Item label={t('plans.editor.basics.town')}><Input value={townName} disabled /></Form.Item> : null}
      </div>
      <Form.Item label={t('plans.editor.basics.summary')} style={{ marginTop: 8, marginBottom: 0 }}>
        <Input.TextArea rows={3} maxLength={L.summary} showCount value={body.summary} onChange={(e) => set({ summary: e.target.value })} data-testid="plan-summary" />
      </Form.Item>
    </Form>
  );
}

export function LevelsSection({ body, set, disabled }: SectionProps) {
  const { t } = useTranslation();
  return (
    <Checkbox.Group
      disabled={disabled} value={body.levels} data-testid="plan-levels"
      onChange={(v) => set({ levels: PLAN_LEVELS.filter((l) => (v as PlanLevel[]).includes(l)) })}
      options={PLAN_LEVELS.map((l) => ({ value: l, label: t(`plans.levelNames.${l}`) }))}
    />
  );
}

const levelOptions = (t: (k: string) => string, levels: PlanLevel[]) => levels.map((l) => ({ value: l, label: t(`plans.levelNames.${l}`) }));

export function TriggersSection({ body, set, disabled, matters }: SectionProps & { matters: Option[] }) {
  const { t } = useTranslation();
  const triggers = body.triggers;
  const put = (i: number, x: PlanTrigger) => set({ triggers: replaceAt(triggers, i, x) });
  const lowest = body.levels[0] ?? 'IV';
  const alarmTypes = Object.keys(plansZh.alarmTypes).map((k) => ({ value: k, label: t(`plans.alarmTypes.${k}`) }));
  const add = () => set({ triggers: [...triggers, { kind: 'alarm', alarmType: 'waterLevelHigh', minLevel: 'orange', level: lowest, activate: 'suggest' }] });
  const changeKind = (i: number, kind: PlanTrigger['kind']) => {
    const old = triggers[i];
    const level = old && old.kind !== 'manual' ? old.level : lowest;
    const activate = old && old.kind !== 'manual' ? old.activate : 'suggest';
    put(i, kind === 'alarm' ? { kind, alarmType: 'waterLevelHigh', minLevel: 'orange', level, activate }
      : kind === 'case' ? { kind, categoryCode: body.matterCode || matters[0]?.value || '', level, activate }
        : kind === 'alert' ? { kind, alertType: '', level, activate } : { kind: 'manual' });
  };
  return (
    <div data-testid="plan-triggers">
      {!triggers.length ? <Typography.Paragraph type="secondary">{t('plans.editor.trigger.manualOnly')}</Typography.Paragraph> : null}
      {triggers.map((tr, i) => (
        <div className="zz-plan-row" key={i} data-testid="plan-trigger">
          <Form layout="vertical" disabled={disabled}>
            <div className="zz-plan-grid" style={{ gridTemplateColumns: 'repeat(auto-fill, minmax(160px, 1fr))' }}>
              <Form.Item label={t('plans.editor.trigger.kind')}>
                <Select value={tr.kind} onChange={(k: PlanTrigger['kind']) => changeKind(i, k)} data-testid="trigger-kind"
                  options={(['alarm', 'case', 'alert', 'manual'] as const).map((k) => ({ value: k, label: t(`plans.triggerKinds.${k}`) }))} />
              </Form.Item>
              {tr.kind === 'alarm' ? (
                <>
                  <Form.Item label={t('plans.editor.trigger.alarmType')}>
                    <Select showSearch={{ optionFilterProp: 'label' }} value={tr.alarmType} onChange={(alarmType: string) => put(i, { ...tr, alarmType })} options={alarmTypes} data-testid="trigger-alarm-type" />
                  </Form.Item>
                  <Form.Item label={t('plans.editor.trigger.minLevel')}>
                    <Select value={tr.minLevel} onChange={(minLevel: AlarmLevel) => put(i, { ...tr, minLevel })} data-testid="trigger-min-level"
                      options={ALARM_LEVELS.map((l) => ({ value: l, label: t(`plans.alarmLevels.${l}`) }))} />
                  </Form.Item>
                </>
              ) : null}
              {tr.kind === 'case' ? (
                <Form.Item label={t('plans.editor.trigger.categoryCode')}>
                  <Select showSearch={{ optionFilterProp: 'label' }} value={tr.categoryCode || undefined} onChange={(categoryCode: string) => put(i, { ...tr, categoryCode })} options={matters} data-testid="trigger-category" />
                </Form.Item>
              ) : null}
              {tr.kind === 'alert' ? (
                <Form.Item label={t('plans.editor.trigger.alertType')}>
                  <Input value={tr.alertType} maxLength={40} placeholder={t('plans.editor.trigger.alertTypeHint')} onChange={(e) => put(i, { ...tr, alertType: e.target.value })} data-testid="trigger-alert-type" />
                </Form.Item>
              ) : null}
              {tr.kind !== 'manual' ? (
                <>
                  <Form.Item label={t('plans.editor.trigger.level')}>
                    <Select value={tr.level} onChange={(level: PlanLevel) => put(i, { ...tr, level })} options={levelOptions(t, body.levels)} data-testid="trigger-level" />
                  </Form.Item>
                  <Form.Item label={t('plans.editor.trigger.mode')}>
                    <Select value={tr.activate} onChange={(activate: TriggerMode) => put(i, { ...tr, activate })} data-testid="trigger-mode"
                      options={TRIGGER_MODES.map((m) => ({ value: m, label: t(`plans.modes.${m}`) }))} />
                  </Form.Item>
                </>
              ) : null}
            </div>
          </Form>
          {!disabled ? <Button type="text" danger size="small" icon={<DeleteOutlined />} onClick={() => set({ triggers: removeAt(triggers, i) })} style={{ marginTop: 6 }}>{t('plans.editor.trigger.remove')}</Button> : null}
        </div>
      ))}
      {!disabled && triggers.length < L.triggers ? <Button icon={<PlusOutlined />} onClick={add} data-testid="trigger-add">{t('plans.editor.trigger.add')}</Button> : null}
    </div>
  );
}

export interface PostOption extends Option { staffing: 'full' | 'partial' | 'vacant' }

export function RolesSection({ body, set, disabled, posts, people }: SectionProps & { posts: PostOption[]; people: Option[] }) {
  const { t } = useTranslation();
  const roles = body.roles;
  const put = (i: number, x: PlanRole) => set({ roles: replaceAt(roles, i, x) });
  const add = () => set({ roles: [...roles, { key: nextKey('r', roles.map((r) => r.key)), name: '', postCode: null, backupAccountIds: [] }] });
  const used = (key: string) => body.steps.some((s) => s.roleKey === key);
  const postOptions = posts.map((p) => ({
    value: p.value, label: p.label,
    title: p.label,
    desc: p.staffing,
  }));
  return (
    <div data-testid="plan-roles">
      {roles.map((r, i) => (
        <div className="zz-plan-row" key={r.key} data-testid="plan-role">
          <Form layout="vertical" disabled={disabled}>
            <div className="zz-plan-grid" style={{ gridTemplateColumns: 'minmax(160px, 1fr) minmax(220px, 1.3fr) minmax(220px, 1.5fr) auto' }}>
              <Form.Item label={t('plans.editor.role.name')} required>
                <Input value={r.name} maxLength={L.title} onChange={(e) => put(i, { ...r, name: e.target.value })} data-testid="role-name" />
              </Form.Item>
              <Form.Item label={t('plans.editor.role.post')}>
                <Select
                  allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('plans.editor.role.postHint')} value={r.postCode ?? undefined} data-testid="role-post"
                  onChange={(v?: string) => put(i, { ...r, postCode: v ?? null })}
                  options={postOptions}
                  optionRender={(o) => (
                    <Space><span>{o.label}</span>{o.data.desc !== 'full' ? <Tag color={o.data.desc === 'vacant' ? 'red' : 'gold'} bordered={false}>{t(`plans.editor.role.staffing.${o.data.desc}`)}</Tag> : null}</Space>
                  )}
                />
              </Form.Item>
              <Form.Item label={t('plans.editor.role.backups')} tooltip={t('plans.editor.role.backupsHint')}>
                <Select mode="multiple" maxCount={L.backups} showSearch={{ optionFilterProp: 'label' }} value={r.backupAccountIds} onChange={(ids: string[]) => put(i, { ...r, backupAccountIds: ids })} options={people} data-testid="role-backups" />
              </Form.Item>
              {!disabled ? (
                <Form.Item label=" ">
                  <Tooltip title={used(r.key) ? t('plans.editor.role.remove') : undefined}>
                    <Button type="text" danger icon={<DeleteOutlined />} disabled={used(r.key)} onClick={() => set({ roles: removeAt(roles, i) })} aria-label={t('plans.editor.role.remove')} />
                  </Tooltip>
                </Form.Item>
              ) : null}
            </div>
          </Form>
        </div>
      ))}
      {!disabled && roles.length < L.roles ? <Button icon={<PlusOutlined />} onClick={add} data-testid="role-add">{t('plans.editor.role.add')}</Button> : null}
    </div>
  );
}

function DueInput({ value, onChange, disabled }: { value: number; onChange(min: number): void; disabled: boolean }) {
  const { t } = useTranslation();
  const [unit, setUnit] = useState<'m' | 'h'>(value >= 60 && value % 60 === 0 ? 'h' : 'm');
  const shown = unit === 'h' ? value / 60 : value;
  return (
    <Space.Compact style={{ width: '100%' }}>
      <InputNumber min={0} max={unit === 'h' ? L.maxDueOffsetMin / 60 : L.maxDueOffsetMin} precision={unit === 'h' ? 1 : 0} value={shown} disabled={disabled} style={{ width: '100%' }}
        onChange={(v) => onChange(Math.max(0, Math.round((v ?? 0) * (unit === 'h' ? 60 : 1))))} data-testid="step-due" />
      <Select value={unit} disabled={disabled} style={{ width: 104 }} onChange={setUnit} data-testid="step-due-unit"
        options={[{ value: 'm', label: t('plans.editor.step.minutes') }, { value: 'h', label: t('plans.editor.step.hours') }]} />
    </Space.Compact>
  );
}

function Checklist({ items, onChange, disabled }: { items: string[]; onChange(xs: string[]): void; disabled: boolean }) {
  const { t } = useTranslation();
  return (
    <div data-testid="step-checklist">
      {items.map((x, i) => (
        <div className="zz-plan-check" key={i}>
          <Typography.Text type="secondary" style={{ width: 20, textAlign: 'right', paddingTop: 5 }}>{i + 1}.</Typography.Text>
          <Input value={x} maxLength={L.checklistItem} disabled={disabled} onChange={(e) => onChange(replaceAt(items, i, e.target.value))} placeholder={t('plans.editor.step.item')} data-testid="step-check-item" />
          {!disabled ? <Button type="text" icon={<DeleteOutlined />} onClick={() => onChange(removeAt(items, i))} aria-label={t('plans.editor.step.remove')} /> : null}
        </div>
      ))}
      {!disabled && items.length < L.checklistItems ? <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => onChange([...items, ''])} data-testid="step-check-add">{t('plans.editor.step.addItem')}</Button> : null}
    </div>
  );
}

export function StepsSection({ body, set, disabled }: SectionProps) {
  const { t } = useTranslation();
  const steps = body.steps;
  const put = (i: number, x: PlanStep) => set({ steps: replaceAt(steps, i, x) });
  const add = () => set({
    steps: [...steps, { key: nextKey('s', steps.map((s) => s.key)), title: '', roleKey: body.roles[0]?.key ?? '', dueOffsetMin: 30, fromLevel: body.levels[0] ?? 'IV', checklist: [] }],
  });
  const roleOptions = body.roles.map((r) => ({ value: r.key, label: r.name || r.key }));
  return (
    <div data-testid="plan-steps">
      {steps.map((s, i) => (
        <div className="zz-plan-row" key={s.key} data-testid="plan-step">
          <div className="zz-plan-row-head">
            <span className="zz-plan-order">{t('plans.editor.step.order', { n: i + 1 })}</span>
            <Input className="zz-plan-grow" value={s.title} maxLength={L.title} disabled={disabled} placeholder={t('plans.editor.step.title')} onChange={(e) => put(i, { ...s, title: e.target.value })} data-testid="step-title" />
            {!disabled ? (
              <Space size={0}>
                <Button type="text" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => set({ steps: move(steps, i, -1) })} aria-label={t('plans.editor.step.up')} data-testid="step-up" />
                <Button type="text" icon={<ArrowDownOutlined />} disabled={i === steps.length - 1} onClick={() => set({ steps: move(steps, i, 1) })} aria-label={t('plans.editor.step.down')} />
                <Button type="text" danger icon={<DeleteOutlined />} onClick={() => set({ steps: removeAt(steps, i) })} aria-label={t('plans.editor.step.remove')} />
              </Space>
            ) : null}
          </div>
          <Form layout="vertical" disabled={disabled}>
            <div className="zz-plan-grid" style={{ gridTemplateColumns: 'minmax(160px, 1fr) minmax(180px, 1fr) minmax(150px, 0.8fr) minmax(260px, 2fr)' }}>
              <Form.Item label={t('plans.editor.step.role')}>
                <Select value={s.roleKey || undefined} onChange={(roleKey: string) => put(i, { ...s, roleKey })} options={roleOptions} data-testid="step-role" />
              </Form.Item>
              <Form.Item label={t('plans.editor.step.due')}><DueInput value={s.dueOffsetMin} disabled={disabled} onChange={(dueOffsetMin) => put(i, { ...s, dueOffsetMin })} /></Form.Item>
              <Form.Item label={t('plans.editor.step.fromLevel')}>
                <Select value={s.fromLevel} onChange={(fromLevel: PlanLevel) => put(i, { ...s, fromLevel })} data-testid="step-from-level"
                  options={body.levels.map((l) => ({ value: l, label: t('plans.editor.step.fromLevelTip', { level: t(`plans.levels.${l}`) }) }))} />
              </Form.Item>
              <Form.Item label={t('plans.editor.step.checklist')}><Checklist items={s.checklist} disabled={disabled} onChange={(checklist) => put(i, { ...s, checklist })} /></Form.Item>
            </div>
          </Form>
        </div>
      ))}
      {!disabled && steps.length < L.steps ? <Button icon={<PlusOutlined />} onClick={add} data-testid="step-add">{t('plans.editor.step.add')}</Button> : null}
    </div>
  );
}

export function ResourcesSection({ body, set, disabled }: SectionProps) {
  const { t } = useTranslation();
  const [picking, setPicking] = useState<number | null>(null);
  const xs = body.resources;
  const put = (i: number, x: PlanResource) => set({ resources: replaceAt(xs, i, x) });
  const add = () => set({
    resources: [...xs, { key: nextKey('res', xs.map((r) => r.key)), kind: 'team', name: '', quantity: null, unit: null, location: null, address: null, contactName: null, contactPhone: null }],
  });
  return (
    <div data-testid="plan-resources">
      {xs.map((r, i) => (
        <div className="zz-plan-row" key={r.key} data-testid="plan-resource">
          <Form layout="vertical" disabled={disabled}>
            <div className="zz-plan-grid" style={{ gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))' }}>
              <Form.Item label={t('plans.editor.resource.kind')}>
                <Select value={r.kind} onChange={(kind: PlanResource['kind']) => put(i, { ...r, kind })} options={RESOURCE_KINDS.map((k) => ({ value: k, label: t(`plans.resourceKinds.${k}`) }))} data-testid="resource-kind" />
              </Form.Item>
              <Form.Item label={t('plans.editor.resource.name')} required>
                <Input value={r.name} maxLength={L.resourceText} onChange={(e) => put(i, { ...r, name: e.target.value })} data-testid="resource-name" />
              </Form.Item>
              <Form.Item label={t('plans.editor.resource.quantity')}>
                <InputNumber min={0} value={r.quantity} style={{ width: '100%' }} onChange={(v) => put(i, { ...r, quantity: v ?? null })} data-testid="resource-quantity" />
              </Form.Item>
              <Form.Item label={t('plans.editor.resource.unit')}>
                <Input value={r.unit ?? ''} maxLength={20} onChange={(e) => put(i, { ...r, unit: orNull(e.target.value) })} data-testid="resource-unit" />
              </Form.Item>
              <Form.Item label={t('plans.editor.resource.address')}>
                <Input value={r.address ?? ''} maxLength={L.resourceText} onChange={(e) => put(i, { ...r, address: orNull(e.target.value) })} data-testid="resource-address" />
              </Form.Item>
              <Form.Item label={t('plans.editor.resource.contactName')}>
                <Input value={r.contactName ?? ''} maxLength={L.resourceText} onChange={(e) => put(i, { ...r, contactName: orNull(e.target.value) })} data-testid="resource-contact" />
              </Form.Item>
              <Form.Item label={t('plans.editor.resource.contactPhone')}>
                <Input value={r.contactPhone ?? ''} maxLength={L.phone} onChange={(e) => put(i, { ...r, contactPhone: orNull(e.target.value) })} data-testid="resource-phone" />
              </Form.Item>
              <Form.Item label={t('plans.editor.resource.location')}>
                <Space size={0}>
                  <Button icon={<EnvironmentOutlined />} type={r.location ? 'default' : 'dashed'} onClick={() => setPicking(i)} data-testid="resource-pick" disabled={false}>
                    {r.location ? t('plans.editor.resource.picked') : disabled ? t('plans.editor.resource.noPoint') : t('plans.editor.resource.pick')}
                  </Button>
                  {!disabled ? <Button type="text" danger icon={<DeleteOutlined />} onClick={() => set({ resources: removeAt(xs, i) })} aria-label={t('plans.editor.resource.remove')} /> : null}
                </Space>
              </Form.Item>
            </div>
          </Form>
        </div>
      ))}
      {!disabled && xs.length < L.resources ? <Button icon={<PlusOutlined />} onClick={add} data-testid="resource-add">{t('plans.editor.resource.add')}</Button> : null}
      <ResourcePointModal
        open={picking !== null} name={picking !== null ? xs[picking]?.name ?? '' : ''} value={picking !== null ? xs[picking]?.location ?? null : null}
        onClose={() => setPicking(null)} onPick={(at) => { const r = picking !== null ? xs[picking] : undefined; if (picking !== null && r && !disabled) put(picking, { ...r, location: { lng: Number(at.lng.toFixed(6)), lat: Number(at.lat.toFixed(6)) } }); }}
      />
    </div>
  );
}

export function NoticeSection({ body, set, disabled }: SectionProps) {
  const { t } = useTranslation();
  const n = body.notice;
  const put = (patch: Partial<PlanBody['notice']>) => set({ notice: { ...n, ...patch } });
  return (
    <Form layout="vertical" disabled={disabled} data-testid="plan-notice">
      <div className="zz-plan-grid" style={{ gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))' }}>
        <Form.Item label={t('plans.editor.notice.event')} required><Input value={n.event} maxLength={L.title} onChange={(e) => put({ event: e.target.value })} data-testid="notice-event" /></Form.Item>
        <Form.Item label={t('plans.editor.notice.urgency')}>
          <Select value={n.urgency} onChange={(urgency) => put({ urgency })} options={CAP_URGENCIES.map((x) => ({ value: x, label: t(`plans.cap.urgency.${x}`) }))} />
        </Form.Item>
        <Form.Item label={t('plans.editor.notice.severity')}>
          <Select value={n.severity ?? ''} onChange={(v: string) => put({ severity: (v || null) as PlanBody['notice']['severity'] })}
            options={[{ value: '', label: t('plans.editor.notice.severityAuto') }, ...CAP_SEVERITIES.map((x) => ({ value: x, label: t(`plans.cap.severity.${x}`) }))]} />
        </Form.Item>
        <Form.Item label={t('plans.editor.notice.certainty')}>
          <Select value={n.certainty} onChange={(certainty) => put({ certainty })} options={CAP_CERTAINTIES.map((x) => ({ value: x, label: t(`plans.cap.certainty.${x}`) }))} />
        </Form.Item>
        <Form.Item label={t('plans.editor.notice.expiresAfterH')}>
          <InputNumber min={1} max={L.maxExpiresH} value={n.expiresAfterH} style={{ width: '100%' }} onChange={(v) => put({ expiresAfterH: v ?? 1 })} data-testid="notice-expires" />
        </Form.Item>
      </div>
      <Form.Item label={t('plans.editor.notice.headline')} required style={{ marginTop: 8 }}><Input value={n.headline} maxLength={L.headline} onChange={(e) => put({ headline: e.target.value })} data-testid="notice-headline" /></Form.Item>
      <Form.Item label={t('plans.editor.notice.areaDesc')} required><Input value={n.areaDesc} maxLength={L.title} onChange={(e) => put({ areaDesc: e.target.value })} data-testid="notice-area" /></Form.Item>
      <Form.Item label={t('plans.editor.notice.description')} required><Input.TextArea rows={3} maxLength={L.noticeText} value={n.description} onChange={(e) => put({ description: e.target.value })} data-testid="notice-description" /></Form.Item>
      <Form.Item label={t('plans.editor.notice.instruction')} required style={{ marginBottom: 0 }}><Input.TextArea rows={3} maxLength={L.noticeText} value={n.instruction} onChange={(e) => put({ instruction: e.target.value })} data-testid="notice-instruction" /></Form.Item>
    </Form>
  );
}
