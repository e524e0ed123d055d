// The timeline of a case, newest first: who did what when, the reason or note, the photos of the step. The report
// says how it came in and who reported it (a 12345 caller, an anonymous resident) apart from who entered it; a
// reassignment says whom routing had proposed.
import { Timeline, Typography } from 'antd';
import { AlertOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../api.ts';
import { formatTime } from './clocks.ts';
import { i18n as appI18n } from '../../../lib/i18n.ts';
import { reasonText } from '../reason-text.ts';
import { PhotoRow } from './CaseFacts.tsx';
import '../loop-locales.ts';

/** Who acted, and for the report its channel and reporter: "12345/电话 · 来电人：王五 · 刘调度 录入". */
function credit(t: TFunction, e: TimelineEntry): string {
  if (e.actorKind === 'system') return t('wcase.drawer.system');
  if (e.action !== 'report' || !e.reporter) return e.actor || t('wcase.drawer.system');
  const name = e.reporter.name;
  const parts: (string | null)[] = [e.channel ? t(`wcase.sources.${e.channel}`, { defaultValue: e.channel }) : null];
  if (e.reporter.kind === 'device' || (e.reporter.kind === 'platform' && !name)) parts.push(t(`caseLoop.timeline.${e.reporter.kind}`));
  else if (e.reporter.kind === 'caller') parts.push(name ? t('caseLoop.timeline.caller', { name }) : t('caseLoop.timeline.callerUnnamed'));
  else if (e.actorKind === 'reporter') parts.push(name ? t('caseLoop.timeline.reporter', { name }) : t('caseLoop.timeline.anonymous'));
  else if (name && name !== e.actor) parts.push(t('caseLoop.timeline.reporter', { name }));
  if (e.actorKind === 'staff' && e.actor) {
    parts.push(e.reporter.kind === 'caller' || e.reporter.kind === 'platform' ? t('caseLoop.timeline.enteredBy', { name: e.actor }) : e.actor);
  }
  return parts.filter(Boolean).join(' · ');
}

const COLORS: Record<string, string> = {
  report: 'blue', accept: 'blue', dispatch: 'blue', start: 'blue', report_done: 'green', verify: 'green', resolve_on_spot: 'green',
  reject: 'gray', return: 'orange', escalate: 'orange', reopen: 'red', overdue: 'red', request_suspension: 'gray', approve_suspension: 'gray',
  alarm_raised: 'red', alarm_notified: 'red', alarm_escalated: 'red', alarm_acknowledged: 'blue', alarm_cleared: 'green', partner_notified: 'blue', partner_failed: 'red',
};

/** A sensor alarm's entry on its care order (issue 13): what raised it, whom a step notified, how soon it was answered, which partner. */
function alarmDetail(e: TimelineEntry, t: TFunction): string | null {
  const d = (e.data ?? {}) as Record<string, unknown>;
  switch (e.action) {
    case 'alarm_raised': {
      const what = typeof d.ruleName === 'string' ? d.ruleName : t(`alarms.types.${String(d.alarmType)}`, { defaultValue: '' });
      return [what, typeof d.deviceName === 'string' ? t('wcase.alarmTimeline.device', { name: d.deviceName }) : null].filter(Boolean).join(' · ') || null;
    }
    case 'alarm_notified': case 'alarm_escalated': {
      const people = Array.isArray(d.recipients) ? (d.recipients as { name?: string; role?: string }[]) : [];
      const roles = Array.isArray(d.roles) ? (d.roles as string[]) : [];
      const byRole = roles.map((r) => t('wcase.alarmTimeline.notified', {
        role: t(`wcase.alarmTimeline.roles.${r}`, { defaultValue: '' }), names: people.filter((p) => p.role === r).map((p) => p.name).join('、') || t('wcase.alarmTimeline.nobody'),
      }));
      return [typeof d.step === 'number' ? t('wcase.alarmTimeline.step', { n: d.step + 1 }) : null, ...byRole].filter(Boolean).join(' · ') || null;
    }
    case 'alarm_acknowledged':
      return typeof d.afterSec === 'number' ? t('wcase.alarmTimeline.acknowledgedAfter', { min: Math.max(1, Math.round(d.afterSec / 60)) }) : null;
    case 'partner_notified': case 'partner_failed':
      // the partner and how it answered, in the reader's words (the server's error text is English, for the log)
      return [
        typeof d.partner === 'string' ? d.partner : null,
        typeof d.attempts === 'number' ? t('wcase.alarmTimeline.attempts', { n: d.attempts }) : null,
        e.action === 'partner_failed'
          ? (typeof d.responseStatus === 'number' ? t('wcase.alarmTimeline.answered', { status: d.responseStatus }) : t('wcase.alarmTimeline.noAnswer'))
          : null,
      ].filter(Boolean).join(' · ') || null;
    default: return null;
  }
}

function detail(e: TimelineEntry, t: TFunction): string | null {
  const d = e.data ?? {};
  const reason = reasonText(e.reason, appI18n.t);
  const note = typeof d.note === 'string' && d.note !== e.reason ? d.note : null;
  return [alarmDetail(e, t), reason, note].filter(Boolean).join(' · ') || null;
}

export function CaseTimeline({ entries }: { entries: TimelineEntry[] }) {
  const { t, i18n } = useTranslation();
  const items = [...entries].reverse().map((e, i) => {
    const text = detail(e, t);
    const assignee = e.assignee?.name;
    return {
      key: e.id ?? i,
      color: COLORS[e.action] ?? 'gray',
      icon: e.action === 'overdue' || e.action === 'alarm_raised' || e.action === 'alarm_escalated' ? <AlertOutlined style={{ color: '#d4380d' }} /> : undefined,
      content: (
        <div className="zz-tl-item" data-testid="timeline-item" data-action={e.action}>
          <div className="zz-tl-head">
            <strong>{t(`wcase.actions.${e.action}`, { defaultValue: e.action })}</strong>
            {e.to && e.from !== e.to ? <span className="zz-muted"> → {t(`wcase.status.${e.to}`)}</span> : null}
            {assignee ? <span className="zz-muted"> · {assignee}</span> : null}
          </div>
          <div className="zz-tl-meta" data-testid="timeline-credit">{credit(t, e)} · {formatTime(e.at, i18n.language)}</div>
          {e.routedAssignee && e.assignee ? (
            <div className="zz-tl-meta" data-testid="timeline-reassigned">{t('caseLoop.timeline.reassigned', { routed: e.routedAssignee.name, chosen: e.assignee.name })}</div>
          ) : null}
          {text ? <Typography.Paragraph className="zz-tl-text">{text}</Typography.Paragraph> : null}
          {e.photos.length ? <PhotoRow photos={e.photos} /> : null}
        </div>
      ),
    };
  });
  return <Timeline items={items} data-testid="case-timeline" />;
}
