// 修订记录: a plan's versions, newest first (who saved, when, the note), and the comparison of two versions' steps —
// steps added, removed and changed (title, role, due, from level, checklist), matched by their keys.
import { useEffect, useState } from 'react';
import { Alert, Button, Checkbox, Drawer, Empty, List, Space, Spin, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanBody, PlanStep } from '../../../shared/plans.ts';
import { errorText } from '../../lib/api.ts';
import { fetchPlanVersion, type PlanDetail, type PlanVersion } from './api.ts';
import { dueText, timeText } from './parts.tsx';
import './locales.ts';
import './plans.css';

type Change = 'added' | 'removed' | 'changed' | 'same';
const FIELDS = ['title', 'role', 'due', 'fromLevel', 'checklist'] as const;
type Field = (typeof FIELDS)[number];
export interface StepDiff { key: string; change: Change; before: PlanStep | null; after: PlanStep | null; fields: Field[] }

/** The steps of `b` against `a`, in b's order, the removed ones after. */
export function diffSteps(a: PlanBody, b: PlanBody): StepDiff[] {
  const roleName = (body: PlanBody, key: string) => body.roles.find((r) => r.key === key)?.name ?? key;
  const before = new Map(a.steps.map((s) => [s.key, s]));
  const out: StepDiff[] = b.steps.map((s) => {
    const o = before.get(s.key);
    if (!o) return { key: s.key, change: 'added', before: null, after: s, fields: [] };
    const fields = FIELDS.filter((f) => (
      f === 'title' ? o.title !== s.title : f === 'role' ? roleName(a, o.roleKey) !== roleName(b, s.roleKey) : f === 'due' ? o.dueOffsetMin !== s.dueOffsetMin
        : f === 'fromLevel' ? o.fromLevel !== s.fromLevel : JSON.stringify(o.checklist) !== JSON.stringify(s.checklist)));
    return { key: s.key, change: fields.length ? 'changed' : 'same', before: o, after: s, fields };
  });
  const kept = new Set(b.steps.map((s) => s.key));
  for (const s of a.steps) if (!kept.has(s.key)) out.push({ key: s.key, change: 'removed', before: s, after: null, fields: [] });
  return out;
}

const CHANGE_COLOURS: Record<Change, string> = { added: 'green', removed: 'red', changed: 'gold', same: 'default' };

export function PlanVersionsDrawer({ open, plan, onClose }: { open: boolean; plan: PlanDetail; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const [picked, setPicked] = useState<number[]>([]);
  const [pair, setPair] = useState<[PlanVersion, PlanVersion] | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => { if (open) { setPicked(plan.versions.slice(0, 2).map((v) => v.version)); setPair(null); setError(null); } }, [open, plan]);

  const compare = async () => {
    const [a, b] = [...picked].sort((x, y) => x - y);
    if (a === undefined || b === undefined) return;
    setLoading(true); setError(null);
    try { setPair(await Promise.all([fetchPlanVersion(plan.id, a), fetchPlanVersion(plan.id, b)]) as [PlanVersion, PlanVersion]); } catch (e) { setError(e); } finally { setLoading(false); }
  };
  const toggle = (v: number, on: boolean) => setPicked((xs) => (on ? [...xs.filter((x) => x !== v), v].slice(-2) : xs.filter((x) => x !== v)));

  const diffs = pair ? diffSteps(pair[0].body, pair[1].body) : [];
  const roleOf = (body: PlanBody, key: string) => body.roles.find((r) => r.key === key)?.name ?? key;
  const cell = (d: StepDiff, f: Field) => {
    const show = (s: PlanStep | null, body: PlanBody | undefined) => {
      if (!s || !body) return '';
      return f === 'title' ? s.title : f === 'role' ? roleOf(body, s.roleKey) : f === 'due' ? dueText(t, s.dueOffsetMin) : f === 'fromLevel' ? t(`plans.levels.${s.fromLevel}`) : s.checklist.join('；');
    };
    const now = show(d.after, pair?.[1].body);
    const was = show(d.before, pair?.[0].body);
    if (d.change === 'changed' && d.fields.includes(f)) {
      return <Space orientation="vertical" size={0}><Typography.Text delete type="secondary">{was || '—'}</Typography.Text><Typography.Text strong>{now || '—'}</Typography.Text></Space>;
    }
    return d.change === 'removed' ? was : now;
  };
  const columns: TableColumnsType<StepDiff> = [
    { title: '', dataIndex: 'change', width: 64, render: (c: Change) => <Tag color={CHANGE_COLOURS[c]} bordered={false}>{t(`plans.versions.${c}`)}</Tag> },
    ...FIELDS.map((f) => ({ title: t(`plans.versions.fields.${f}`), key: f, render: (_: unknown, d: StepDiff) => cell(d, f), ...(f === 'checklist' ? {} : { width: f === 'title' ? 200 : 110 }) })),
  ];
  const anyChange = diffs.some((d) => d.change !== 'same');

  return (
    <Drawer open={open} onClose={onClose} size="large" width={1000} title={t('plans.versions.title', { name: plan.name })} destroyOnHidden data-testid="plan-versions-drawer">
      <List
        size="small" bordered dataSource={plan.versions} data-testid="plan-version-list"
        renderItem={(v) => (
          <List.Item data-testid="plan-version" extra={v.current ? <Tag color="blue">{t('plans.versions.current')}</Tag> : null}>
            <Space align="start">
              <Checkbox checked={picked.includes(v.version)} onChange={(e) => toggle(v.version, e.target.checked)} data-testid="plan-version-pick" />
              <Space orientation="vertical" size={0}>
                <Typography.Text strong>{t('plans.versions.version', { version: v.version })}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('plans.versions.savedBy', { name: v.savedByName ?? '', time: timeText(v.savedAt) })}</Typography.Text>
                <Typography.Text>{v.note || <Typography.Text type="secondary">{t('plans.versions.noNote')}</Typography.Text>}</Typography.Text>
              </Space>
            </Space>
          </List.Item>
        )}
      />
      <Space style={{ margin: '12px 0' }}>
        <Button type="primary" disabled={picked.length !== 2} loading={loading} onClick={() => void compare()} data-testid="plan-versions-compare">{t('plans.versions.compare')}</Button>
        {picked.length !== 2 ? <Typography.Text type="secondary">{t('plans.versions.pickTwo')}</Typography.Text> : null}
      </Space>
      {error ? <Alert type="error" showIcon title={errorText(error, i18n.language)} /> : null}
      {loading ? <Spin /> : pair ? (
        <>
          <Typography.Title level={5}>{t('plans.versions.compareTitle', { a: pair[0].version, b: pair[1].version })}</Typography.Title>
          {!anyChange ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plans.versions.noDiff')} /> : (
            <Table<StepDiff>
              rowKey="key" size="small" pagination={false} columns={columns} dataSource={diffs} data-testid="plan-versions-diff"
              rowClassName={(d) => (d.change === 'same' ? '' : `zz-plan-diff-${d.change}`)}
              onRow={(d) => ({ 'data-testid': 'plan-diff-row', 'data-change': d.change } as React.HTMLAttributes<HTMLElement>)}
            />
          )}
        </>
      ) : null}
    </Drawer>
  );
}
