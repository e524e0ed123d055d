// What the oversight pages share: the period picker (本周, 本月, 自定义) kept in the address so the progress page's
// "on the map" link carries it, the task kind and status tags, the percent cell, and the grids of a territory.
import { DatePicker, Progress, Segmented, Space, Tag, Tooltip } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TaskKind, TaskStatus } from '../../../../shared/tasks.ts';

export type PeriodKind = 'week' | 'month' | 'custom';
export interface Period { kind: PeriodKind; from: string; to: string }

const DAY = 'YYYY-MM-DD';

/** This week (Monday to Sunday) or this month, around `today`. */
export function periodOf(kind: Exclude<PeriodKind, 'custom'>, today: Dayjs = dayjs()): Period {
  if (kind === 'month') return { kind, from: today.startOf('month').format(DAY), to: today.endOf('month').format(DAY) };
  const monday = today.subtract((today.day() + 6) % 7, 'day');
  return { kind, from: monday.format(DAY), to: monday.add(6, 'day').format(DAY) };
}

/** The period of the page's address (?period=week|month|custom&from=&to=), this week without. */
export function usePeriod(): [Period, (p: Period) => void] {
  const [params, setParams] = useSearchParams();
  const kind = params.get('period');
  const from = params.get('from'), to = params.get('to');
  const period = useMemo<Period>(() => {
    if (kind === 'custom' && from && to && dayjs(from, DAY, true).isValid() && dayjs(to, DAY, true).isValid()) return { kind, from, to };
    return periodOf(kind === 'month' ? 'month' : 'week');
  }, [kind, from, to]);
  const set = (p: Period) => setParams((cur) => {
    const next = new URLSearchParams(cur);
    next.set('period', p.kind);
    if (p.kind === 'custom') { next.set('from', p.from); next.set('to', p.to); } else { next.delete('from'); next.delete('to'); }
    return next;
  }, { replace: true });
  return [period, set];
}

export function PeriodPicker({ value, onChange }: { value: Period; onChange(p: Period): void }) {
  const { t } = useTranslation();
  return (
    <Space data-testid="period-picker">
      <Segmented<PeriodKind>
        value={value.kind}
        options={(['week', 'month', 'custom'] as const).map((k) => ({ value: k, label: t(`oversight.period.${k}`) }))}
        onChange={(k) => onChange(k === 'custom' ? { ...value, kind: 'custom' } : periodOf(k))}
      />
      <DatePicker.RangePicker
        allowClear={false} value={[dayjs(value.from), dayjs(value.to)]} data-testid="period-range"
        onChange={(r) => { if (r?.[0] && r[1]) onChange({ kind: 'custom', from: r[0].format(DAY), to: r[1].format(DAY) }); }}
      />
    </Space>
  );
}

const KIND_COLOR: Record<TaskKind, string> = {
  buildingCheck: 'blue', keyVisit: 'magenta', riskInspection: 'orange', disputeSweep: 'purple', campaign: 'cyan', caseVerification: 'geekblue', assigned: 'gold', deviceCheck: 'volcano',
};

export function KindTag({ kind }: { kind: TaskKind }) {
  const { t } = useTranslation();
  return <Tag color={KIND_COLOR[kind]}>{t(`oversight.kind.${kind}`)}</Tag>;
}

export function StatusTag({ status, overdue }: { status: TaskStatus; overdue?: boolean }) {
  const { t } = useTranslation();
  if (status === 'open' && overdue) return <Tag color="red" data-testid="task-overdue">{t('oversight.status.overdue')}</Tag>;
  return <Tag color={status === 'done' ? 'green' : status === 'cancelled' ? 'default' : 'processing'}>{t(`oversight.status.${status}`)}</Tag>;
}

/** A rate (0…1, or null when nothing was due) as a bar with its percent; `tip` says what it counts. */
export function RateCell({ rate, tip, testId }: { rate: number | null; tip?: string; testId?: string }) {
  const { t } = useTranslation();
  if (rate === null || !Number.isFinite(rate)) return <span data-testid={testId}>{t('oversight.common.noData')}</span>;
  const pct = Math.round(rate * 1000) / 10;
  const bar = (
    <Progress
      percent={pct} size="small" style={{ width: 140, margin: 0 }} data-testid={testId}
      status={pct < 60 ? 'exception' : pct >= 90 ? 'success' : 'normal'}
      format={() => t('oversight.common.percent', { value: pct })}
    />
  );
  return tip ? <Tooltip title={tip}>{bar}</Tooltip> : bar;
}

/** The grids of a features answer (the reader's territory), by name. */
export function gridsOf(units: { features: { properties: { id: string; name: string; level: string; parentId: string | null } }[] } | undefined) {
  const all = units?.features ?? [];
  const communities = new Map(all.filter((f) => f.properties.level === 'community').map((f) => [f.properties.id, f.properties.name]));
  return all.filter((f) => f.properties.level === 'grid' || f.properties.level === 'dedicatedGrid')
    .map((f) => ({ id: f.properties.id, name: f.properties.name, communityId: f.properties.parentId, communityName: communities.get(f.properties.parentId ?? '') ?? null }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}
