// 案卷总览: the leader's (指挥长) landing page until the command screen exists: today's figures and the open cases by
// SLA light, category and board over the town's cases, queue and map as the dispatcher sees them, every case in the
// history search. Read-only: the drawer offers what the caller's policies allow, which for a leader is nothing.
import { useEffect, useState } from 'react';
import { Skeleton, Tag } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../lib/useApi.ts';
import { ErrorState } from '../../../ui/ErrorState.tsx';
import { fetchFigures } from '../views-api.ts';
import { subscribeCaseEvents, subscribeCaseResync } from './api.ts';
import { LightDot } from './tags.tsx';
import { Workbench } from './WorkbenchPage.tsx';
import '../locales.ts';
import './desktop.css';

export function OverviewPage() {
  const { t } = useTranslation();
  const [version, setVersion] = useState(0);
  // every case event may change a figure: read them again, at most every 2 s
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = subscribeCaseEvents(() => { clearTimeout(timer); timer = setTimeout(() => setVersion((v) => v + 1), 2000); });
    const offResync = subscribeCaseResync(() => setVersion((v) => v + 1));
    return () => { off(); offResync(); clearTimeout(timer); };
  }, []);
  return (
    <Workbench
      testId="overview" title={t('cviews.overview.title')}
      subtitle={<>{t('cviews.overview.subtitle')} <Tag icon={<EyeOutlined />} color="default" data-testid="read-only">{t('cviews.overview.readOnly')}</Tag></>}
      top={<Figures version={version} />} onChanged={() => setVersion((v) => v + 1)}
    />
  );
}

function Figures({ version }: { version: number }) {
  const { t } = useTranslation();
  const figures = useApi((signal) => fetchFigures(signal), [version]);
  if (figures.error) return <ErrorState error={figures.error} onRetry={figures.reload} />;
  const f = figures.data;
  if (!f) return <Skeleton active paragraph={{ rows: 2 }} />;
  const cell = (key: string, value: number | string, tone?: 'red' | 'orange') => (
    <div className="zz-figure" data-testid={`figure-${key}`}>
      <div className="zz-figure-label">{t(`cviews.overview.${key}`)}</div>
      <div className={`zz-figure-value ${tone ? `is-${tone}` : ''}`}>{value}</div>
    </div>
  );
  return (
    <div data-testid="figures" data-day={f.day}>
      <div className="zz-figures">
        {cell('reportedToday', f.reportedToday)}
        {cell('acceptedToday', f.acceptedToday)}
        {cell('closedToday', f.closedToday)}
        {cell('open', f.open)}
        {cell('overdue', f.overdue, f.overdue ? 'red' : undefined)}
        {cell('escalated', f.escalated, f.escalated ? 'orange' : undefined)}
        {cell('avgAccept', f.avgAcceptMinutes === null ? t('cviews.overview.none') : f.avgAcceptMinutes < 1 ? t('cviews.overview.underMinute') : t('cviews.overview.minutes', { value: Math.round(f.avgAcceptMinutes) }))}
        <div className="zz-figure" data-testid="figure-lights">
          <div className="zz-figure-label">{t('cviews.overview.lights')} · {t('cviews.overview.today', { day: f.day })}</div>
          <div className="zz-figure-lights">
            {(['green', 'yellow', 'red'] as const).map((l) => <span key={l}><LightDot light={l} size={10} /> {t(`wcase.lights.${l}`)}<b>{f.lights[l]}</b></span>)}
            <span><LightDot light={null} size={10} /> {t('wcase.workbench.noClock')}<b>{f.lights.none}</b></span>
          </div>
        </div>
      </div>
      <div className="zz-breakdowns">
        <Breakdown title={t('cviews.overview.byCategory')} testId="by-category" rows={f.byCategory.map((c) => ({ key: c.code, name: c.name, count: c.count }))} />
        <Breakdown title={t('cviews.overview.byBoard')} testId="by-board" rows={f.byBoard.map((b) => ({ key: b.boardId ?? '-', name: b.name ?? t('cviews.overview.noBoard'), count: b.count }))} />
      </div>
    </div>
  );
}

function Breakdown({ title, rows, testId }: { title: string; rows: { key: string; name: string; count: number }[]; testId: string }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...rows.map((r) => r.count));
  const shown = rows.slice(0, 8);
  return (
    <div className="zz-breakdown" data-testid={testId}>
      <div className="zz-breakdown-title">{title}</div>
      {shown.length === 0 ? <span className="zz-muted">{t('cviews.overview.empty')}</span> : (
        <div className="zz-breakdown-rows">
          {shown.map((r) => (
            <div key={r.key} className="zz-bar-row" title={`${r.name} ${r.count}`}>
              <span className="zz-ellipsis">{r.name}</span>
              <span className="zz-bar"><span style={{ width: `${(r.count / max) * 100}%` }} /></span>
              <span className="zz-bar-count">{r.count}</span>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

