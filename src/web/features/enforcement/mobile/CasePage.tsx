// 执法案件 on the phone (/m/enforcement/:id): the matter, subject, facts, the proposed band; 按建议确认裁量 (or adjust the
// fine with a reason) and 补充照片 while investigating. Legal review and the decision are done at the desk.
import { useState } from 'react';
import { Button, DotLoading, ErrorBlock, ImageUploader, Input, Popup, Tag, TextArea, Toast, type ImageUploadItem } from 'antd-mobile';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/api.ts';
import { useApi } from '../../../lib/useApi.ts';
import { Card, MobilePage, uploadForUploader } from '../../cases/public.ts';
import { caseAction, fetchCase, newIdempotencyKey, type CaseDetail } from '../api.ts';
import { bandText, penaltyText } from '../parts.tsx';
import '../locales.ts';
import './enforcement-mobile.css';

export function MobileCasePage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const loaded = useApi((signal) => fetchCase(id, false, signal), [id]);
  const [override, setOverride] = useState<CaseDetail | null>(null);
  const kase = override ?? loaded.data;
  const [sheet, setSheet] = useState<null | 'adjust' | 'photos'>(null);
  const [busy, setBusy] = useState(false);

  const act = async (run: () => Promise<CaseDetail>, done: string) => {
    setBusy(true);
    try { setOverride(await run()); setSheet(null); Toast.show({ icon: 'success', content: done }); } catch (e) { Toast.show({ icon: 'fail', content: errorText(e, i18n.language) }); }
    setBusy(false);
  };

  if (!kase) {
    return (
      <MobilePage title={t('enf.m.detail')} back="/m/enforcement">
        {loaded.error ? <ErrorBlock status="default" title={errorText(loaded.error, i18n.language)} description="" /> : <div style={{ textAlign: 'center', padding: 40 }}><DotLoading color="primary" /></div>}
      </MobilePage>
    );
  }
  const band = kase.proposed.penalty;
  const confirmProposed = () => {
    const kind = band.kinds.includes('fine') ? 'fine' : band.kinds[0] ?? 'warning';
    void act(() => caseAction(kase.id, 'confirm-band', { benchmarkKey: kase.proposed.benchmarkKey, penalty: { kind, fineYuan: kind === 'fine' ? band.minYuan : null } }), t('enf.actions.done', { action: t('enf.actions.confirm-band') }));
  };
  const can = (p: CaseDetail['policies'][number]) => kase.policies.includes(p);

  return (
    <MobilePage title={t('enf.m.detail')} back="/m/enforcement" testId="menf-case-page"
      footer={can('confirmBand') || can('addEvidence') ? (
        <div className="menf-actions" style={{ width: '100%' }}>
          {can('confirmBand') ? <Button block size="large" color="danger" loading={busy} onClick={confirmProposed} data-testid="menf-confirm">{t('enf.m.confirm')}</Button> : null}
          <div style={{ display: 'flex', gap: 10 }}>
            {can('confirmBand') && band.kinds.includes('fine') ? <Button block onClick={() => setSheet('adjust')} data-testid="menf-adjust">{t('enf.m.confirmOther')}</Button> : null}
            {can('addEvidence') ? <Button block onClick={() => setSheet('photos')} data-testid="menf-photos">{t('enf.m.addPhoto')}</Button> : null}
          </div>
        </div>
      ) : undefined}>
      <Card>
        <div className="mc-number zz-code" data-testid="menf-number">{kase.number}</div>
        <div><Tag color="primary">{t(`enf.statuses.${kase.status}`)}</Tag> <strong>{kase.matter.name}</strong></div>
      </Card>
      <Card title={t('enf.m.band')}>
        <div className="menf-band" data-testid="menf-proposed"><div><Tag color="danger" fill="solid">{kase.proposed.name}</Tag> <strong>{bandText(t, band)}</strong></div></div>
        {kase.confirmed ? <div className="menf-row"><span>{t('enf.band.confirmed')}</span><strong data-testid="menf-confirmed">{kase.confirmed.name} · {penaltyText(t, kase.confirmed.penalty)}</strong></div> : null}
        {kase.departure ? <div className="mc-hint">{t('enf.band.departureReason')}：{kase.departureReason}</div> : null}
        {kase.status === 'awaitingReview' ? <div className="mc-hint">{t('enf.m.desk')}</div> : null}
      </Card>
      <Card title={t('enf.m.facts')}>
        {kase.facts.map((f) => <div key={f.key} className="menf-row"><span>{f.label}</span><span>{f.value === null ? t('enf.none') : f.display}</span></div>)}
      </Card>
      <Card title={t('enf.m.subject')}>
        <div className="menf-row"><span>{t('enf.m.subjectName')}</span><span>{kase.subject.name}</span></div>
        <div style={{ whiteSpace: 'pre-wrap' }}>{kase.description}</div>
      </Card>
      <Card title={t('enf.detail.evidence')}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6 }}>
          {kase.evidence.filter((e) => e.thumbUrl).map((e) => <img key={e.id} src={e.thumbUrl!} alt="" style={{ width: 96, height: 72, objectFit: 'cover', borderRadius: 6 }} />)}
        </div>
        {kase.evidence.length === 0 ? <div className="mc-hint">{t('enf.detail.noEvidence')}</div> : null}
      </Card>
      <Popup visible={sheet === 'adjust'} onMaskClick={() => setSheet(null)} destroyOnClose bodyStyle={{ borderTopLeftRadius: 14, borderTopRightRadius: 14 }}>
        <AdjustSheet kase={kase} busy={busy} onCancel={() => setSheet(null)}
          onSubmit={(fine, reason) => act(() => caseAction(kase.id, 'confirm-band', { benchmarkKey: kase.proposed.benchmarkKey, penalty: { kind: 'fine', fineYuan: fine }, ...(reason ? { departureReason: reason } : {}) }), t('enf.actions.done', { action: t('enf.actions.confirm-band') }))} />
      </Popup>
      <Popup visible={sheet === 'photos'} onMaskClick={() => setSheet(null)} destroyOnClose bodyStyle={{ borderTopLeftRadius: 14, borderTopRightRadius: 14 }}>
        <PhotoSheet busy={busy} onCancel={() => setSheet(null)} onSubmit={(hashes) => act(async () => {
          const key = newIdempotencyKey();
          let last = kase;
          for (const [i, fileHash] of hashes.entries()) last = await caseAction(kase.id, 'add-evidence', { kind: 'photo', fileHash }, `${key}-${i}`);
          return last;
        }, t('enf.m.added'))} />
      </Popup>
    </MobilePage>
  );
}

function AdjustSheet({ kase, busy, onCancel, onSubmit }: { kase: CaseDetail; busy: boolean; onCancel(): void; onSubmit(fine: number, reason: string): Promise<void> }) {
  const { t } = useTranslation();
  const band = kase.proposed.penalty;
  const [fine, setFine] = useState(String(band.minYuan ?? ''));
  const [reason, setReason] = useState('');
  const n = Number(fine);
  const outside = (band.minYuan !== null && n < band.minYuan) || (band.maxYuan !== null && n > band.maxYuan);
  return (
    <div className="mc-popup-body">
      <div className="mc-popup-title">{t('enf.m.confirmOther')}</div>
      <div className="mc-hint">{kase.proposed.name} · {bandText(t, band)}</div>
      <div>{t('enf.m.fine')}</div>
      <Input className="menf-input" type="number" inputMode="decimal" value={fine} onChange={setFine} data-testid="menf-fine" />
      {outside ? <><div>{t('enf.m.reason')}</div><TextArea className="menf-input" rows={2} value={reason} onChange={setReason} maxLength={500} /></> : null}
      <div style={{ display: 'flex', gap: 10 }}>
        <Button block onClick={onCancel}>{t('enf.m.cancel')}</Button>
        <Button block color="danger" loading={busy} disabled={!(n > 0) || (outside && !reason.trim())} onClick={() => void onSubmit(n, outside ? reason.trim() : '')}>{t('enf.m.done')}</Button>
      </div>
    </div>
  );
}

function PhotoSheet({ busy, onCancel, onSubmit }: { busy: boolean; onCancel(): void; onSubmit(hashes: string[]): Promise<void> }) {
  const { t } = useTranslation();
  const [photos, setPhotos] = useState<ImageUploadItem[]>([]);
  const hashes = photos.map((p) => (p.extra as { hash?: string } | undefined)?.hash).filter((h): h is string => !!h);
  return (
    <div className="mc-popup-body">
      <div className="mc-popup-title">{t('enf.m.addPhoto')}</div>
      <ImageUploader value={photos} onChange={setPhotos} upload={(f) => uploadForUploader(f)} accept="image/*" capture="environment" multiple maxCount={6} />
      <div style={{ display: 'flex', gap: 10 }}>
        <Button block onClick={onCancel}>{t('enf.m.cancel')}</Button>
        <Button block color="danger" loading={busy} disabled={hashes.length === 0} onClick={() => void onSubmit(hashes)}>{t('enf.m.done')}</Button>
      </div>
    </div>
  );
}
