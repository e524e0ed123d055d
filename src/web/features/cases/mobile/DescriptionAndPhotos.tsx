// 问题描述 and 现场照片 of a report: one field set for the signed-in report (grid workers, residents) and the
// anonymous one, with the case's own limits. Photos are compressed and uploaded as they are picked.
import { ImageUploader, TextArea, type ImageUploadItem } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { CASE_LIMITS } from '../../../../shared/cases.ts';
import { useUploader } from './OnSpotForm.tsx';
import type { uploadForUploader } from './photos.ts';
import { Card } from './ui.tsx';

interface Props {
  description: string;
  onDescription(v: string): void;
  photos: ImageUploadItem[];
  onPhotos(v: ImageUploadItem[]): void;
  /** how many photos are still uploading: the form waits for them */
  onUploading(count: number): void;
  /** the upload to use (the signed-in one by default; the anonymous form has its own) */
  send?: Parameters<typeof uploadForUploader>[1];
}

export function DescriptionAndPhotos({ description, onDescription, photos, onPhotos, onUploading, send }: Props) {
  const { t } = useTranslation();
  const upload = useUploader(send);
  return (
    <>
      <Card title={t('mcase.form.description')} required>
        <TextArea placeholder={t('mcase.form.descriptionPlaceholder')} value={description} onChange={onDescription}
          maxLength={CASE_LIMITS.description} showCount autoSize={{ minRows: 3, maxRows: 8 }} style={{ '--font-size': '16px' }} data-testid="description" />
      </Card>
      <Card title={t('mcase.form.photos')} extra={<span className="mc-hint">{t('mcase.form.photosHint', { count: CASE_LIMITS.photos })}</span>}>
        <ImageUploader value={photos} onChange={onPhotos} upload={upload} accept="image/*" capture="environment" multiple maxCount={CASE_LIMITS.photos}
          onUploadQueueChange={(q) => onUploading(q.filter((x) => x.status === 'pending').length)} data-testid="photos"
          style={{ '--cell-size': '92px' }} />
      </Card>
    </>
  );
}
