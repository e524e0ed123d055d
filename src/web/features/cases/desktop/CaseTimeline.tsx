// The timeline of a case, newest first: who did what when, the reason or note, the photos of the step.
import { Timeline, Typography } from 'antd';
import { AlertOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../api.ts';
import { formatTime } from './clocks.ts';
import { i18n as appI18n } from '../../../lib/i18n.ts';
import { reasonText } from '../reason-text.ts';
import { PhotoRow } from './CaseFacts.tsx';

const COLORS: Record<string, string> = {
  report: 'blue', accept: 'blue', dispatch: 'blue', start: 'blue', report_done: 'green', verify: 'green', resolve_on_spot: 'green',
  reject: 'gray', return: 'orange', escalate: 'orange', reopen: 'red', overdue: 'red', request_suspension: 'gray', approve_suspension: 'gray',
};

function detail(e: TimelineEntry): string | null {
  const d = e.data ?? {};
  const note = typeof d.note === 'string' ? d.note : null;
  return [reasonText(e.reason, appI18n.t), note].filter(Boolean).join(' · ') || null;
}

export function CaseTimeline({ entries }: { entries: TimelineEntry[] }) {
  const { t, i18n } = useTranslation();
  const items = [...entries].reverse().map((e, i) => {
    const text = detail(e);
    const assignee = (e.data?.assignee as { name?: string } | undefined)?.name;
    return {
      key: e.id ?? i,
      color: COLORS[e.action] ?? 'gray',
      icon: e.action === 'overdue' ? <AlertOutlined style={{ color: '#d4380d' }} /> : undefined,
      content: (
        <div className="zz-tl-item" data-testid="timeline-item" data-action={e.action}>
          <div className="zz-tl-head">
            <strong>{t(`wcase.actions.${e.action}`, { defaultValue: e.action })}</strong>
            {e.to && e.from !== e.to ? <span className="zz-muted"> → {t(`wcase.status.${e.to}`)}</span> : null}
            {assignee ? <span className="zz-muted"> · {assignee}</span> : null}
          </div>
          <div className="zz-tl-meta">{e.actor || t('wcase.drawer.system')} · {formatTime(e.at, i18n.language)}</div>
          {text ? <Typography.Paragraph className="zz-tl-text">{text}</Typography.Paragraph> : null}
          {e.photos.length ? <PhotoRow photos={e.photos} /> : null}
        </div>
      ),
    };
  });
  return <Timeline items={items} data-testid="case-timeline" />;
}
