// Pieces of the task pages: the kind's icon and name, the due badge, the subject's tags, a day in the reader's language.
import type { ReactNode } from 'react';
import {
  AlertOutlined, ApiOutlined, AuditOutlined, CommentOutlined, HomeOutlined, NotificationOutlined, ScheduleOutlined, TeamOutlined,
} from '@ant-design/icons';
import { Image, ImageViewer, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { TaskKind } from '../../../../shared/tasks.ts';
import { tagColor } from '../../registry/mobile/public.ts';
import type { TaskSubject, TaskView } from '../api.ts';
import './locales.ts';
import './tasks-mobile.css';

const KIND_LOOK: Record<TaskKind, { icon: ReactNode; colour: string }> = {
  buildingCheck: { icon: <HomeOutlined />, colour: '#2f7bd8' },
  keyVisit: { icon: <TeamOutlined />, colour: '#e67e22' },
  riskInspection: { icon: <AlertOutlined />, colour: '#c0392b' },
  disputeSweep: { icon: <CommentOutlined />, colour: '#8e44ad' },
  campaign: { icon: <NotificationOutlined />, colour: '#16a085' },
  caseVerification: { icon: <AuditOutlined />, colour: '#1565c0' },
  assigned: { icon: <ScheduleOutlined />, colour: '#7f8c8d' },
  deviceCheck: { icon: <ApiOutlined />, colour: '#d35400' },
};

export function KindIcon({ kind, size = 36 }: { kind: TaskKind; size?: number }) {
  const look = KIND_LOOK[kind];
  return <span className="mt-kind-icon" style={{ background: look.colour, width: size, height: size, fontSize: size * 0.55 }}>{look.icon}</span>;
}

/** A YYYY-MM-DD day as "11月25日" / "25 Nov" (the year when it is not this one). */
export function formatDay(day: string, lang: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const thisYear = new Date().getFullYear() === y;
  if (lang.startsWith('zh')) return `${thisYear ? '' : `${y}年`}${m}月${d}日`;
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', ...(thisYear ? {} : { year: 'numeric' }), timeZone: 'UTC' });
}

export function DueBadge({ task, today }: { task: Pick<TaskView, 'overdue' | 'dueOn' | 'status'>; today: string }) {
  const { t, i18n } = useTranslation();
  if (task.status !== 'open') return null;
  if (task.overdue) return <Tag color="danger" fill="solid" data-testid="due-badge" data-due="overdue">{t('mtask.list.overdue')}</Tag>;
  if (task.dueOn <= today) return <Tag color="warning" fill="solid" data-testid="due-badge" data-due="today">{t('mtask.list.dueToday')}</Tag>;
  return <Tag color="default" fill="outline" data-testid="due-badge" data-due="later">{t('mtask.list.dueOn', { date: formatDay(task.dueOn, i18n.language) })}</Tag>;
}

export function SubjectTags({ subject }: { subject: TaskSubject }) {
  const { t, i18n } = useTranslation();
  if (subject.tags.length === 0 && subject.hiddenTags === 0) return null;
  const zh = i18n.language.startsWith('zh');
  return (
    <span className="mt-tags" data-testid="subject-tags">
      {subject.tags.map((tag) => (
        <Tag key={tag.code} fill="outline" style={{ '--border-color': tagColor(tag.code), '--text-color': tagColor(tag.code) }}>{zh ? tag.name : tag.nameEn}</Tag>
      ))}
      {subject.hiddenTags > 0 ? <Tag color="default" fill="outline">{t('mtask.list.hiddenTags', { count: subject.hiddenTags })}</Tag> : null}
    </span>
  );
}

export function LastVisit({ subject }: { subject: TaskSubject }) {
  const { t, i18n } = useTranslation();
  if (!['resident', 'household', 'place'].includes(subject.kind)) return null;
  return (
    <span className="mc-hint" data-testid="last-visit">
      {subject.lastVisitedOn ? t('mtask.list.lastVisit', { date: formatDay(subject.lastVisitedOn, i18n.language) }) : t('mtask.list.neverVisited')}
    </span>
  );
}

/** Photos as thumbnails; a tap opens them full size. */
export function Photos({ photos }: { photos: readonly { hash: string; url: string; thumbUrl: string }[] }) {
  const open = (i: number) => ImageViewer.Multi.show({ images: photos.map((p) => p.url), defaultIndex: i });
  return (
    <div className="mc-photos">
      {photos.map((p, i) => (
        <Image key={`${p.hash}-${i}`} src={p.thumbUrl} fit="cover" width="100%" height={76} lazy={false} onClick={() => open(i)}
          data-testid="task-photo" style={{ cursor: 'zoom-in', aspectRatio: '1' }} />
      ))}
    </div>
  );
}
