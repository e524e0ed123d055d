// 记录走访: whom (from the task, or the household file), when (now), where (the phone's position), what was found,
// photos. Saved into the outbox and sent at once when there is a network; the server's "far" flag is shown once it
// answered; after saving, 上报为事件 turns the finding into a case (queued after the visit, it waits for its server id).
import { useEffect, useState } from 'react';
import { Button, DotLoading, ErrorBlock, ImageUploader, NoticeBar, Result, TextArea, Toast, type ImageUploadItem } from 'antd-mobile';
import { EnvironmentOutlined } from '@ant-design/icons';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { TASK_LIMITS, type VisitSubjectKind } from '../../../../shared/tasks.ts';
import { useApi } from '../../../lib/useApi.ts';
import {
  Card, CategoryPicker, fetchMatters, formatTime, MobilePage, useGeolocation, type CategoryOption,
} from '../../cases/public.ts';
import { caseRef, queueVisit, queueVisitCase } from '../api.ts';
import { answerOf, useOutbox } from '../offline/outbox.ts';
import { PendingBanner } from './PendingBanner.tsx';
import { reasonOf } from './OutboxPage.tsx';
import { photoHashes, usePhotoUpload, useTodayTask, VISITABLE } from './TaskPage.tsx';
import { useOnline } from './useOnline.ts';

interface Whom { kind: VisitSubjectKind; id: string; name: string; taskId: string | null }

/** /m/tasks/:id/visit: the task's subject. */
export function TaskVisitPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { task, loading, data } = useTodayTask(id);
  const subject = task?.subject;
  if (loading && !data) return <MobilePage title={t('mtask.title.visit')} back={`/m/tasks/${id}`}><div style={{ textAlign: 'center', padding: 32 }}><DotLoading /></div></MobilePage>;
  if (!task || !subject || !(VISITABLE as readonly string[]).includes(subject.kind)) {
    return <MobilePage title={t('mtask.title.visit')} back="/m/tasks"><ErrorBlock status="empty" title={t('mtask.task.notFound')} description="" /></MobilePage>;
  }
  return <VisitForm whom={{ kind: subject.kind as VisitSubjectKind, id: subject.id, name: subject.name, taskId: task.id }} back={`/m/tasks/${id}`} />;
}

/** /m/visits/new?kind=household&id=…&name=…: a visit not asked for by a task (from the household file). */
export function NewVisitPage() {
  const [q] = useSearchParams();
  const { t } = useTranslation();
  const kind = q.get('kind') as VisitSubjectKind | null;
  const id = q.get('id');
  if (!kind || !id || !(VISITABLE as readonly string[]).includes(kind)) {
    return <MobilePage title={t('mtask.title.visit')} back="/m/tasks"><ErrorBlock status="empty" title={t('mtask.task.notFound')} description="" /></MobilePage>;
  }
  return <VisitForm whom={{ kind, id, name: q.get('name') ?? '', taskId: null }} back={kind === 'household' ? `/m/registry/households/${id}` : '/m/tasks'} />;
}

function VisitForm({ whom, back }: { whom: Whom; back: string }) {
  const { t, i18n } = useTranslation();
  const { state: geo, relocate } = useGeolocation();
  const upload = usePhotoUpload();
  const [openedAt] = useState(() => new Date().toISOString());
  const [findings, setFindings] = useState('');
  const [photos, setPhotos] = useState<ImageUploadItem[]>([]);
  const [uploading, setUploading] = useState(0);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<{ ref: string; findings: string } | null>(null);

  const save = async () => {
    setBusy(true);
    try {
      const ref = crypto.randomUUID();
      await queueVisit({
        subject: { kind: whom.kind, id: whom.id }, at: new Date().toISOString(), findings: findings.trim(),
        ...(geo.kind === 'ok' ? { location: { lng: geo.at.lng, lat: geo.at.lat, accuracy: geo.accuracyM } } : {}),
        ...(whom.taskId ? { taskId: whom.taskId } : {}), photos: photoHashes(photos),
      }, whom.name, ref);
      setSaved({ ref, findings: findings.trim() });
      window.scrollTo(0, 0);
    } finally {
      setBusy(false);
    }
  };

  if (saved) return <VisitSaved whom={whom} visitRef={saved.ref} findings={saved.findings} />;
  return (
    <MobilePage title={t('mtask.title.visit')} back={back} testId="visit-form"
      footer={<Button color="primary" size="large" loading={busy} disabled={uploading > 0} onClick={() => void save()} data-testid="visit-save">
        {uploading > 0 ? t('mtask.task.waiting') : t('mtask.visit.save')}
      </Button>}>
      <PendingBanner />
      <Card>
        <dl className="mc-kv">
          <dt>{t('mtask.visit.whom')}</dt><dd data-testid="visit-whom">{whom.name || '—'} <span className="mc-hint">{t(`mtask.visit.kinds.${whom.kind}`)}</span></dd>
          <dt>{t('mtask.visit.when')}</dt><dd>{formatTime(openedAt, i18n.language)}</dd>
          <dt>{t('mtask.visit.where')}</dt>
          <dd data-testid="visit-where">
            {geo.kind === 'locating' ? <span className="mc-hint">{t('mtask.visit.locating')}</span>
              : geo.kind === 'ok' ? <span>{t('mtask.visit.located', { m: geo.accuracyM })}</span>
              : <span className="mc-hint">{t('mtask.visit.noPosition', { why: t(`mcase.geo.${geo.reason}`) })}</span>}
            {' '}<Button size="mini" fill="none" color="primary" onClick={relocate}><EnvironmentOutlined /> {t('mtask.visit.relocate')}</Button>
          </dd>
        </dl>
      </Card>
      <Card title={t('mtask.visit.findings')}>
        <TextArea placeholder={t('mtask.visit.findingsPlaceholder')} value={findings} onChange={setFindings} maxLength={TASK_LIMITS.findings} showCount
          autoSize={{ minRows: 3, maxRows: 8 }} data-testid="visit-findings" style={{ '--font-size': '16px' }} />
      </Card>
      <Card title={t('mtask.task.photos')} extra={<span className="mc-hint">{t('mtask.task.photosHint', { count: TASK_LIMITS.photos })}</span>}>
        <ImageUploader value={photos} onChange={setPhotos} upload={upload} accept="image/*" capture="environment" multiple maxCount={TASK_LIMITS.photos}
          onUploadQueueChange={(q) => setUploading(q.filter((x) => x.status === 'pending').length)} data-testid="visit-photos" style={{ '--cell-size': '84px' }} />
      </Card>
    </MobilePage>
  );
}

const LAST_CATEGORY = 'zhizhi.visitCaseCategory';

/** The server's answer to a queued write, once sent (re-read whenever the outbox sent something). */
function useAnswer(name: string | null): Record<string, unknown> | null {
  const box = useOutbox();
  const [answer, setAnswer] = useState<Record<string, unknown> | null>(null);
  useEffect(() => {
    if (!name) return;
    let live = true;
    void answerOf(name).then((r) => { if (live && r) setAnswer(r.answer); });
    return () => { live = false; };
  }, [name, box.sentGeneration]);
  return answer;
}

function VisitSaved({ whom, visitRef, findings }: { whom: Whom; visitRef: string; findings: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const online = useOnline();
  const visit = useAnswer(visitRef);
  // the server refused the visit (the household left the grid meanwhile …): said here, and kept in the outbox's list
  const refused = useOutbox().attention.find((i) => i.produces === visitRef);
  const [reporting, setReporting] = useState(false);
  const [reported, setReported] = useState(false);
  const kase = useAnswer(reported ? caseRef(visitRef) : null);
  const distance = typeof visit?.distanceM === 'number' ? visit.distanceM : null;

  return (
    <MobilePage title={t('mtask.title.visit')} back="/m/tasks" testId="visit-saved"
      footer={<Button size="large" onClick={() => (whom.taskId ? navigate('/m/tasks') : navigate(-1))} data-testid="back-to-list">{t('mtask.visit.backToList')}</Button>}>
      <PendingBanner />
      <section className="mc-card">
        <Result status={refused ? 'error' : visit || online ? 'success' : 'waiting'}
          title={refused ? t('mtask.outbox.attentionList') : visit ? t('mtask.visit.saved') : online ? t('mtask.visit.sending') : t('mtask.visit.savedOffline')}
          description={whom.name} data-testid="visit-result" data-sent={visit ? 'yes' : 'no'} />
        {refused ? <NoticeBar color="error" wrap content={reasonOf(refused, t, i18n.language)} data-testid="visit-refused"
          extra={<Button size="mini" color="danger" fill="outline" onClick={() => navigate('/m/tasks/outbox')}>{t('mtask.outbox.view')}</Button>} /> : null}
        {visit?.far === true && distance !== null ? <NoticeBar color="alert" wrap content={t('mtask.visit.far', { m: distance })} data-testid="visit-far" /> : null}
        {visit?.far === false && distance !== null ? <div className="mc-hint" style={{ padding: '0 16px 12px' }} data-testid="visit-near">{t('mtask.visit.near', { m: distance })}</div> : null}
      </section>
      {reported ? (
        <Card testId="visit-case-queued">
          {kase ? <div data-testid="visit-case-number">{t('mtask.visit.reported', { number: String(kase.number ?? '') })}</div> : <div>{t('mtask.visit.reportQueued')}</div>}
        </Card>
      ) : reporting ? (
        <ReportFinding whom={whom} visitRef={visitRef} findings={findings} onDone={() => setReported(true)} />
      ) : refused ? null : (
        <Button block color="danger" fill="outline" size="large" onClick={() => setReporting(true)} data-testid="visit-report">{t('mtask.visit.report')}</Button>
      )}
    </MobilePage>
  );
}

function ReportFinding({ whom, visitRef, findings, onDone }: { whom: Whom; visitRef: string; findings: string; onDone(): void }) {
  const { t } = useTranslation();
  const matters = useApi((signal) => fetchMatters(signal), []);
  const [category, setCategory] = useState<CategoryOption | null>(null);
  const [description, setDescription] = useState(findings);
  // the category used last time is picked again (a worker who finds a hazard on one round often finds more)
  useEffect(() => {
    if (category || !matters.data) return;
    const last = localStorage.getItem(LAST_CATEGORY);
    const found = matters.data.find((m) => m.code === last);
    if (found) setCategory(found);
  }, [matters.data]); // eslint-disable-line react-hooks/exhaustive-deps

  const submit = async () => {
    if (!category) { Toast.show({ content: t('mtask.visit.needCategory') }); return; }
    if (!description.trim()) { Toast.show({ content: t('mtask.visit.needFindings') }); return; }
    localStorage.setItem(LAST_CATEGORY, category.code);
    await queueVisitCase(visitRef, { categoryCode: category.code, description: description.trim() }, whom.name);
    onDone();
  };

  return (
    <Card title={t('mtask.visit.reportTitle')} testId="visit-case-form">
      <div style={{ display: 'grid', gap: 10 }}>
        <div className="mc-hint">{t('mtask.visit.category')}</div>
        <CategoryPicker options={matters.data ?? []} value={category} onChange={setCategory} loading={matters.loading} error={matters.error} onRetry={matters.reload} />
        <div className="mc-hint">{t('mtask.visit.description')}</div>
        <TextArea value={description} onChange={setDescription} maxLength={2000} autoSize={{ minRows: 3, maxRows: 8 }} data-testid="visit-case-description" />
        <Button color="danger" block onClick={() => void submit()} data-testid="visit-case-submit">{t('mtask.visit.submitReport')}</Button>
      </div>
    </Card>
  );
}
