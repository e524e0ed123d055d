// 琐事马上办: the grid worker fixes it on the spot, takes an after-photo and closes the loop to `handled`.
import { useState } from 'react';
import { Button, ImageUploader, TextArea, Toast, type ImageUploadItem } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { CASE_LIMITS } from '../../../../shared/cases.ts';
import { ApiError, errorText } from '../../../lib/api.ts';
import { caseAction, fetchCase, type CaseDetail } from '../api.ts';
import { hashesOf, uploadForUploader } from './photos.ts';

/** The ImageUploader `upload`: compress, send (signed in by default), and say why when the server refuses. */
export function useUploader(send?: Parameters<typeof uploadForUploader>[1]) {
  const { i18n } = useTranslation();
  return async (file: File) => {
    try {
      return await uploadForUploader(file, send);
    } catch (e) {
      Toast.show({ icon: 'fail', content: errorText(e, i18n.language) });
      throw e;
    }
  };
}

export function OnSpotForm({ kase, onDone }: { kase: CaseDetail; onDone(updated: CaseDetail): void }) {
  const { t, i18n } = useTranslation();
  const upload = useUploader();
  const [photos, setPhotos] = useState<ImageUploadItem[]>([]);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [uploading, setUploading] = useState(0);

  const submit = async () => {
    const hashes = hashesOf(photos);
    if (hashes.length === 0) { Toast.show({ content: t('mcase.detail.onSpotNeedPhoto') }); return; }
    setBusy(true);
    try {
      const updated = await caseAction(kase.id, 'resolve_on_spot', { version: kase.version, photos: hashes, ...(note.trim() ? { note: note.trim() } : {}) });
      Toast.show({ icon: 'success', content: t('mcase.detail.done') });
      onDone(updated);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'CASE_STALE_VERSION') {
        Toast.show({ content: t('mcase.detail.stale') });
        onDone(await fetchCase(kase.id));
      } else Toast.show({ icon: 'fail', content: errorText(e, i18n.language) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ display: 'grid', gap: 10 }} data-testid="on-spot-form">
      <div className="mc-hint">{t('mcase.detail.onSpotPhoto')}</div>
      <ImageUploader value={photos} onChange={setPhotos} upload={upload} accept="image/*" capture="environment" multiple maxCount={4}
        onUploadQueueChange={(q) => setUploading(q.filter((x) => x.status === 'pending').length)} data-testid="after-photos" />
      <TextArea placeholder={t('mcase.detail.onSpotNote')} value={note} onChange={setNote} rows={2} maxLength={CASE_LIMITS.note} showCount
        style={{ '--font-size': '15px', background: '#f7f8fa', borderRadius: 8, padding: 8 }} />
      <Button color="success" block size="large" loading={busy} disabled={uploading > 0} onClick={() => void submit()} data-testid="on-spot-submit"
        style={{ borderRadius: 24 }}>
        {t('mcase.actions.resolve_on_spot')}
      </Button>
    </div>
  );
}
