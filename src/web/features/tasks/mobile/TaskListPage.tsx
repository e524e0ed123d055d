// 今日任务 (/m/tasks): the grid worker's list for today in the server's walking order from where the phone is, each with
// its kind, subject, address, the person's tags, the last visit and the due badge; the open and done counts; what waits
// on the phone to be sent. Without a network the service worker answers the list last fetched.
import { useMemo } from 'react';
import { DotLoading, ErrorBlock, Tag } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/api.ts';
import { useApi } from '../../../lib/useApi.ts';
import { MobilePage, lastPosition, useGeolocation } from '../../cases/public.ts';
import { fetchMyTasks, type TaskList, type TaskView } from '../api.ts';
import { useOutbox } from '../offline/outbox.ts';
import { PendingBanner } from './PendingBanner.tsx';
import { AlarmBanner } from '../../alarms/mobile/public.ts';
import { DueBadge, KindIcon, LastVisit, SubjectTags } from './ui.tsx';
import { useOnline } from './useOnline.ts';

/** The position the list is ordered from: the GPS fix, else the last one known; rounded to ~100 m so small moves do not reload. */
function useListOrigin(): { lng: number; lat: number } | null {
  const { state } = useGeolocation();
  const at = state.kind === 'ok' ? state.at : lastPosition();
  const lng = at ? Math.round(at.lng * 1000) / 1000 : null;
  const lat = at ? Math.round(at.lat * 1000) / 1000 : null;
  return useMemo(() => (lng !== null && lat !== null ? { lng, lat } : null), [lng, lat]);
}

/** The tasks ticked or visited on this phone that wait to be sent: shown as done. */
export function useQueuedTaskIds(): Set<string> {
  const box = useOutbox();
  return useMemo(() => new Set(box.items.filter((i) => i.state === 'waiting' && i.taskId).map((i) => i.taskId!)), [box.items]);
}

export function TaskListPage() {
  const { t, i18n } = useTranslation();
  const origin = useListOrigin();
  const box = useOutbox();
  const online = useOnline();
  const list = useApi((signal) => fetchMyTasks(origin, signal), [origin, box.sentGeneration]);
  const queued = useQueuedTaskIds();
  const data = list.data;
  const open = (data?.items ?? []).filter((x) => x.status === 'open' && !queued.has(x.id));
  const done = (data?.items ?? []).filter((x) => x.status !== 'open' || queued.has(x.id));

  return (
    <MobilePage title={t('mtask.title.list')} back="/m" testId="task-list-page">
      <AlarmBanner />
      <PendingBanner />
      {list.loading && !data ? (
        <div style={{ textAlign: 'center', padding: 32 }}><DotLoading /></div>
      ) : list.error && !data ? (
        <ErrorBlock status="default" title={t('mtask.list.failed')} description={errorText(list.error, i18n.language)} />
      ) : data ? (
        <>
          <Summary list={data} open={open.length} done={done.length} offline={!online} />
          {open.length === 0 ? <ErrorBlock status="empty" title={t('mtask.list.empty')} description={t('mtask.list.emptyHint')} /> : null}
          {open.map((task, i) => <TaskItem key={task.id} task={task} step={i + 1} today={data.date} queued={false} />)}
          {done.length > 0 ? <div className="mt-section">{t('mtask.list.done')}</div> : null}
          {done.map((task) => <TaskItem key={task.id} task={task} step={null} today={data.date} queued={queued.has(task.id)} />)}
        </>
      ) : null}
    </MobilePage>
  );
}

function Summary({ list, open, done, offline }: { list: TaskList; open: number; done: number; offline: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="mc-card">
      <div className="mc-card-body" style={{ display: 'grid', gap: 6 }}>
        <div className="mt-summary">
          <strong data-testid="task-counts" data-open={open} data-done={done}>{t('mtask.list.counts', { open, done })}</strong>
          {list.counts.overdue > 0 ? <span className="mt-overdue">{t('mtask.list.overdueCount', { count: list.counts.overdue })}</span> : null}
        </div>
        <div className="mc-hint">
          {list.origin ? (list.origin.from === 'worker' ? t('mtask.list.fromHere') : t('mtask.list.fromGrid')) : null}
          {list.walkMeters ? ` · ${t('mtask.list.walk', { km: (list.walkMeters / 1000).toFixed(1) })}` : null}
        </div>
        {offline ? <div className="mc-hint" data-testid="offline-copy">{t('mtask.list.offlineCopy')}</div> : null}
      </div>
    </section>
  );
}

function TaskItem({ task, step, today, queued }: { task: TaskView; step: number | null; today: string; queued: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const subject = task.subject;
  return (
    <button type="button" className={`mt-item${step === null ? ' mt-item-done' : ''}`} onClick={() => navigate(`/m/tasks/${task.id}`)}
      data-testid="task-item" data-task-id={task.id} data-status={queued ? 'queued' : task.status}>
      <span className="mt-step">{step ?? '✓'}</span>
      <span className="mt-item-body">
        <span className="mt-item-head">
          <KindIcon kind={task.kind} size={22} />
          <span className="mt-item-kind">{t(`mtask.kinds.${task.kind}`)}</span>
          <span style={{ flex: 1 }} />
          {queued ? <Tag color="primary" fill="outline" data-testid="queued-tag">{t('mtask.list.pendingTick')}</Tag> : <DueBadge task={task} today={today} />}
        </span>
        <span className="mt-item-title">{subject?.name ?? task.title}</span>
        {subject?.address && subject.address !== subject.name ? <span className="mt-item-addr">{subject.address}</span> : null}
        {/* what to do, where the kind does not say it already: an assigned task's or a campaign's own title */}
        {subject && (task.kind === 'assigned' || task.kind === 'campaign') ? <span className="mt-item-addr" data-testid="task-title">{task.title}</span> : null}
        {subject ? (
          <span className="mt-item-foot">
            <SubjectTags subject={subject} />
            <LastVisit subject={subject} />
          </span>
        ) : null}
      </span>
    </button>
  );
}
