// Every SLA clock of a case: light, due time, live remaining time or when it stopped.
import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { CLOCK_NAMES } from '../../../../shared/matters.ts';
import type { Deadlines } from '../api.ts';
import { countdownText, formatTime, lightAt, timeLeft, useNow } from './clocks.ts';
import { LightDot, LightTag } from './tags.tsx';

export function CaseDeadlines({ deadlines }: { deadlines: Deadlines }) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const names = [...CLOCK_NAMES, ...Object.keys(deadlines).filter((k) => !(CLOCK_NAMES as readonly string[]).includes(k))].filter((n) => deadlines[n]);
  if (!names.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <div className="zz-clocks" data-testid="case-deadlines">
      {names.map((name) => {
        const c = deadlines[name]!;
        const light = lightAt(c, now);
        const left = timeLeft(c, now);
        return (
          <div key={name} className={`zz-clock-row ${c.stoppedAt ? 'zz-clock-stopped' : ''}`}>
            <LightDot light={light} />
            <span className="zz-clock-name">{t(`wcase.clocks.${name}`, { defaultValue: name })}</span>
            <span className="zz-clock-due">{t('wcase.drawer.due', { time: formatTime(c.dueAt, i18n.language) })}</span>
            <span className="zz-clock-state">
              {c.stoppedAt
                ? t('wcase.drawer.stopped', { time: formatTime(c.stoppedAt, i18n.language) })
                : <span className={`zz-countdown-${light}`}>{left < 0 ? `${t('wcase.workbench.overdue')} ` : ''}{countdownText(left, i18n.language.startsWith('zh') ? '天' : 'd')}</span>}
            </span>
            <LightTag light={light} />
          </div>
        );
      })}
    </div>
  );
}
