// 积分细则: a community's rules — base, bonus, minus and veto items with their points, caps per period, veto months and
// the system's events that award them — edited as a whole set (items taken out are retired, never deleted), saved, and
// published to the community's residents.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Empty, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { ButtonProps, TableColumnsType } from 'antd';
import { CloudUploadOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { AUTO_EVENTS, CAP_PERIODS, POINT_RULE_KINDS, type AutoEvent, type PointRuleKind } from '../../../shared/points.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { useApi } from '../../lib/useApi.ts';
import { ApiError, errorText } from '../../lib/api.ts';
import { fetchRules, publishRules, saveRules, type Rule, type RuleInput } from './api.ts';
import { RuleKindTag, timeText, useCommunity } from './parts.tsx';
import './locales.ts';

const inputOf = (r: Rule): RuleInput => ({
  code: r.code, name: r.name, kind: r.kind, points: r.points, subjectKind: r.subjectKind,
  capPoints: r.capPoints, capPeriod: r.capPeriod, vetoMonths: r.vetoMonths, autoEvent: r.autoEvent,
});

export function RulesPage() {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const { community, picker } = useCommunity();
  const set = useApi(community ? (signal) => fetchRules(community.id, signal) : null, [community?.id]);
  const [draft, setDraft] = useState<RuleInput[] | null>(null);
  const [editing, setEditing] = useState<{ index: number | null; rule: RuleInput } | null>(null);
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string[] | null>(null);
  useEffect(() => { setDraft(null); setRefusal(null); }, [set.data]);

  const data = set.data;
  const active = draft ?? (data?.rules.filter((r) => !r.retired).map(inputOf) ?? []);
  const retired = data?.rules.filter((r) => r.retired && !active.some((a) => a.code === r.code)) ?? [];
  const canEdit = !!data?.policies.includes('update');
  const canPublish = !!data?.policies.includes('publish');

  const save = async () => {
    if (!community || !data || !draft) return;
    setSaving(true);
    setRefusal(null);
    try {
      await saveRules(community.id, { version: data.version, rules: draft });
      message.success(t('points.rules.savedOk'));
      set.reload();
    } catch (e) {
      const reasons = e instanceof ApiError ? (e.details as { reasons?: string[] } | undefined)?.reasons : undefined;
      setRefusal(reasons?.length ? reasons : [errorText(e, i18n.language)]);
    } finally {
      setSaving(false);
    }
  };
  const publish = () => modal.confirm({
    title: t('points.rules.publish'), content: t('points.rules.publishConfirm'), okText: t('points.ok'), cancelText: t('points.cancel'),
    onOk: async () => {
      try { await publishRules(community!.id); message.success(t('points.rules.publishedOk')); set.reload(); }
      catch (e) { message.error(errorText(e, i18n.language)); }
    },
  });

  const capText = (r: RuleInput) => (r.capPoints && r.capPeriod ? t('points.rules.capText', { points: r.capPoints, period: t(`points.capPeriods.${r.capPeriod}`) }) : t('points.rules.noCap'));
  const columns: TableColumnsType<RuleInput> = [
    { title: t('points.rules.col.code'), dataIndex: 'code', width: 150, render: (v: string) => <Typography.Text type="secondary" className="zz-code" translate="no">{v}</Typography.Text> },
    { title: t('points.rules.col.name'), dataIndex: 'name', render: (v: string) => <Typography.Text strong data-testid="rule-name">{v}</Typography.Text> },
    { title: t('points.rules.col.kind'), dataIndex: 'kind', width: 100, render: (v: PointRuleKind) => <RuleKindTag kind={v} /> },
    { title: t('points.rules.col.points'), dataIndex: 'points', width: 80, align: 'right', render: (v: number, r) => <Typography.Text type={r.kind === 'minus' || r.kind === 'veto' ? 'danger' : undefined}>{r.kind === 'minus' || r.kind === 'veto' ? `−${v}` : `+${v}`}</Typography.Text> },
    { title: t('points.rules.col.subject'), dataIndex: 'subjectKind', width: 70, render: (v: 'household' | 'person') => t(`points.subjectKinds.${v}`) },
    { title: t('points.rules.col.cap'), key: 'cap', width: 150, render: (_: unknown, r) => capText(r) },
    { title: t('points.rules.col.veto'), dataIndex: 'vetoMonths', width: 90, render: (v: number | null | undefined) => (v ? t('points.rules.vetoText', { months: v }) : '—') },
    { title: t('points.rules.col.auto'), dataIndex: 'autoEvent', width: 130, render: (v: string | null | undefined) => (v ? <Tag color="purple" bordered={false}>{t(`points.autoEvents.${v}`)}</Tag> : '—') },
    ...(canEdit ? [{
      title: t('points.rules.col.actions'), key: 'actions', width: 120,
      render: (_: unknown, r: RuleInput, index: number) => (
        <Space size={4}>
          <Button size="small" type="link" onClick={() => setEditing({ index, rule: r })} data-testid="rule-edit">{t('points.rules.edit')}</Button>
          <Button size="small" type="link" danger onClick={() => setDraft(active.filter((_x, i) => i !== index))}>{t('points.rules.retire')}</Button>
        </Space>
      ),
    }] : []),
  ];

  const status = data?.published
    ? <Tag color="green" data-testid="rules-published">{t('points.rules.published', { version: data.published.version, at: timeText(data.published.publishedAt) })}</Tag>
    : <Tag data-testid="rules-published">{t('points.rules.unpublished')}</Tag>;

  return (
    <div className="zz-page" data-testid="point-rules-page">
      <PageHeader title={t('points.rules.title')} subtitle={t('points.rules.subtitle')} extra={
        <Space wrap>
          {picker}
          {data ? status : null}
          {data?.unpublishedChanges && !draft ? <Tag color="orange">{t('points.rules.draftChanged')}</Tag> : null}
          {canEdit ? <Button icon={<PlusOutlined />} onClick={() => setEditing({ index: null, rule: { code: '', name: '', kind: 'bonus', points: 5, subjectKind: 'household' } })} data-testid="rule-add">{t('points.rules.add')}</Button> : null}
          {canEdit ? <Button type="primary" icon={<SaveOutlined />} disabled={!draft} loading={saving} onClick={() => void save()} data-testid="rules-save">{t('points.rules.saveAll')}</Button> : null}
          {canPublish ? <Button icon={<CloudUploadOutlined />} disabled={!!draft || !data?.unpublishedChanges} onClick={publish} data-testid="rules-publish">{t('points.rules.publish')}</Button> : null}
        </Space>
      } />
      {refusal ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t('points.rules.refused')} description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{refusal.map((x) => <li key={x}>{x}</li>)}</ul>} data-testid="rules-refused" /> : null}
      {set.error ? <ErrorState error={set.error} onRetry={set.reload} /> : (
        <Table<RuleInput> rowKey="code" size="middle" columns={columns} dataSource={active} loading={set.loading} pagination={false} data-testid="rules-table"
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('points.rules.empty')} /> }} />
      )}
      {retired.length ? (
        <div style={{ marginTop: 16 }}>
          <Typography.Text type="secondary">{t('points.rules.retired')}：</Typography.Text>
          {retired.map((r) => <Tag key={r.code} bordered={false}>{r.name}</Tag>)}
        </div>
      ) : null}
      <RuleDialog value={editing?.rule ?? null} existing={active.map((r) => r.code).filter((c) => c !== editing?.rule.code)} onClose={() => setEditing(null)}
        onSave={(rule) => {
          const next = [...active];
          if (editing?.index === null || editing?.index === undefined) next.push(rule); else next[editing.index] = rule;
          setDraft(next);
          setEditing(null);
        }} />
    </div>
  );
}

function RuleDialog({ value, existing, onClose, onSave }: { value: RuleInput | null; existing: string[]; onClose(): void; onSave(r: RuleInput): void }) {
  const { t } = useTranslation();
  const [rule, setRule] = useState<RuleInput | null>(value);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => { setRule(value); setError(null); }, [value]);
  if (!rule) return null;
  const set = (patch: Partial<RuleInput>) => setRule({ ...rule, ...patch });
  const ok = () => {
    const f = (k: string) => t('points.rules.form.required', { field: t(`points.rules.form.${k}`) });
    if (!rule.code.trim()) return setError(f('code'));
    if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(rule.code.trim()) || existing.includes(rule.code.trim())) return setError(f('code'));
    if (!rule.name.trim()) return setError(f('name'));
    if (!!rule.capPoints !== !!rule.capPeriod) return setError(t('points.rules.form.capBoth'));
    if (rule.kind === 'veto' && !rule.vetoMonths) return setError(t('points.rules.form.vetoNeeded'));
    onSave({ ...rule, code: rule.code.trim(), name: rule.name.trim(), vetoMonths: rule.kind === 'veto' ? rule.vetoMonths : null });
  };
  return (
    <Modal open onCancel={onClose} title={t('points.rules.form.title')} onOk={ok} okText={t('points.ok')} cancelText={t('points.cancel')}
      okButtonProps={{ 'data-testid': 'rule-ok' } as ButtonProps} destroyOnHidden>
      <Form layout="vertical" component="div">
        <Space.Compact block>
          <Form.Item label={t('points.rules.form.code')} required style={{ width: 160, marginInlineEnd: 12 }}>
            <Input value={rule.code} maxLength={40} placeholder={t('points.rules.form.codePh')} onChange={(e) => set({ code: e.target.value })} data-testid="rule-code" translate="no" />
          </Form.Item>
          <Form.Item label={t('points.rules.form.name')} required style={{ flex: 1 }}>
            <Input value={rule.name} maxLength={60} placeholder={t('points.rules.form.namePh')} onChange={(e) => set({ name: e.target.value })} data-testid="rule-name-input" />
          </Form.Item>
        </Space.Compact>
        <Space wrap size={12}>
          <Form.Item label={t('points.rules.form.kind')} required>
            <Select<PointRuleKind> style={{ width: 130 }} value={rule.kind} onChange={(kind) => set({ kind })} data-testid="rule-kind"
              options={POINT_RULE_KINDS.map((k) => ({ value: k, label: t(`points.kinds.${k}`) }))} />
          </Form.Item>
          <Form.Item label={t('points.rules.form.points')} required tooltip={t('points.rules.form.pointsHint')}>
            <InputNumber min={0} max={1000} precision={0} value={rule.points} onChange={(v) => set({ points: v ?? 0 })} data-testid="rule-points" />
          </Form.Item>
          <Form.Item label={t('points.rules.form.subject')}>
            <Select style={{ width: 100 }} value={rule.subjectKind} onChange={(subjectKind) => set({ subjectKind })}
              options={(['household', 'person'] as const).map((k) => ({ value: k, label: t(`points.subjectKinds.${k}`) }))} />
          </Form.Item>
        </Space>
        <Space wrap size={12}>
          <Form.Item label={t('points.rules.form.capPoints')}>
            <InputNumber min={1} max={100000} precision={0} value={rule.capPoints ?? null} onChange={(v) => set({ capPoints: v ?? null })} data-testid="rule-cap" />
          </Form.Item>
          <Form.Item label={t('points.rules.form.capPeriod')}>
            <Select allowClear style={{ width: 120 }} value={rule.capPeriod ?? undefined} onChange={(v) => set({ capPeriod: v ?? null })} data-testid="rule-cap-period"
              options={CAP_PERIODS.map((p) => ({ value: p, label: t(`points.capPeriods.${p}`) }))} />
          </Form.Item>
          {rule.kind === 'veto' ? (
            <Form.Item label={t('points.rules.form.vetoMonths')} required tooltip={t('points.rules.form.vetoHint')}>
              <InputNumber min={1} max={60} precision={0} value={rule.vetoMonths ?? null} onChange={(v) => set({ vetoMonths: v ?? null })} data-testid="rule-veto" />
            </Form.Item>
          ) : null}
        </Space>
        <Form.Item label={t('points.rules.form.autoEvent')}>
          <Select<AutoEvent | ''> style={{ width: 220 }} value={rule.autoEvent ?? ''} onChange={(v: AutoEvent | '') => set({ autoEvent: v || null })} data-testid="rule-auto"
            options={[{ value: '', label: t('points.rules.form.autoNone') }, ...AUTO_EVENTS.map((e) => ({ value: e, label: t(`points.autoEvents.${e}`) }))]} />
        </Form.Item>
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Form>
    </Modal>
  );
}
