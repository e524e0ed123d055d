// Small case badges: status, light, and the live countdown of the clock that matters most.
import { Tag, Tooltip } from 'antd';
import { ClockCircleOutlined, PauseCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '../../../../shared/cases.ts';
import type { Deadlines, Light } from '../api.ts';
import { countdownText, formatTime, LIGHT_COLORS, useNow, worstClock } from './clocks.ts';
import './locales.ts';

const STATUS_COLORS: Record<CaseStatus, string> = {
  reported: 'volcano', accepted: 'orange', dispatched: 'blue', in_progress: 'geekblue', handled: 'purple', closed: 'green', rejected: 'default',
};

export function StatusTag({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]} data-testid="case-status" style={{ marginInlineEnd: 0 }}>{t(`wcase.status.${status}`)}</Tag>;
}

export function LightDot({ light, size = 10 }: { light: Light | null; size?: number }) {
  return <span className={`zz-light zz-light-${light ?? 'none'}`} style={{ width: size, height: size }} />;
}

export function LightTag({ light }: { light: Light }) {
  const { t } = useTranslation();
  return <Tag color={LIGHT_COLORS[light]} style={{ marginInlineEnd: 0 }}>{t(`wcase.lights.${light}`)}</Tag>;
}

/** The worst running clock as a live countdown: "受理 04:31", red "已超时 02:10" once past due. */
export function Countdown({ deadlines, suspended, compact }: { deadlines: Deadlines; suspended?: boolean; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  if (suspended) return <Tag icon={<PauseCircleOutlined />} color="default">{t('wcase.workbench.suspended')}</Tag>;
  const w = worstClock(deadlines, now);
  if (!w) return compact ? null : <span className="zz-muted">{t('wcase.workbench.noClock')}</span>;
  const left = Date.parse(w.clock.dueAt) - now;
  const text = countdownText(left, i18n.language.startsWith('zh') ? '天' : 'd');
  return (
    <Tooltip title={`${t(`wcase.clocks.${w.name}`)} · ${t('wcase.drawer.due', { time: formatTime(w.clock.dueAt, i18n.language) })}`}>
      <span className={`zz-countdown zz-countdown-${w.light}`} data-testid="countdown" data-light={w.light}>
        <ClockCircleOutlined />
        <span className="zz-countdown-clock">{t(`wcase.clocks.${w.name}`)}</span>
        {left < 0 ? <span>{t('wcase.workbench.overdue')}</span> : null}
        <span className="zz-countdown-time">{text}</span>
      </span>
    </Tooltip>
  );
}
