// 现场立案 (/m/enforcement/new, ?caseId= from a loop case): the officer on foot picks the matter, taps the facts, sees
// the proposed band change with them, names the subject, says what happened and takes photos; the place is the loop
// case's, or the phone's position on patrol. Submitting opens the case and adds the photos as evidence.
import { useEffect, useRef, useState } from 'react';
import { Button, DotLoading, ErrorBlock, ImageUploader, Input, Selector, TextArea, Toast, type ImageUploadItem } from 'antd-mobile';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Facts } from '../../../../shared/enforcement.ts';
import { errorText } from '../../../lib/api.ts';
import { useApi } from '../../../lib/useApi.ts';
import { Card, MobilePage, uploadForUploader, useGeolocation } from '../../cases/public.ts';
import { caseAction, fetchLoopCase, listMatters, newIdempotencyKey, openCase } from '../api.ts';
import { MobileBand, MobileFacts } from './mobile-facts.tsx';
import '../locales.ts';
import './enforcement-mobile.css';

export function OpenCasePage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const loopCaseId = params.get('caseId');
  const loop = useApi(loopCaseId ? (signal) => fetchLoopCase(loopCaseId, signal) : null, [loopCaseId]);
  const category = loop.data?.categoryCode;
  const matters = useApi(!loopCaseId || category ? (signal) => listMatters(category ? { loopCategoryCode: category } : {}, signal) : null, [loopCaseId, category]);
  const geo = useGeolocation();
  const [matterCode, setMatterCode] = useState<string | null>(null);
  const [facts, setFacts] = useState<Facts>({});
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [photos, setPhotos] = useState<ImageUploadItem[]>([]);
  const [busy, setBusy] = useState(false);
  const key = useRef(newIdempotencyKey());
  const items = matters.data?.items ?? [];
  useEffect(() => { if (!matterCode && items.length === 1) setMatterCode(items[0]!.code); }, [items, matterCode]);
  useEffect(() => { if (loop.data && !description) setDescription(loop.data.description); }, [loop.data]); // eslint-disable-line react-hooks/exhaustive-deps
  const matter = items.find((m) => m.code === matterCode) ?? null;
  const at = geo.state.kind === 'ok' ? geo.state.at : null;

  const submit = async () => {
    if (!matter || !name.trim() || !description.trim() || (!loopCaseId && !at)) {
      Toast.show({ content: t('enf.required', { field: [!matter ? t('enf.m.matter') : null, !name.trim() ? t('enf.m.subjectName') : null, !description.trim() ? t('enf.m.description') : null, !loopCaseId && !at ? t('enf.m.place') : null].filter(Boolean).join('、') }) });
      return;
    }
    setBusy(true);
    try {
      const opened = await openCase({
        matterCode: matter.code, facts, subject: { kind: 'person', name: name.trim() }, description: description.trim(),
        ...(loopCaseId ? { caseId: loopCaseId } : { location: at! }),
      }, key.current);
      const hashes = photos.map((p) => (p.extra as { hash?: string } | undefined)?.hash).filter((h): h is string => !!h);
      for (const [i, hash] of hashes.entries()) await caseAction(opened.id, 'add-evidence', { kind: 'photo', fileHash: hash }, `${key.current}-photo-${i}`);
      Toast.show({ icon: 'success', content: t('enf.m.created', { number: opened.number }) });
      navigate(`/m/enforcement/${opened.id}`, { replace: true });
    } catch (e) {
      Toast.show({ icon: 'fail', content: errorText(e, i18n.language) });
      setBusy(false);
    }
  };

  if (loop.error) return <MobilePage title={t('enf.m.open')} back="/m/enforcement"><ErrorBlock status="default" title={errorText(loop.error, i18n.language)} description="" /></MobilePage>;
  return (
    <MobilePage title={t('enf.m.open')} back={loopCaseId ? `/m/cases/${loopCaseId}` : '/m/enforcement'} testId="menf-open"
      footer={<Button block size="large" color="danger" loading={busy} onClick={() => void submit()} data-testid="menf-submit">{t('enf.m.submit')}</Button>}>
      {loop.data ? <Card><div className="mc-hint">{t('enf.m.fromCase', { number: loop.data.number })}</div><div>{loop.data.address ?? ''}</div></Card> : null}
      {!loopCaseId ? (
        <Card title={t('enf.m.place')}>
          <div className="mc-hint" data-testid="menf-place">
            {geo.state.kind === 'locating' ? <><DotLoading /> {t('enf.m.locating')}</> : geo.state.kind === 'ok' ? `${t('enf.m.located')} ${geo.state.at.lng.toFixed(5)}, ${geo.state.at.lat.toFixed(5)}` : t('enf.m.locateFailed')}
          </div>
        </Card>
      ) : null}
      <Card title={t('enf.m.matter')} required>
        {matters.loading ? <DotLoading /> : (
          <Selector columns={items.length > 2 ? 2 : 1} value={matterCode ? [matterCode] : []} onChange={(v) => { setMatterCode(v[0] ?? null); setFacts({}); }}
            options={items.map((m) => ({ value: m.code, label: m.name }))} data-testid="menf-matter" />
        )}
      </Card>
      {matter ? <Card title={t('enf.m.facts')}><MobileFacts defs={matter.facts} value={facts} onChange={setFacts} /></Card> : null}
      <Card title={t('enf.m.band')}><MobileBand matter={matter} facts={facts} /></Card>
      <Card title={t('enf.m.subjectName')} required>
        <Input className="menf-input" value={name} onChange={setName} maxLength={100} data-testid="menf-subject" />
      </Card>
      <Card title={t('enf.m.description')} required>
        <TextArea className="menf-input" value={description} onChange={setDescription} rows={3} maxLength={2000} data-testid="menf-description" />
      </Card>
      <Card title={t('enf.m.photos')}>
        <ImageUploader value={photos} onChange={setPhotos} upload={(f) => uploadForUploader(f)} accept="image/*" capture="environment" multiple maxCount={6} />
      </Card>
    </MobilePage>
  );
}
