// Small pieces of the incident pages: the level badge, the drill tag, the state of a step, the progress bar, times.
import { Progress, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { PlanLevel, StepState } from '../../../../shared/plans.ts';
import './locales.ts';
import './incidents.css';

/** Ⅳ blue → Ⅰ red, as the response levels are shown everywhere. */
export const LEVEL_COLORS: Record<PlanLevel, string> = { IV: '#1f5fa8', III: '#d4a106', II: '#e8700a', I: '#cf1322' };

export function LevelBadge({ level, big }: { level: PlanLevel; big?: boolean }) {
  const { t } = useTranslation();
  return (
    <Tag color={LEVEL_COLORS[level]} data-testid="incident-level" data-level={level} style={big ? { fontSize: 15, padding: '3px 10px', marginInlineEnd: 0 } : { marginInlineEnd: 0 }}>
      {t(`incidents.levels.${level}`)}{big ? ` · ${t(`incidents.levelNames.${level}`)}` : ''}
    </Tag>
  );
}

export function DrillTag() {
  const { t } = useTranslation();
  return <Tag color="purple" data-testid="drill-tag" style={{ marginInlineEnd: 0 }}>{t('incidents.drill')}</Tag>;
}

const STATE_COLORS: Record<StepState, string> = { done: 'green', open: 'blue', left: 'default' };

export function StepStateTag({ state, late }: { state: StepState; late: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="zz-inc-tags">
      <Tag color={STATE_COLORS[state]} data-testid="step-state" data-state={state} style={{ marginInlineEnd: 0 }}>{t(`incidents.steps.${state}`)}</Tag>
      {late ? <Tag color="red" data-testid="step-late" style={{ marginInlineEnd: 0 }}>{t('incidents.steps.late')}</Tag> : null}
    </span>
  );
}

export function StepProgress({ steps, size }: { steps: { total: number; done: number; left: number; late: number }; size?: 'small' }) {
  const { t } = useTranslation();
  const pct = steps.total ? Math.round((steps.done / steps.total) * 100) : 0;
  return (
    <div className="zz-inc-progress" data-testid="incident-progress" data-done={steps.done} data-total={steps.total}>
      <Progress percent={pct} size={size === 'small' ? 'small' : 'default'} showInfo={false} strokeColor="#2e9e5b" style={{ margin: 0, flex: 1, minWidth: 80 }} />
      <span className="zz-inc-progress-text">
        {t('incidents.progress', { done: steps.done, total: steps.total })}
        {steps.late ? <span className="zz-inc-late"> · {t('incidents.lateCount', { count: steps.late })}</span> : null}
        {steps.left ? <span> · {t('incidents.leftCount', { count: steps.left })}</span> : null}
      </span>
    </div>
  );
}

export const timeText = (iso: string | null | undefined, withDay = true) => (iso ? dayjs(iso).format(withDay ? 'MM-DD HH:mm' : 'HH:mm') : '—');

/** Counts of a detail's steps, as the list's summary gives them. */
export function stepCounts(steps: { state: StepState; late: boolean }[]) {
  return {
    total: steps.length, done: steps.filter((s) => s.state === 'done').length, left: steps.filter((s) => s.state === 'left').length,
    late: steps.filter((s) => s.late).length,
  };
}
