// 个人化阈值: the device's rules as its profile sets them, beside this bound person's overrides (a rule switched off, its
// numbers changed); saved as the whole set with the device's version. Read-only without the editOverrides policy.
import { useEffect, useState } from 'react';
import { App, Button, Card, InputNumber, Space, Switch, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, errorText } from '../../lib/api.ts';
import { updateDevice, type DeviceDetail, type Overrides, type Rule, type RuleOverride } from './api.ts';
import { DurationInput } from './DurationInput.tsx';
import { ruleSummary } from './parts.tsx';

/** The numbers of a rule an override may change, by its kind. */
const FIELDS: Record<Rule['kind'], (keyof RuleOverride)[]> = {
  threshold: ['value', 'forSec'], inactivity: ['afterSec'], repeat: ['count', 'withinSec'], offline: ['afterSec'],
};
const SECONDS = new Set<keyof RuleOverride>(['forSec', 'afterSec', 'withinSec']);

/** Drops empty entries and the values equal to the profile's, so an override says only what differs. */
function tidy(rules: Rule[], o: Overrides): Overrides {
  const out: Overrides = {};
  for (const r of rules) {
    const x = o[r.id];
    if (!x) continue;
    const kept: RuleOverride = {};
    if (x.enabled !== undefined && x.enabled !== r.enabled) kept.enabled = x.enabled;
    for (const f of FIELDS[r.kind]) {
      const v = x[f];
      if (typeof v === 'number' && v !== (r as unknown as Record<string, unknown>)[f]) (kept as Record<string, number>)[f] = v;
    }
    if (Object.keys(kept).length) out[r.id] = kept;
  }
  return out;
}

export function OverridesCard({ detail, onSaved }: { detail: DeviceDetail; onSaved(): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [draft, setDraft] = useState<Overrides>(detail.overrides);
  const [busy, setBusy] = useState(false);
  useEffect(() => setDraft(detail.overrides), [detail]);
  const editable = detail.device.policies.includes('editOverrides') && detail.device.status === 'active';
  const set = (id: string, patch: RuleOverride) => setDraft((d) => ({ ...d, [id]: { ...d[id], ...patch } }));

  const save = async () => {
    setBusy(true);
    try {
      await updateDevice(detail.device.id, { version: detail.device.version, overrides: tidy(detail.rules, draft) });
      message.success(t('devices.overrides.saved'));
      onSaved();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) { message.warning(t('devices.detail.conflict')); onSaved(); } else message.error(errorText(e, i18n.language));
    } finally { setBusy(false); }
  };

  const field = (r: Rule, f: keyof RuleOverride) => {
    const own = draft[r.id]?.[f] as number | undefined;
    const base = (r as unknown as Record<string, number>)[f];
    const label = t(`devices.rules.field.${f}`);
    if (SECONDS.has(f)) {
      return <Space key={f} size={4}><span>{label}</span><DurationInput value={own ?? base} disabled={!editable} onChange={(v) => set(r.id, { [f]: v })} testId={`override-${r.id}-${f}`} /></Space>;
    }
    return <Space key={f} size={4}><span>{label}</span><InputNumber value={own ?? base} disabled={!editable} onChange={(v) => set(r.id, { [f]: v ?? undefined })} data-testid={`override-${r.id}-${f}`} style={{ width: 90 }} /></Space>;
  };

  const columns: TableColumnsType<Rule> = [
    { title: t('devices.overrides.rule'), key: 'rule', render: (_: unknown, r) => <Space orientation="vertical" size={0}><strong>{r.name}</strong><Typography.Text type="secondary">{ruleSummary(t, r)}</Typography.Text></Space> },
    { title: t('devices.overrides.enabled'), key: 'enabled', width: 70, render: (_: unknown, r) => <Switch size="small" checked={draft[r.id]?.enabled ?? r.enabled} disabled={!editable} onChange={(v) => set(r.id, { enabled: v })} data-testid={`override-${r.id}-enabled`} /> },
    { title: t('devices.overrides.override'), key: 'fields', render: (_: unknown, r) => <Space wrap>{FIELDS[r.kind].map((f) => field(r, f))}</Space> },
  ];
  return (
    <Card
      size="small" title={t('devices.overrides.title')} data-testid="overrides-card"
      extra={editable ? (
        <Space>
          <Button size="small" onClick={() => setDraft({})} data-testid="overrides-reset">{t('devices.overrides.reset')}</Button>
          <Button size="small" type="primary" loading={busy} onClick={() => void save()} data-testid="overrides-save">{t('devices.overrides.save')}</Button>
        </Space>
      ) : null}
    >
      <Typography.Paragraph type="secondary">{editable || detail.device.status === 'retired' ? t('devices.overrides.subtitle') : `${t('devices.overrides.subtitle')} ${t('devices.overrides.readOnly')}`}</Typography.Paragraph>
      <Table<Rule> rowKey="id" size="small" pagination={false} columns={columns} dataSource={detail.rules} />
    </Card>
  );
}
