// Shared pieces of the mobile case pages: the page frame, status tags, SLA lights, deadlines, timeline, photos.
import type { ReactNode } from 'react';
import { Image, ImageViewer, NavBar, NoticeBar, Steps, Tag } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '../../../../shared/cases.ts';
import type { CasePhoto, Clock, Deadlines, Light, SimilarNearby, TimelineEntry } from '../api.ts';
import { reasonText } from '../reason-text.ts';
import './react19.ts';
import './locales.ts';
import '../loop-locales.ts';
import './mobile.css';

export function MobilePage({ title, back = '/m', right, footer, children, testId }: {
  title: ReactNode; back?: string | null; right?: ReactNode; footer?: ReactNode; children: ReactNode; testId?: string;
}) {
  const navigate = useNavigate();
  const onBack = back === null ? undefined : () => {
    // go back in history when we came from inside the app, else to the given parent page
    if (window.history.state && (window.history.state as { idx?: number }).idx) navigate(-1);
    else navigate(back);
  };
  return (
    <div className={`mc-page${footer ? '' : ' mc-no-footer'}`} data-testid={testId}>
      <NavBar className="mc-nav" back={back === null ? null : ''} onBack={onBack} right={right}>{title}</NavBar>
      <div className="mc-body">{children}</div>
      {footer ? <div className="mc-footer">{footer}</div> : null}
    </div>
  );
}

export function Card({ title, extra, required, children, testId }: { title?: ReactNode; extra?: ReactNode; required?: boolean; children: ReactNode; testId?: string }) {
  return (
    <section className="mc-card" data-testid={testId}>
      {title ? <div className="mc-card-head"><span className={required ? 'mc-req' : undefined}>{title}</span>{extra}</div> : null}
      <div className="mc-card-body">{children}</div>
    </section>
  );
}

const STATUS_COLOR: Record<CaseStatus, string> = {
  reported: '#e67e22', accepted: '#2f7bd8', dispatched: '#2f7bd8', in_progress: '#1565c0', handled: '#8e44ad', closed: '#27ae60', rejected: '#8a94a3',
};

export function StatusTag({ status, big }: { status: CaseStatus; big?: boolean }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[status]} fill="solid" round data-testid="status-tag" data-status={status}
      style={big ? { fontSize: 14, padding: '4px 10px' } : { fontSize: 12 }}>
      {t(`mcase.status.${status}`)}
    </Tag>
  );
}

export function LightDot({ light, done }: { light: Light; done?: boolean }) {
  return <span className={`mc-light ${done ? 'mc-light-done' : `mc-light-${light}`}`} data-light={done ? 'done' : light} />;
}

/** The clock that matters now: the first one still running, in lifecycle order. */
export function currentClock(deadlines: Deadlines): [string, Clock] | null {
  for (const name of ['accept', 'dispatch', 'handle', 'verify']) {
    const c = deadlines[name];
    if (c && !c.stoppedAt) return [name, c];
  }
  return null;
}

export function formatTime(iso: string | null | undefined, lang: string): string {
  if (!iso) return '—';
  const d = new Date(iso);
  const now = new Date();
  const sameYear = d.getFullYear() === now.getFullYear();
  return d.toLocaleString(lang.startsWith('zh') ? 'zh-CN' : 'en-GB', {
    ...(sameYear ? {} : { year: 'numeric' }), month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
  });
}

export function ClockList({ deadlines }: { deadlines: Deadlines }) {
  const { t, i18n } = useTranslation();
  const names = ['accept', 'dispatch', 'handle', 'verify'].filter((n) => deadlines[n]);
  if (names.length === 0) return <div className="mc-hint">—</div>;
  return (
    <div data-testid="deadlines">
      {names.map((n) => {
        const c = deadlines[n]!;
        return (
          <div className="mc-clock" key={n}>
            <span><LightDot light={c.light} done={!!c.stoppedAt} />{t(`mcase.clocks.${n}`)}</span>
            <span style={{ color: c.stoppedAt ? '#8a94a3' : c.light === 'red' ? '#e03b2e' : '#1d2b3a' }}>
              {c.stoppedAt ? t('mcase.detail.stopped', { time: formatTime(c.stoppedAt, i18n.language) })
                : <>{t('mcase.detail.due', { time: formatTime(c.dueAt, i18n.language) })}{c.light !== 'green' ? ` · ${t(`mcase.lights.${c.light}`)}` : ''}</>}
            </span>
          </div>
        );
      })}
    </div>
  );
}

/** The timeline as vertical steps, newest first; each with who, when, the reason and the step's photos. */
export function TimelineSteps({ entries }: { entries: (Pick<TimelineEntry, 'at' | 'action' | 'to'> & Partial<TimelineEntry>)[] }) {
  const { t, i18n } = useTranslation();
  const list = [...entries].reverse();
  return (
    <Steps direction="vertical" current={0} data-testid="timeline" style={{ '--title-font-size': '15px', '--description-font-size': '12px', '--indicator-margin-right': '12px' }}>
      {list.map((e, i) => {
        const note = typeof e.data?.note === 'string' ? e.data.note : null;
        const rating = e.data?.rating as { score?: number; comment?: string } | undefined;
        return (
          <Steps.Step key={`${e.at}-${i}`} status={i === 0 ? 'process' : 'finish'}
            title={<span>{t(`mcase.actions.${e.action}`, { defaultValue: e.action })}{e.to && e.to !== e.from ? <span className="mc-hint"> → {t(`mcase.status.${e.to}`)}</span> : null}</span>}
            description={
              <div className="mc-step-desc">
                <div>{formatTime(e.at, i18n.language)}{e.actor ? ` · ${e.actor}` : e.actorKind === 'system' ? ` · ${t('caseLoop.timeline.system')}` : ''}</div>
                {e.reason ? <div className="mc-step-reason">{reasonText(e.reason, t)}</div> : null}
                {note ? <div className="mc-step-reason">{note}</div> : null}
                {rating?.score ? <div className="mc-step-reason">{t(`mcase.satisfaction.${rating.score}`)}{rating.comment ? `：${rating.comment}` : ''}</div> : null}
                {e.photos && e.photos.length > 0 ? <div style={{ marginTop: 6 }}><PhotoGrid photos={e.photos} size={48} /></div> : null}
              </div>
            } />
        );
      })}
    </Steps>
  );
}

export function PhotoGrid({ photos, size }: { photos: CasePhoto[]; size?: number }) {
  const open = (i: number) => ImageViewer.Multi.show({ images: photos.map((p) => p.url), defaultIndex: i });
  return (
    <div className="mc-photos" style={size ? { gridTemplateColumns: `repeat(auto-fill, ${size}px)` } : undefined}>
      {photos.map((p, i) => (
        <Image key={`${p.hash}-${i}`} src={p.thumbUrl} fit="cover" width="100%" height={size ?? 76} lazy={false}
          onClick={() => open(i)} data-testid="case-photo" data-phase={p.phase} style={{ cursor: 'zoom-in', aspectRatio: '1' }} />
      ))}
    </div>
  );
}

/** After a resident's report: that similar open cases are near (never which: they are other people's). */
export function SimilarNearbyNotice({ similar }: { similar: SimilarNearby | undefined }) {
  const { t } = useTranslation();
  if (!similar || similar.count === 0) return null;
  return <NoticeBar content={t('mcase.result.similarNearby', { count: similar.count, m: similar.nearestM ?? 0 })} color="info" wrap
    style={{ borderRadius: 10 }} data-testid="similar-nearby" />;
}
