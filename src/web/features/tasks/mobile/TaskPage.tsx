// One task (/m/tasks/:id): what and whom, where, the tags and the last visit, the household file one tap away, "record
// a visit" (the visit form prefilled with the subject and the task), and the tick with a note and photos — queued on the
// phone and sent at once when there is a network.
import { useState } from 'react';
import { Button, DotLoading, ErrorBlock, ImageUploader, NoticeBar, TextArea, Toast, type ImageUploadItem } from 'antd-mobile';
import { FileSearchOutlined, FolderOpenOutlined, HomeOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { TASK_LIMITS } from '../../../../shared/tasks.ts';
import { useMe } from '../../../app/auth.tsx';
import { errorText } from '../../../lib/api.ts';
import { useApi } from '../../../lib/useApi.ts';
import { Card, formatTime, lastPosition, MobilePage, uploadForUploader } from '../../cases/public.ts';
import { fetchMyTasks, fetchTask, queueComplete, type TaskView } from '../api.ts';
import { useOutbox } from '../offline/outbox.ts';
import { uploadOrKeep } from '../offline/photos.ts';
import { PendingBanner } from './PendingBanner.tsx';
import { reasonOf } from './OutboxPage.tsx';
import { useQueuedTaskIds } from './TaskListPage.tsx';
import { DueBadge, formatDay, KindIcon, LastVisit, Photos, SubjectTags } from './ui.tsx';
import { useOnline } from './useOnline.ts';

export const VISITABLE = ['resident', 'household', 'place'] as const;

/** Today's list (the copy the service worker keeps when offline) and the task in it. */
export function useTodayTask(id: string) {
  const box = useOutbox();
  const list = useApi((signal) => fetchMyTasks(lastPosition(), signal), [box.sentGeneration]);
  const listed = list.data?.items.find((x) => x.id === id) ?? null;
  // a task that is not on today's list (done on another day, opened from a link) is read on its own
  const missing = list.data !== undefined && listed === null;
  const single = useApi(missing ? (signal) => fetchTask(id, signal) : null, [missing, id, box.sentGeneration]);
  if (!missing) return { ...list, task: listed, today: list.data?.date ?? '' };
  return { ...single, data: list.data, task: single.data ?? null, today: list.data?.date ?? '' };
}

export function TaskPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { task, today, loading, error, data } = useTodayTask(id);
  const queued = useQueuedTaskIds().has(id);
  // a tick or visit of this task the server refused: why, here too
  const refused = useOutbox().attention.find((i) => i.taskId === id);

  return (
    <MobilePage title={t('mtask.title.task')} back="/m/tasks" testId="task-page"
      footer={task && task.status === 'open' && !queued && task.policies.includes('visit') && task.subject && (VISITABLE as readonly string[]).includes(task.subject.kind) ? (
        <Button size="large" color="primary" fill="outline" onClick={() => navigate(`/m/tasks/${task.id}/visit`)} data-testid="record-visit">
          {t('mtask.task.recordVisit')}
        </Button>
      ) : undefined}>
      <PendingBanner />
      {loading && !data ? <div style={{ textAlign: 'center', padding: 32 }}><DotLoading /></div>
        : error && !data ? <ErrorBlock status="default" title={t('mtask.list.failed')} description={errorText(error, i18n.language)} />
        : !task ? <ErrorBlock status="empty" title={t('mtask.task.notFound')} description="" />
        : (
          <>
            {refused ? <NoticeBar color="error" wrap content={reasonOf(refused, t, i18n.language)} data-testid="task-refused" /> : null}
            <TaskHead task={task} today={today} queued={queued} />
            {task.campaign ? (
              <Card title={t('mtask.task.campaign')}>
                <div style={{ whiteSpace: 'pre-wrap' }}>{task.campaign.content}</div>
                {task.campaign.material.length ? <div style={{ marginTop: 8 }}><Photos photos={task.campaign.material} /></div> : null}
              </Card>
            ) : null}
            {task.done ? (
              <Card title={t('mtask.task.done')} testId="task-done">
                <div className="mc-hint">{t('mtask.task.doneBy', { name: task.done.by.name, time: formatTime(task.done.at, i18n.language) })}</div>
                {task.done.note ? <div style={{ marginTop: 6 }}>{task.done.note}</div> : null}
                {task.done.photos.length ? <div style={{ marginTop: 8 }}><Photos photos={task.done.photos} /></div> : null}
              </Card>
            ) : queued ? (
              <Card testId="task-queued"><div>{t('mtask.list.pendingTick')}</div><div className="mc-hint">{t('mtask.task.queued')}</div></Card>
            ) : task.policies.includes('complete') ? <TickForm task={task} /> : null}
          </>
        )}
    </MobilePage>
  );
}

function TaskHead({ task, today, queued }: { task: TaskView; today: string; queued: boolean }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const subject = task.subject;
  return (
    <section className="mc-card" data-testid="task-head">
      <div className="mc-card-body" style={{ display: 'grid', gap: 10 }}>
        <div className="mt-item-head">
          <KindIcon kind={task.kind} />
          <div style={{ flex: 1, minWidth: 0 }}>
            <div className="mt-item-title" style={{ whiteSpace: 'normal' }}>{task.title}</div>
            <div className="mc-hint">{t(`mtask.kinds.${task.kind}`)} · {task.gridName}</div>
          </div>
          {queued ? null : <DueBadge task={task} today={today} />}
        </div>
        <dl className="mc-kv">
          {subject ? <><dt>{t('mtask.task.subject')}</dt><dd data-testid="task-subject">{subject.name}</dd></> : null}
          {subject?.address && subject.address !== subject.name ? <><dt>{t('mtask.task.address')}</dt><dd>{subject.address}</dd></> : null}
          <dt>{t('mtask.task.due')}</dt><dd>{formatDay(task.dueOn, i18n.language)}</dd>
          {task.createdBy ? <><dt>{t('mtask.task.assigner')}</dt><dd>{task.createdBy}</dd></> : null}
        </dl>
        {subject ? <div className="mt-item-foot"><SubjectTags subject={subject} /><LastVisit subject={subject} /></div> : null}
        {task.detail ? <div style={{ whiteSpace: 'pre-wrap', color: '#3a4654' }}>{task.detail}</div> : null}
        {subject?.kind === 'case' ? (
          <Button block fill="outline" onClick={() => navigate(`/m/cases/${subject.id}`)} data-testid="open-case">
            <FileSearchOutlined /> {t('mtask.task.openCase')}
          </Button>
        ) : subject?.kind === 'building' ? (
          <Button block fill="outline" onClick={() => navigate(`/m/registry/buildings/${subject.id}`)} data-testid="open-building">
            <HomeOutlined /> {t('mtask.task.openBuilding')}
          </Button>
        ) : null}
        {subject?.householdId && task.policies.includes('openFile') ? (
          <Button block fill="outline" onClick={() => navigate(`/m/registry/households/${subject.householdId}`)} data-testid="open-household">
            <FolderOpenOutlined /> {t('mtask.task.openFile')}
          </Button>
        ) : null}
      </div>
    </section>
  );
}

/** The photo picker of the task pages: compressed, uploaded at once, kept on the phone when there is no network. */
export function usePhotoUpload() {
  const { i18n } = useTranslation();
  return async (file: File): Promise<ImageUploadItem> => {
    try {
      return await uploadForUploader(file, uploadOrKeep);
    } catch (e) {
      Toast.show({ icon: 'fail', content: errorText(e, i18n.language) });
      throw e;
    }
  };
}

export const photoHashes = (items: ImageUploadItem[]): string[] =>
  items.map((i) => (i.extra as { hash?: string } | undefined)?.hash).filter((h): h is string => !!h);

function TickForm({ task }: { task: TaskView }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const online = useOnline();
  const upload = usePhotoUpload();
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<ImageUploadItem[]>([]);
  const [uploading, setUploading] = useState(0);
  const [busy, setBusy] = useState(false);

  const tick = async () => {
    setBusy(true);
    try {
      await queueComplete(task, { ...(note.trim() ? { note: note.trim() } : {}), photos: photoHashes(photos) }, me.id);
      Toast.show({ icon: 'success', content: online ? t('mtask.task.ticked') : t('mtask.task.queued') });
      navigate('/m/tasks');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('mtask.task.tick')} testId="tick-form">
      <div style={{ display: 'grid', gap: 10 }}>
        <TextArea placeholder={t('mtask.task.notePlaceholder')} value={note} onChange={setNote} maxLength={TASK_LIMITS.text}
          autoSize={{ minRows: 2, maxRows: 6 }} data-testid="tick-note" style={{ '--font-size': '15px' }} />
        <div className="mc-hint">{t('mtask.task.photos')} · {t('mtask.task.photosHint', { count: TASK_LIMITS.photos })}</div>
        <ImageUploader value={photos} onChange={setPhotos} upload={upload} accept="image/*" capture="environment" multiple maxCount={TASK_LIMITS.photos}
          onUploadQueueChange={(q) => setUploading(q.filter((x) => x.status === 'pending').length)} data-testid="tick-photos" style={{ '--cell-size': '84px' }} />
        <Button color="success" size="large" block loading={busy} disabled={uploading > 0} onClick={() => void tick()} data-testid="tick-submit">
          {uploading > 0 ? t('mtask.task.waiting') : t('mtask.task.tick')}
        </Button>
      </div>
    </Card>
  );
}
