// Small pieces the enforcement pages share: status and source tags, a penalty band and a penalty in words, a
// benchmark's conditions in words, handling minutes against the 15-minute mark, and the time format.
import { Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Benchmark, Condition, EnforcementStatus, FactDef, MatterSource, PenaltyKind } from '../../../shared/enforcement.ts';

export const STATUS_COLOURS: Record<EnforcementStatus, string> = {
  investigating: 'processing', awaitingReview: 'gold', reviewed: 'cyan', decided: 'blue', executed: 'purple', closed: 'success', dropped: 'default',
};
const SOURCE_COLOURS: Record<MatterSource, string> = { statutory: 'blue', empowered: 'volcano', entrusted: 'purple' };

export function StatusTag({ status }: { status: EnforcementStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOURS[status]} data-testid="enf-status" data-status={status}>{t(`enf.statuses.${status}`)}</Tag>;
}

export function SourceTag({ source }: { source: MatterSource }) {
  const { t } = useTranslation();
  return <Tag color={SOURCE_COLOURS[source]} bordered={false}>{t(`enf.sources.${source}`)}</Tag>;
}

type Band = Benchmark['penalty'];

/** 警告、罚款 200–500 元 — the kinds of a band, the fine with its range. */
export function bandText(t: TFunction, band: Band): string {
  return band.kinds.map((k) => (k === 'fine' ? fineRange(t, band.minYuan, band.maxYuan) : t(`enf.penaltyKinds.${k}`))).join('、');
}

function fineRange(t: TFunction, min: number | null, max: number | null): string {
  if (min !== null && max !== null) return t('enf.band.fine', { min: yuan(min), max: yuan(max) });
  if (min !== null) return t('enf.band.fineFrom', { min: yuan(min) });
  if (max !== null) return t('enf.band.fineUpTo', { max: yuan(max) });
  return t('enf.penaltyKinds.fine');
}

const yuan = (n: number) => n.toLocaleString('zh-CN');

/** 罚款 300 元 / 警告 */
export function penaltyText(t: TFunction, p: { kind: PenaltyKind; fineYuan: number | null | undefined }): string {
  return p.kind === 'fine' && p.fineYuan != null ? `${t('enf.penaltyKinds.fine')} ${yuan(p.fineYuan)} ${t('enf.yuan')}` : t(`enf.penaltyKinds.${p.kind}`);
}

/** 「初次违法 为 是；占道面积 不少于 5 平方米」 — a benchmark's conditions in the facts' own words. */
export function conditionsText(t: TFunction, facts: FactDef[], conditions: Condition[]): string {
  if (conditions.length === 0) return t('enf.matters.drawer.allCases');
  return conditions.map((c) => {
    const f = facts.find((x) => x.key === c.fact);
    const label = f?.label ?? c.fact;
    const value = Array.isArray(c.value) ? c.value.map((v) => valueText(t, f, v)).join('、') : valueText(t, f, c.value);
    return `${label} ${t(`enf.matters.ops.${c.op}`)} ${value}`;
  }).join('；');
}

export function valueText(t: TFunction, f: FactDef | undefined, v: boolean | number | string): string {
  if (typeof v === 'boolean') return v ? t('enf.yes') : t('enf.no');
  if (f?.kind === 'number') return `${v} ${f.unit}`;
  if (f?.kind === 'choice') return f.options.find((o) => o.value === v)?.label ?? String(v);
  return String(v);
}

/** "12 分钟" in green within the mark, red over it; "—" before the decision. */
export function MinutesText({ minutes, within, target }: { minutes: number | null; within: boolean | null; target: number }) {
  const { t } = useTranslation();
  if (minutes === null) return <Typography.Text type="secondary">{t('enf.none')}</Typography.Text>;
  const n = Math.round(minutes);
  return (
    <Typography.Text type={within ? 'success' : 'danger'} data-testid="enf-minutes" data-within={String(!!within)}>
      {t('enf.minutes', { count: n })}{within === false ? `（${t('enf.cases.over', { target })}）` : ''}
    </Typography.Text>
  );
}

export { timeText } from '../../lib/time-text.ts';
