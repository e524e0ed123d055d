// 随手拍 · 上报事件 (/m/report) for grid workers and residents: category, description, photos, position on the
// grid map, address; then the result with the case number, the acceptance deadline and nearby duplicates (staff: each
// case; residents: only that there are some),
// and, for a grid worker's on-spot category, 现场处置 right away.
import { useMemo, useRef, useState } from 'react';
import { Button, Input, NoticeBar, Result, Toast, type ImageUploadItem } from 'antd-mobile';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CASE_LIMITS } from '../../../../shared/cases.ts';
import { ApiError, errorText } from '../../../lib/api.ts';
import { useMe } from '../../../app/auth.tsx';
import { useApi } from '../../../lib/useApi.ts';
import { fetchMatters, newIdempotencyKey, reportCase, type LngLat, type Matter, type ReportedCase } from '../api.ts';
import { CategoryPicker, PositionField, type CategoryOption, type LocateState } from './fields.tsx';
import { DescriptionAndPhotos } from './DescriptionAndPhotos.tsx';
import { OnSpotForm } from './OnSpotForm.tsx';
import { RoutingNotice, VerificationNote } from './RoutingNotice.tsx';
import { ThingPickerMobile } from '../../registry/thing-picker/mobile/public.ts';
import { hashesOf } from './photos.ts';
import { Card, formatTime, LightDot, MobilePage, SimilarNearbyNotice, StatusTag } from './ui.tsx';
// without a network the report is kept on the phone and sent later (the outbox of the grid worker's app)
import { queueReport, ReportQueued, reportMustWait, uploadOrKeep } from '../../tasks/public.ts';

export function ReportPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const isGridWorker = me.roles.includes('gridWorker');
  const matters = useApi((signal) => fetchMatters(signal), []);

  const [category, setCategory] = useState<CategoryOption | null>(null);
  const [description, setDescription] = useState('');
  const [photos, setPhotos] = useState<ImageUploadItem[]>([]);
  const [uploading, setUploading] = useState(0);
  const [position, setPosition] = useState<LngLat | null>(null);
  const [located, setLocated] = useState<LocateState>({ kind: 'idle' });
  const [address, setAddress] = useState('');
  const [thingId, setThingId] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ReportedCase | null>(null);
  const [queued, setQueued] = useState(false);
  const attemptKey = useRef<string | null>(null);
  const changed = <T,>(set: (v: T) => void) => (v: T) => { attemptKey.current = null; set(v); };

  const missing = [
    !category && t('mcase.form.category'),
    !description.trim() && t('mcase.form.description'),
    !position && t('mcase.form.location'),
  ].filter(Boolean) as string[];

  const submit = async () => {
    setError(null);
    if (missing.length > 0) { setError(t('mcase.form.required', { fields: missing.join('、') })); return; }
    if (located.kind === 'outside') { setError(located.message); return; }
    attemptKey.current ??= newIdempotencyKey();
    setSubmitting(true);
    const input = {
      categoryCode: category!.code, description: description.trim(), location: position!,
      ...(address.trim() ? { address: address.trim() } : {}), ...(photos.length ? { photos: hashesOf(photos) } : {}),
      ...(thingId ? { thingId } : {}),
    };
    const keep = async () => { await queueReport(input, attemptKey.current!, category!.name, me.id); attemptKey.current = null; setQueued(true); };
    try {
      if (reportMustWait(input.photos ?? [])) { await keep(); return; }
      const created = await reportCase(input, attemptKey.current);
      attemptKey.current = null;
      setResult(created);
      window.scrollTo(0, 0);
    } catch (e) {
      if (e instanceof ApiError && e.status === 0) { await keep(); return; }
      // a network failure keeps the key: pressing submit again retries the same report
      setError(errorText(e, i18n.language));
      if (!(e instanceof ApiError) || e.status === 0 || e.status >= 500) Toast.show({ icon: 'fail', content: errorText(e, i18n.language) });
    } finally {
      setSubmitting(false);
    }
  };

  const reset = () => { setResult(null); setQueued(false); setCategory(null); setDescription(''); setPhotos([]); setAddress(''); setThingId(null); setError(null); };
  if (queued) return <ReportQueued onAnother={reset} />;
  if (result) {
    const matter = (matters.data ?? []).find((m) => m.code === result.categoryCode);
    return <ReportResult kase={result} matter={matter} isGridWorker={isGridWorker} onAnother={reset} />;
  }

  return (
    <MobilePage title={t('mcase.title.report')} testId="report-page"
      footer={
        <Button color="danger" size="large" loading={submitting} disabled={uploading > 0} onClick={() => void submit()} data-testid="report-submit">
          {uploading > 0 ? t('mcase.form.uploading') : attemptKey.current && error ? t('mcase.form.retry') : t('mcase.form.submit')}
        </Button>
      }>
      <Card title={t('mcase.form.category')} required testId="category-card">
        <CategoryPicker options={matters.data ?? []} value={category} onChange={changed(setCategory)}
          loading={matters.loading} error={matters.error} onRetry={matters.reload} />
      </Card>
      <DescriptionAndPhotos description={description} onDescription={changed(setDescription)} photos={photos} onPhotos={changed(setPhotos)}
        onUploading={setUploading} send={uploadOrKeep} />
      <Card title={t('mcase.form.location')} required>
        <PositionField lookup value={position} onChange={changed(setPosition)} onLocated={setLocated} />
        <Input placeholder={t('mcase.form.addressPlaceholder')} value={address} onChange={changed(setAddress)} maxLength={CASE_LIMITS.address} clearable
          data-testid="address" style={{ '--font-size': '15px', marginTop: 10, background: '#f7f8fa', borderRadius: 8, padding: '8px 10px', boxSizing: 'border-box' }} />
        <ThingPickerMobile at={located.kind === 'outside' ? null : position} categoryCode={category?.code} value={thingId} onChange={changed(setThingId)} />
      </Card>
      <RoutingNotice categoryCode={category?.code ?? null} at={position} anonymous={false} />
      {error ? <NoticeBar content={error} color="error" wrap data-testid="report-error" /> : null}
    </MobilePage>
  );
}

function ReportResult({ kase: initial, matter, isGridWorker, onAnother }: { kase: ReportedCase; matter: Matter | undefined; isGridWorker: boolean; onAnother(): void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [kase, setKase] = useState(initial);
  const accept = kase.deadlines.accept;
  const canOnSpot = isGridWorker && kase.policies.includes('resolve_on_spot') && (matter?.onSpot ?? true);
  const duplicates = useMemo(() => initial.duplicates ?? [], [initial]);

  return (
    <MobilePage title={t('mcase.title.result')} testId="report-result"
      footer={<>
        <Button size="large" onClick={onAnother} data-testid="report-another">{t('mcase.result.another')}</Button>
        <Button size="large" color="danger" onClick={() => navigate(`/m/cases/${kase.id}`)} data-testid="view-case">{t('mcase.result.viewCase')}</Button>
      </>}>
      <section className="mc-card">
        <Result status="success" title={t('mcase.title.result')} description={t('mcase.result.saveNumber')} style={{ paddingBottom: 8 }} />
        <div className="mc-card-body" style={{ display: 'grid', gap: 12 }}>
          <div>
            <div className="mc-hint" style={{ textAlign: 'center', marginBottom: 6 }}>{t('mcase.result.number')}</div>
            <div className="mc-number mc-number-big" data-testid="case-number">{kase.number}</div>
          </div>
          <dl className="mc-kv">
            <dt>{t('mcase.result.status')}</dt><dd><StatusTag status={kase.status} /></dd>
            <dt>{t('mcase.detail.category')}</dt><dd>{kase.categoryName}</dd>
            {kase.verification ? <><dt>{t('caseLoop.drawer.verifyBy')}</dt><dd data-testid="result-verification"><VerificationNote v={kase.verification} /></dd></> : null}
            {accept ? <><dt>{t('mcase.result.acceptBy')}</dt>
              <dd data-testid="accept-due"><LightDot light={accept.light} done={!!accept.stoppedAt} />
                {accept.stoppedAt ? t('mcase.detail.stopped', { time: formatTime(accept.stoppedAt, i18n.language) }) : formatTime(accept.dueAt, i18n.language)}</dd></> : null}
          </dl>
        </div>
      </section>
      {duplicates.length > 0 ? (
        <Card title={t('mcase.result.duplicates')} testId="duplicates">
          <div className="mc-hint" style={{ marginBottom: 6 }}>{t('mcase.result.duplicatesHint')}</div>
          {duplicates.map((d) => (
            <div key={d.id} className="mc-clock">
              {isGridWorker ? <Link to={`/m/cases/${d.id}`}>{t('mcase.result.viewCase')}</Link> : <span>{kase.categoryName}</span>}
              <span className="mc-hint">{t('mcase.result.distance', { m: Math.round(d.distanceM) })}</span>
            </div>
          ))}
        </Card>
      ) : <SimilarNearbyNotice similar={kase.similarNearby} />}
      {canOnSpot ? (
        <Card title={t('mcase.result.onSpotTitle')} testId="on-spot-card">
          <div className="mc-hint" style={{ marginBottom: 8 }}>{t('mcase.result.onSpotHint')}</div>
          <OnSpotForm kase={kase} onDone={setKase} />
        </Card>
      ) : null}
    </MobilePage>
  );
}
